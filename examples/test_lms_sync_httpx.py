"""Testing plain-httpx user code offline: respx routes SCORM Cloud to the mock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import respx
from lms_sync_httpx import CourseSync

from scormcloud_mock import MockScormCloud, UploadedFile, decode_multipart

BASE_URL = "https://cloud.scorm.com/api/v2/"
PACKAGES = Path(__file__).resolve().parent / "packages"
GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_V2 = PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"


@pytest.fixture
def mock() -> Iterator[MockScormCloud]:
    with MockScormCloud() as mock:
        yield mock


def test_publishing_two_versions(mock: MockScormCloud) -> None:
    sync = CourseSync(BASE_URL, "app", "secret")

    with respx.mock(assert_all_called=True) as router:
        route = mock.attach_respx(router, base_url=BASE_URL)
        first = sync.wait(sync.publish("golf", GOLF, new_version=False))
        second = sync.wait(sync.publish("golf", GOLF_V2, new_version=True))

    assert (first, second) == (0, 1)
    # The upload matched although its body is multipart, and its parts can be read.
    upload = next(c.request for c in route.calls if c.request.method == "POST")
    parts = decode_multipart(upload)
    assert isinstance(parts["file"], UploadedFile)
    assert parts["file"].filename == GOLF.name
    assert parts["file"].content == GOLF.read_bytes()


def test_user_code_sees_the_mocks_versioning(mock: MockScormCloud) -> None:
    client = mock.client()
    client.courses.import_and_wait("golf", GOLF)
    client.registrations.create(
        course_id="golf", registration_id="r1", learner={"id": "ada"}
    )
    client.courses.import_and_wait("golf", GOLF_V2, may_create_new_version=True)
    client.registrations.create(
        course_id="golf", registration_id="r2", learner={"id": "bob"}
    )

    with respx.mock() as router:
        mock.attach_respx(router, base_url=BASE_URL)
        versions = CourseSync(BASE_URL, "app", "secret").learner_versions(["r1", "r2"])

    assert versions == {"r1": 0, "r2": 1}


def test_requests_elsewhere_are_not_routed_to_the_mock(mock: MockScormCloud) -> None:
    with respx.mock(assert_all_called=False) as router:
        scorm_cloud = mock.attach_respx(router, base_url=BASE_URL)
        other = router.get("https://lms.example/health").respond(204)
        sync = CourseSync("https://lms.example/", "app", "secret")
        assert sync.http.get("health").status_code == 204
    assert other.called
    assert not scorm_cloud.called
