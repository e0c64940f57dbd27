"""The official client's course calls (``CourseApi``) against the mock server.

Each call the mock serves for courses, versions, assets, configuration, tags and
imports runs once through the generated client and its own urllib3 stack; its model
validation checks the JSON shapes. Not covered: xAPI statements (not served).
"""

from __future__ import annotations

import functools
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from course_helpers import GOLF
from targets import PACKAGES, Target, unique_id

rustici = pytest.importorskip("rustici_software_cloud_v2")

RESTART = "WhenToRestartRegistration"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_packages() -> Iterator[str]:
    """A loopback URL prefix that serves examples/packages."""
    handler = functools.partial(_QuietHandler, directory=str(PACKAGES))
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def official_api(target: Target) -> Any:
    configuration = rustici.Configuration()
    configuration.host = target.base_url
    configuration.username, configuration.password = target.credentials
    return rustici.ApiClient(configuration)


def finished(courses: Any, job_id: str) -> Any:
    for _ in range(100):
        status = courses.get_import_job_status(job_id)
        if status.status != "RUNNING":
            return status
        time.sleep(0.02)
    raise AssertionError(f"import job {job_id} never finished")


def settings(setting_id: str, value: str) -> Any:
    return rustici.SettingsPostSchema(
        settings=[rustici.SettingsIndividualSchema(setting_id=setting_id, value=value)]
    )


def test_imports_list_and_tags(http_target: Target, served_packages: str) -> None:
    if http_target.name == "live":
        pytest.skip("the live service cannot fetch from a loopback URL")
    courses = rustici.CourseApi(official_api(http_target))
    course_id, fetched_id = http_target.new_course_id(), http_target.new_course_id()
    tag = unique_id("official")

    job = courses.create_upload_and_import_course_job(
        course_id, file=str(GOLF), tags=[tag], may_create_new_version=False
    )
    assert finished(courses, job.result).status == "COMPLETE"
    fetch = rustici.ImportFetchRequestSchema(url=f"{served_packages}/{GOLF.name}")
    job = courses.create_fetch_and_import_course_job(fetched_id, fetch)
    assert finished(courses, job.result).status == "COMPLETE"
    job = courses.create_no_upload_and_import_course_job(
        fetched_id,
        rustici.ImportRequestSchema(fetch_request=fetch),
        may_create_new_version=True,
    )
    assert finished(courses, job.result).import_result.course.version == 1

    listed, status, headers = courses.get_courses_with_http_info(
        tags=[tag], include_total_count=True, order_by="title_asc"
    )
    assert [c.id for c in listed.courses] == [course_id]
    assert headers["X-Total-Count"] == "1"
    courses.put_course_tags(course_id, rustici.TagListSchema(tags=["a", "b"]))
    courses.delete_course_tags(course_id, rustici.TagListSchema(tags=["a"]))
    courses.put_course_tags_batch(
        rustici.BatchTagsSchema(ids=[course_id, fetched_id], tags=["c"])
    )
    assert sorted(courses.get_course_tags(course_id).tags) == sorted([tag, "b", "c"])
    courses.set_course_title(course_id, rustici.TitleSchema(title="Official"))
    course = courses.get_course(
        course_id, include_registration_count=True, include_course_metadata=True
    )
    assert (course.title, course.registration_count) == ("Official", 0)


def test_versions_assets_configuration_and_previews(
    http_target: Target, tmp_path: Path
) -> None:
    api = official_api(http_target)
    courses = rustici.CourseApi(api)
    course_id = http_target.new_course_id()
    for new in (False, True):
        job = courses.create_upload_and_import_course_job(
            course_id, file=str(GOLF), may_create_new_version=new
        )
        assert finished(courses, job.result).status == "COMPLETE"

    versions = courses.get_course_versions(course_id).courses
    assert [v.version for v in versions] == [0, 1]
    assert courses.get_course_version_info(course_id, 0).version == 0
    assert zipfile.is_zipfile(courses.get_course_zip(course_id))
    assert zipfile.is_zipfile(courses.get_versioned_course_zip(course_id, 0))

    note = tmp_path / "note.txt"
    note.write_bytes(b"official")
    written = courses.upload_course_asset_file(
        course_id, "/extra/note.txt", file=str(note), update_asset_policy="lax"
    )
    assert written.destination.lstrip("/") == "extra/note.txt"
    courses.upload_course_version_asset_file(course_id, 0, "v0.txt", file=str(note))
    paths = [f.path for f in courses.get_course_file_list(course_id).files]
    assert any(p.lstrip("/") == "extra/note.txt" for p in paths)
    version_paths = courses.get_course_version_file_list(course_id, 0).files
    assert any(f.path.lstrip("/") == "v0.txt" for f in version_paths)
    with open(courses.get_course_asset(course_id, "extra/note.txt"), "rb") as got:
        assert got.read() == b"official"
    courses.get_course_version_asset(course_id, 0, "v0.txt")
    courses.delete_course_asset(course_id, "extra/note.txt")
    courses.delete_course_version_asset(course_id, 0, "v0.txt")

    courses.set_course_configuration(course_id, settings(RESTART, "NEVER"))
    courses.set_course_version_configuration(course_id, 0, settings(RESTART, "NEVER"))
    items = courses.get_course_version_configuration(
        course_id, 0, include_metadata=True
    ).setting_items
    assert next(i for i in items if i.id == RESTART).effective_value == "NEVER"
    courses.delete_course_version_configuration_setting(course_id, 0, RESTART)
    courses.delete_course_configuration_setting(course_id, RESTART)

    request = rustici.LaunchLinkRequestSchema(redirect_on_exit_url="message", expiry=60)
    link = courses.build_course_preview_launch_link(course_id, request)
    assert http_target.open_link(link.launch_link).status_code == 200
    courses.build_course_preview_launch_link_with_version(course_id, 0, request)

    courses.delete_course_version(course_id, 0)
    assert [v.version for v in courses.get_course_versions(course_id).courses] == [1]
    courses.delete_course(course_id)


def test_application_configuration(http_target: Target) -> None:
    if http_target.name == "live":
        pytest.skip("changing the live application's settings affects everything")
    application = rustici.ApplicationManagementApi(official_api(http_target))

    application.set_application_configuration(settings(RESTART, "NEVER"))
    items = application.get_application_configuration(include_metadata=True)
    item = next(i for i in items.setting_items if i.id == RESTART)
    application.delete_application_configuration_setting(RESTART)

    assert (item.effective_value, item.effective_value_source) == (
        "NEVER",
        "application",
    )
