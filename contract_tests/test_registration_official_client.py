"""Every call of the official client's ``RegistrationApi`` (but xAPI statements).

Run against ``scormcloud-mock serve`` (and the live service when enabled), through the
client's own urllib3 stack and models, so the mock's wire format is checked by code we
did not write. Against the mock server a learner's results are committed through the
simulation endpoint first, so the detailed progress has something to show.
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from targets import PACKAGES, Target
from test_official_client import import_with, official_client

rustici = pytest.importorskip("rustici_software_cloud_v2")

GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
RESTART = "WhenToRestartRegistration"


def settings(value: str) -> Any:
    return rustici.SettingsPostSchema(
        settings=[rustici.SettingsIndividualSchema(setting_id=RESTART, value=value)]
    )


def simulate_learner(target: Target, registration_id: str) -> None:
    """Commit a passed result through the mock's own endpoint (mock server only)."""
    site = target.base_url.rsplit("/api/v2", 1)[0]
    values = {
        "cmi.completion_status": "completed",
        "cmi.success_status": "passed",
        "cmi.score.scaled": "0.75",
        "cmi.session_time": "PT42S",
        "cmi.interactions.0.id": "q1",
        "cmi.interactions.0.type": "true-false",
        "cmi.interactions.0.result": "correct",
    }
    response = httpx.post(
        f"{site}/__mock__/registrations/{registration_id}/runtime",
        json={"values": values, "terminate": True},
    )
    response.raise_for_status()


def test_every_registration_call_of_the_official_client(http_target: Target) -> None:
    api = official_client(http_target)
    registrations = rustici.RegistrationApi(api)
    course_id = http_target.new_course_id()
    import_with(rustici.CourseApi(api), course_id, str(GOLF), new=False)
    registration_id = f"official-{uuid.uuid4().hex[:12]}"
    other_id = f"official-{uuid.uuid4().hex[:12]}"

    for rid in (registration_id, other_id):
        registrations.create_registration(
            rustici.CreateRegistrationSchema(
                course_id=course_id,
                registration_id=rid,
                learner=rustici.LearnerSchema(id=f"learner-{rid}"),
                registration_tags=["start"],
            )
        )
    link = registrations.build_registration_launch_link(
        registration_id,
        rustici.LaunchLinkRequestSchema(redirect_on_exit_url="message", expiry=60),
    )
    assert http_target.open_link(link.launch_link).status_code == 200
    if http_target.name == "mock-server":
        simulate_learner(http_target, registration_id)

    registrations.get_registration(registration_id)
    progress = registrations.get_registration_progress(
        registration_id,
        include_child_results=True,
        include_interactions_and_objectives=True,
        include_runtime=True,
    )
    listed = registrations.get_registrations(
        course_id=course_id, include_total_count=True, order_by="created_asc"
    )
    assert [r.id for r in listed.registrations] == [registration_id, other_id]
    if http_target.name == "mock-server":
        assert progress.score.scaled == 75.0
        assert progress.total_seconds_tracked == 42.0
        sco = progress.activity_details.children[0]
        assert sco.runtime.runtime_interactions[0].type == "TrueFalse"

    history = registrations.get_registration_launch_history(registration_id)
    assert [h.instance for h in history.launch_history] == [0]
    instance_history = registrations.get_registration_instance_launch_history(
        registration_id, 0, include_history_log=True
    )
    assert len(instance_history.launch_history) == 1

    registrations.put_registration_tags(
        registration_id, rustici.TagListSchema(tags=["a", "b"])
    )
    registrations.delete_registration_tags(
        registration_id, rustici.TagListSchema(tags=["a"])
    )
    registrations.put_registration_tags_batch(
        rustici.BatchTagsSchema(ids=[registration_id, other_id], tags=["c"])
    )
    tags = registrations.get_registration_tags(registration_id).tags
    assert sorted(tags) == ["b", "c", "start"]

    registrations.set_registration_configuration(registration_id, settings("NEVER"))
    registrations.get_registration_configuration(registration_id, include_metadata=True)
    registrations.delete_registration_configuration_setting(registration_id, RESTART)

    registrations.create_new_registration_instance(registration_id)
    instances = registrations.get_registration_instances(
        registration_id, include_child_results=True
    )
    assert [i.instance for i in instances.registrations] == [0, 1]
    registrations.get_registration_instance_progress(registration_id, 1)
    registrations.set_registration_instance_configuration(
        registration_id, 1, settings("NEVER")
    )
    registrations.get_registration_instance_configuration(registration_id, 1)
    registrations.delete_registration_instance_configuration_setting(
        registration_id, 1, RESTART
    )
    registrations.delete_registration_instance(registration_id, 1)

    registrations.delete_registration_progress(registration_id)
    registrations.delete_registration_global_data(registration_id)
    if http_target.name == "mock-server":
        # A loopback URL nobody listens on: the call itself must still succeed.
        registrations.test_registration_postback(
            rustici.PostBackSchema(url="http://127.0.0.1:9/none", auth_type="FORM")
        )
    registrations.delete_registration(other_id)
    with pytest.raises(rustici.rest.ApiException) as missing:
        registrations.get_registration(other_id)
    assert missing.value.status == 404
