"""The official generated client (``rustici-software-cloud-v2``) works unchanged.

It runs the versioning scenario against ``scormcloud-mock serve`` (and the live service
when enabled): import, new version, restart policy, launch, and the instance list. It
talks through its own urllib3 stack, so it checks the wire, not our SDK.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from targets import PACKAGES, Target

rustici = pytest.importorskip("rustici_software_cloud_v2")

GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_SCO_ADDED = (
    PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
)


def official_client(target: Target) -> Any:
    configuration = rustici.Configuration()
    configuration.host = target.base_url
    configuration.username, configuration.password = target.credentials
    return rustici.ApiClient(configuration)


def import_with(courses: Any, course_id: str, package: str, *, new: bool) -> Any:
    job = courses.create_upload_and_import_course_job(
        course_id, file=package, may_create_new_version=new
    )
    for _ in range(60):
        status = courses.get_import_job_status(job.result)
        if status.status != "RUNNING":
            break
        time.sleep(0.05)
    assert status.status == "COMPLETE", status.message
    return status.import_result.course


def test_versioning_scenario_with_the_official_client(http_target: Target) -> None:
    api = official_client(http_target)
    courses = rustici.CourseApi(api)
    registrations = rustici.RegistrationApi(api)
    course_id = http_target.new_course_id()
    registration_id = f"official-{uuid.uuid4().hex[:12]}"

    first = import_with(courses, course_id, str(GOLF), new=False)
    registrations.create_registration(
        rustici.CreateRegistrationSchema(
            course_id=course_id,
            registration_id=registration_id,
            learner=rustici.LearnerSchema(id=f"learner-{registration_id}"),
        )
    )
    second = import_with(courses, course_id, str(GOLF_SCO_ADDED), new=True)
    courses.set_course_configuration(
        course_id,
        rustici.SettingsPostSchema(
            settings=[
                rustici.SettingsIndividualSchema(
                    setting_id="WhenToRestartRegistration",
                    value="WHEN_NEWER_PACKAGE_VERSION_EXISTS",
                )
            ]
        ),
    )
    link = registrations.build_registration_launch_link(
        registration_id,
        rustici.LaunchLinkRequestSchema(redirect_on_exit_url="message", expiry=60),
    )
    assert http_target.open_link(link.launch_link).status_code == 200

    assert (first.version, second.version) == (0, 1)
    versions = courses.get_course_versions(course_id).courses
    assert sorted(v.version for v in versions) == [0, 1]
    registrations.get_registration(registration_id)  # HEAD: raises unless 200
    instances = registrations.get_registration_instances(registration_id).registrations
    assert [(i.instance, i.course.version) for i in instances] == [(0, 0), (1, 1)]
    latest = registrations.get_registration_progress(registration_id)
    assert (latest.instance, latest.registration_completion) == (1, "UNKNOWN")
    configuration = courses.get_course_configuration(course_id).setting_items
    restart = next(i for i in configuration if i.id == "WhenToRestartRegistration")
    assert restart.effective_value == "WHEN_NEWER_PACKAGE_VERSION_EXISTS"
