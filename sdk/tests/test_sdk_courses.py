"""client.courses: imports, import jobs, versions and configuration on the wire."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdk_fakes import FakeService, json_of, path_of, query_of
from werkzeug.formparser import parse_form_data

from scormcloud import (
    RESTART_SETTING_ID,
    Course,
    ImportFailedError,
    ImportTimeoutError,
    RestartPolicy,
    ScormCloud,
)

# Bytes that break naive text handling: CR/LF pairs, NULs and a fake boundary.
PACKAGE_BYTES = b"PK\x03\x04\r\n--boundary\r\n\x00\xff" + os.urandom(4096)

COURSE = {
    "id": "golf",
    "title": "Golf Explained",
    "version": 1,
    "courseLearningStandard": "SCORM20043RDEDITION",
    "created": "2024-01-02T03:04:05.000Z",
    "updated": "2024-02-01T00:00:00.000Z",
}


def job(status: str, **fields: Any) -> dict[str, Any]:
    return {"jobId": "job-1", "status": status, **fields}


def uploaded_files(request: httpx.Request) -> list[tuple[str, str | None, bytes]]:
    """Decode a multipart body from its raw bytes, as a server would.

    Returns (part name, file name, content) for each file part, after checking
    that there are no plain form fields.
    """
    environ = {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": request.headers["content-type"],
        "CONTENT_LENGTH": str(len(request.content)),
        "wsgi.input": io.BytesIO(request.content),
    }
    _, form, files = parse_form_data(environ)
    assert not form
    decoded = []
    for name, storage in files.items(multi=True):
        decoded.append((name, storage.filename, storage.read()))
        storage.close()
    return decoded


@pytest.fixture
def package(tmp_path: Path) -> Path:
    path = tmp_path / "golf explained.zip"
    path.write_bytes(PACKAGE_BYTES)
    return path


class FakeClock:
    """Stands in for time.monotonic and time.sleep, recording every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(client: ScormCloud) -> FakeClock:
    fake = FakeClock()
    client.courses._sleep = fake.sleep
    client.courses._clock = fake.monotonic
    return fake


def test_import_package_uploads_one_file_part(
    client: ScormCloud, service: FakeService, package: Path
) -> None:
    service.reply(json={"result": "job-1"})

    job_id = client.courses.import_package("golf", str(package))

    request = service.last
    assert job_id == "job-1"
    assert request.method == "POST"
    assert path_of(request) == "/api/v2/courses/importJobs/upload"
    assert query_of(request) == {"courseId": "golf", "mayCreateNewVersion": "false"}
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert uploaded_files(request) == [
        ("file", "golf explained.zip", package.read_bytes())
    ]


def test_import_package_may_create_new_version(
    client: ScormCloud, service: FakeService, package: Path
) -> None:
    service.reply(json={"result": "job-2"})

    client.courses.import_package("golf", package, may_create_new_version=True)

    assert query_of(service.last) == {"courseId": "golf", "mayCreateNewVersion": "true"}
    assert uploaded_files(service.last)[0][1] == "golf explained.zip"


def test_import_package_from_an_open_file_keeps_it_open(
    client: ScormCloud, service: FakeService, package: Path
) -> None:
    service.reply(json={"result": "job-1"})

    with package.open("rb") as stream:
        client.courses.import_package("golf", stream)
        assert not stream.closed

    assert uploaded_files(service.last) == [
        ("file", "golf explained.zip", PACKAGE_BYTES)
    ]


def test_import_package_from_memory_gets_a_default_name(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"result": "job-1"})

    client.courses.import_package("golf", io.BytesIO(PACKAGE_BYTES))

    assert uploaded_files(service.last) == [("file", "package.zip", PACKAGE_BYTES)]


@pytest.mark.parametrize("package", ["no/such/file.zip", "PK\x03\x04 not a path"])
def test_a_string_that_is_not_a_file_is_never_sent(
    client: ScormCloud, service: FakeService, package: str
) -> None:
    with pytest.raises(FileNotFoundError):
        client.courses.import_package("golf", package)

    assert service.requests == []


def test_import_package_rejects_objects_that_are_not_files(
    client: ScormCloud, service: FakeService
) -> None:
    with pytest.raises(TypeError):
        client.courses.import_package("golf", PACKAGE_BYTES)  # type: ignore[arg-type]

    assert service.requests == []


def test_get_import_job_reads_the_result(
    client: ScormCloud, service: FakeService
) -> None:
    result = {
        "webPathToCourse": "/courses/APP/golf/1",
        "parserWarnings": ["odd manifest"],
        "courseLanguages": ["en-US"],
        "course": COURSE,
    }
    service.reply(
        json=job("COMPLETE", message="Import Successful", importResult=result)
    )

    import_job = client.courses.get_import_job("job-1")

    assert service.last.method == "GET"
    assert path_of(service.last) == "/api/v2/courses/importJobs/job-1"
    assert import_job.job_id == "job-1"
    assert import_job.status == "COMPLETE"
    assert import_job.message == "Import Successful"
    assert import_job.import_result is not None
    assert import_job.import_result.parser_warnings == ["odd manifest"]
    assert import_job.import_result.course == Course.model_validate(COURSE)


def test_wait_for_import_polls_with_growing_capped_intervals(
    client: ScormCloud, service: FakeService, clock: FakeClock
) -> None:
    for _ in range(5):
        service.reply(json=job("RUNNING"))
    service.reply(json=job("COMPLETE", importResult={"course": COURSE}))

    course = client.courses.wait_for_import(
        "job-1", initial_interval=0.5, max_interval=1.0
    )

    assert course.id == "golf"
    assert course.version == 1
    assert clock.sleeps == [0.5, 0.75, 1.0, 1.0, 1.0]
    assert len(service.requests) == 6


def test_wait_for_import_grows_by_half_each_time(
    client: ScormCloud, service: FakeService, clock: FakeClock
) -> None:
    for _ in range(3):
        service.reply(json=job("RUNNING"))
    service.reply(json=job("COMPLETE", importResult={"course": COURSE}))

    client.courses.wait_for_import("job-1")

    assert clock.sleeps == [0.5, 0.75, 1.125]


def test_wait_for_import_raises_the_job_message_on_error(
    client: ScormCloud, service: FakeService, clock: FakeClock
) -> None:
    service.reply(json=job("RUNNING"))
    service.reply(json=job("ERROR", message="zip did not contain courses"))

    with pytest.raises(ImportFailedError) as caught:
        client.courses.wait_for_import("job-1")

    assert caught.value.job_id == "job-1"
    assert caught.value.message == "zip did not contain courses"
    assert "zip did not contain courses" in str(caught.value)


def test_wait_for_import_error_without_message(
    client: ScormCloud, service: FakeService, clock: FakeClock
) -> None:
    service.reply(json={"jobId": "job-1", "status": "ERROR", "parserWarnings": []})

    with pytest.raises(ImportFailedError) as caught:
        client.courses.wait_for_import("job-1")

    assert caught.value.message is None
    assert clock.sleeps == []


def test_wait_for_import_gives_up_after_the_timeout(
    client: ScormCloud, service: FakeService, clock: FakeClock
) -> None:
    for _ in range(10):
        service.reply(json=job("RUNNING"))

    with pytest.raises(ImportTimeoutError) as caught:
        client.courses.wait_for_import("job-1", timeout=3.0)

    assert caught.value.job_id == "job-1"
    assert caught.value.timeout == 3.0
    # 0.5 + 0.75 + 1.125 leaves 0.625 s: the last sleep is cut to the deadline,
    # then one final poll.
    assert clock.sleeps == [0.5, 0.75, 1.125, 0.625]
    assert len(service.requests) == 5


def test_import_and_wait_uploads_then_polls(
    client: ScormCloud, service: FakeService, clock: FakeClock, package: Path
) -> None:
    service.reply(json={"result": "job-9"})
    service.reply(json=job("RUNNING"))
    service.reply(json=job("COMPLETE", importResult={"course": COURSE}))

    course = client.courses.import_and_wait(
        "golf", package, may_create_new_version=True
    )

    assert course.title == "Golf Explained"
    assert query_of(service.requests[0])["mayCreateNewVersion"] == "true"
    assert path_of(service.requests[2]) == "/api/v2/courses/importJobs/job-9"


def test_get_sends_include_flags_only_when_true(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=COURSE)
    service.reply(json=COURSE)

    client.courses.get("golf")
    client.courses.get(
        "golf", include_registration_count=True, include_course_metadata=True
    )

    assert [r.method for r in service.requests] == ["GET", "GET"]
    assert path_of(service.requests[0]) == "/api/v2/courses/golf"
    assert query_of(service.requests[0]) == {}
    assert query_of(service.requests[1]) == {
        "includeRegistrationCount": "true",
        "includeCourseMetadata": "true",
    }


def test_delete_removes_the_course(client: ScormCloud, service: FakeService) -> None:
    service.reply(204)

    client.courses.delete("golf/1")

    assert service.last.method == "DELETE"
    assert path_of(service.last) == "/api/v2/courses/golf%2F1"
    assert service.last.content == b""


def test_versions_list_returns_one_course_per_version(
    client: ScormCloud, service: FakeService
) -> None:
    versions = [{**COURSE, "version": 0}, {**COURSE, "version": 1}]
    service.reply(json={"courses": versions})

    courses = client.courses.versions.list("golf")

    assert path_of(service.last) == "/api/v2/courses/golf/versions"
    assert [course.version for course in courses] == [0, 1]


def test_versions_get_addresses_one_version(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={**COURSE, "version": 0})

    course = client.courses.versions.get("golf", 0)

    assert service.last.method == "GET"
    assert path_of(service.last) == "/api/v2/courses/golf/versions/0"
    assert course.version == 0


def test_configuration_get_reads_effective_values(
    client: ScormCloud, service: FakeService
) -> None:
    item = {
        "id": RESTART_SETTING_ID,
        "effectiveValue": "NEVER",
        "effectiveValueSource": "default",
        "metadata": {"default": "NEVER", "validValues": [{"value": "NEVER"}]},
    }
    service.reply(json={"settingItems": [item]})

    settings = client.courses.configuration.get("golf", include_metadata=True)

    assert path_of(service.last) == "/api/v2/courses/golf/configuration"
    assert query_of(service.last) == {"includeMetadata": "true"}
    assert settings.value(RESTART_SETTING_ID) == "NEVER"
    assert settings.value("NoSuchSetting") is None
    assert settings.setting_items[0].explicit_value is None
    assert settings.setting_items[0].metadata is not None


def test_configuration_get_without_metadata_sends_no_query(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"settingItems": []})

    client.courses.configuration.get("golf")

    assert query_of(service.last) == {}


def test_configuration_set_posts_settings(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(204)

    client.courses.configuration.set(
        "golf",
        {
            RESTART_SETTING_ID: RestartPolicy.WHEN_PASSED,
            "PlayerLaunchType": "NEW_WINDOW",
        },
    )

    assert service.last.method == "POST"
    assert path_of(service.last) == "/api/v2/courses/golf/configuration"
    assert json_of(service.last) == {
        "settings": [
            {
                "settingId": "WhenToRestartRegistration",
                "value": "WHEN_EXISTING_REG_IS_SATISFIED_AND_NEWER_PACKAGE_"
                "VERSION_EXISTS",
            },
            {"settingId": "PlayerLaunchType", "value": "NEW_WINDOW"},
        ]
    }


@pytest.mark.parametrize(
    ("policy", "wire"),
    [
        (RestartPolicy.ALWAYS, "WHEN_NEWER_PACKAGE_VERSION_EXISTS"),
        ("WHEN_EXISTING_REG_IS_COMPLETE", "WHEN_EXISTING_REG_IS_COMPLETE"),
    ],
)
def test_set_restart_policy(
    client: ScormCloud, service: FakeService, policy: RestartPolicy | str, wire: str
) -> None:
    service.reply(204)

    client.courses.set_restart_policy("golf", policy)

    assert json_of(service.last) == {
        "settings": [{"settingId": "WhenToRestartRegistration", "value": wire}]
    }
