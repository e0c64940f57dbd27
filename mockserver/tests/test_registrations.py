"""Registrations, instances and launches through the mock's HTTP surface."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mock_http import create_registration, import_course, launch

from scormcloud_mock import MockScormCloud

GOLF = "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_V2 = "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
ALWAYS = "WHEN_NEWER_PACKAGE_VERSION_EXISTS"


@pytest.fixture
def golf(http: httpx.Client) -> str:
    import_course(http, "golf", GOLF)
    return "golf"


def set_policy(http: httpx.Client, course_id: str, value: str) -> httpx.Response:
    body = {"settings": [{"settingId": "WhenToRestartRegistration", "value": value}]}
    return http.post(f"/courses/{course_id}/configuration", json=body)


def progress(http: httpx.Client, registration_id: str) -> dict[str, Any]:
    body: dict[str, Any] = http.get(f"/registrations/{registration_id}").json()
    return body


def test_new_registration_is_instance_0_on_the_latest_version(
    http: httpx.Client, golf: str
) -> None:
    import_course(http, golf, GOLF_V2, new_version=True)

    assert create_registration(http, "r1", golf).status_code == 204
    body = progress(http, "r1")

    assert body["instance"] == 0
    assert body["course"] == {
        "id": "golf",
        "title": body["course"]["title"],
        "version": 1,
    }
    assert body["registrationCompletion"] == "UNKNOWN"
    assert body["registrationSuccess"] == "UNKNOWN"
    assert body["totalSecondsTracked"] == 0.0
    assert "score" not in body
    assert body["learner"] == {
        "id": "learner-1",
        "firstName": "Ada",
        "lastName": "Lovelace",
    }


def test_course_version_can_be_chosen(http: httpx.Client, golf: str) -> None:
    import_course(http, golf, GOLF_V2, new_version=True)
    response = http.post(
        "/registrations",
        params={"courseVersion": 0},
        json={"courseId": golf, "registrationId": "r0", "learner": {"id": "l"}},
    )
    assert response.status_code == 204
    assert progress(http, "r0")["course"]["version"] == 0

    missing = http.post(
        "/registrations",
        params={"courseVersion": 5},
        json={"courseId": golf, "registrationId": "r5", "learner": {"id": "l"}},
    )
    assert missing.status_code == 400
    assert http.head("/registrations/r5").status_code == 404


def test_initial_state_is_honoured(http: httpx.Client, golf: str) -> None:
    state = {
        "registrationCompletion": "COMPLETED",
        "registrationSuccess": "passed",
        "score": {"scaled": 87.5},
        "totalSecondsTracked": 12.5,
    }
    create_registration(http, "r1", golf, initialRegistrationState=state)
    body = progress(http, "r1")

    assert body["registrationCompletion"] == "COMPLETED"
    assert body["registrationSuccess"] == "PASSED"
    assert body["score"] == {"scaled": 87.5}
    assert body["totalSecondsTracked"] == 12.5


@pytest.mark.parametrize(
    "state",
    [
        {"registrationCompletion": "DONE"},
        {"registrationSuccess": 3},
        {"score": {"scaled": "high"}},
        {"completedDate": "yesterday"},
        [],
    ],
)
def test_bad_initial_state_is_400_and_creates_nothing(
    http: httpx.Client, golf: str, state: object
) -> None:
    response = create_registration(http, "r1", golf, initialRegistrationState=state)
    assert response.status_code == 400
    assert response.json()["message"]
    assert http.head("/registrations/r1").status_code == 404


def test_error_messages_of_the_real_service(http: httpx.Client, golf: str) -> None:
    create_registration(http, "r1", golf)

    duplicate = create_registration(http, "r1", golf)
    unknown_course = create_registration(http, "r2", "no-such-course")
    unknown = http.get("/registrations/nope")

    assert (duplicate.status_code, duplicate.json()) == (
        400,
        {"message": "This RegistrationId is already in use."},
    )
    assert (unknown_course.status_code, unknown_course.json()) == (
        400,
        {"message": "Course ID 'no-such-course' is invalid"},
    )
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"message": "Registration ID 'nope' does not exist"},
    )


def test_head_is_the_existence_check(http: httpx.Client, golf: str) -> None:
    create_registration(http, "r1", golf)
    found, missing = http.head("/registrations/r1"), http.head("/registrations/nope")
    assert (found.status_code, found.content) == (200, b"")
    assert (missing.status_code, missing.content) == (404, b"")


@pytest.mark.parametrize(
    "path",
    [
        "/registrations/nope/instances",
        "/registrations/nope/instances/0",
    ],
)
def test_sub_resources_of_an_unknown_registration_are_404(
    http: httpx.Client, path: str
) -> None:
    response = http.get(path)
    assert response.status_code == 404
    assert response.json() == {"message": "Registration ID 'nope' does not exist"}


def test_launch_moves_only_under_the_policy(http: httpx.Client, golf: str) -> None:
    create_registration(
        http,
        "r1",
        golf,
        initialRegistrationState={"registrationCompletion": "COMPLETED"},
    )
    import_course(http, golf, GOLF_V2, new_version=True)

    # Nothing moves on import, nor on a launch under the default policy.
    assert progress(http, "r1")["instance"] == 0
    page = launch(http, "r1")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert progress(http, "r1")["instance"] == 0

    assert set_policy(http, golf, ALWAYS).status_code == 204
    assert progress(http, "r1")["instance"] == 0
    launch(http, "r1")

    moved = progress(http, "r1")
    assert (moved["instance"], moved["course"]["version"]) == (1, 1)
    assert moved["registrationCompletion"] == "UNKNOWN"
    old = http.get("/registrations/r1/instances/0").json()
    assert (old["registrationCompletion"], old["course"]["version"]) == ("COMPLETED", 0)

    # A second launch finds no newer version and stays.
    launch(http, "r1")
    instances = http.get("/registrations/r1/instances").json()["registrations"]
    assert [(i["instance"], i["course"]["version"]) for i in instances] == [
        (0, 0),
        (1, 1),
    ]


def test_launch_records_access_dates(http: httpx.Client, golf: str) -> None:
    create_registration(http, "r1", golf)
    assert "firstAccessDate" not in progress(http, "r1")
    launch(http, "r1")
    body = progress(http, "r1")
    assert body["firstAccessDate"].endswith("Z")
    assert body["lastAccessDate"] >= body["firstAccessDate"]


def test_launch_link_is_absolute_on_the_callers_host(
    http: httpx.Client, golf: str
) -> None:
    create_registration(http, "r1", golf)
    response = http.post("/registrations/r1/launchLink", json={"expiry": 60})
    link = response.json()["launchLink"]
    assert link.startswith("https://cloud.scorm.com/__mock__/launch/")


@pytest.mark.parametrize("expiry", [5, 9, 301, "60", True])
def test_launch_link_expiry_out_of_range_is_400(
    http: httpx.Client, golf: str, expiry: object
) -> None:
    create_registration(http, "r1", golf)
    response = http.post("/registrations/r1/launchLink", json={"expiry": expiry})
    assert response.status_code == 400


def test_an_expired_link_does_not_launch(
    http: httpx.Client, mock: MockScormCloud, golf: str
) -> None:
    create_registration(http, "r1", golf)
    set_policy(http, golf, ALWAYS)
    import_course(http, golf, GOLF_V2, new_version=True)
    link = http.post("/registrations/r1/launchLink", json={"expiry": 10}).json()
    mock.clock.advance(11)

    page = http.get(link["launchLink"])

    assert page.status_code == 410
    assert "expired" in page.text
    assert progress(http, "r1")["instance"] == 0


def test_settings_default_set_and_refused(http: httpx.Client, golf: str) -> None:
    def restart_item() -> dict[str, Any]:
        items = http.get(f"/courses/{golf}/configuration").json()["settingItems"]
        return next(i for i in items if i["id"] == "WhenToRestartRegistration")

    assert restart_item() == {
        "id": "WhenToRestartRegistration",
        "effectiveValue": "NEVER",
        "effectiveValueSource": "default",
    }
    set_policy(http, golf, ALWAYS)
    assert restart_item()["explicitValue"] == ALWAYS
    assert restart_item()["effectiveValueSource"] == "course"

    bad_value = set_policy(http, golf, "SOMETIMES")
    unknown = http.post(
        f"/courses/{golf}/configuration",
        json={"settings": [{"settingId": "NoSuchSetting", "value": "x"}]},
    )
    assert bad_value.status_code == 400
    assert unknown.json() == {"message": "NoSuchSetting is not a valid setting ID"}
    assert restart_item()["effectiveValue"] == ALWAYS

    deleted = http.delete(f"/courses/{golf}/configuration/WhenToRestartRegistration")
    assert deleted.status_code == 204
    assert restart_item()["effectiveValue"] == "NEVER"


def test_metadata_lists_every_restart_value(http: httpx.Client, golf: str) -> None:
    items = http.get(
        f"/courses/{golf}/configuration", params={"includeMetadata": "true"}
    ).json()["settingItems"]
    metadata = items[0]["metadata"]
    values = {v["value"] for v in metadata["validValues"]}
    assert metadata["default"] == "NEVER"
    assert {"NEVER", ALWAYS} <= values and len(values) == 9


def test_deleting_a_registration_removes_all_instances(
    http: httpx.Client, golf: str
) -> None:
    create_registration(http, "r1", golf)
    set_policy(http, golf, ALWAYS)
    import_course(http, golf, GOLF_V2, new_version=True)
    launch(http, "r1")

    assert http.delete("/registrations/r1").status_code == 204

    assert http.get("/registrations/r1/instances/1").status_code == 404
    assert http.delete("/registrations/r1").status_code == 404
    assert create_registration(http, "r1", golf).status_code == 204
    assert progress(http, "r1")["instance"] == 0
