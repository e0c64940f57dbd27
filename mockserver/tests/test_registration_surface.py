"""Reset, instances, launch history, tags and configuration through HTTP."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mock_http import create_registration, import_course, launch

from scormcloud_mock import MockScormCloud

GOLF = "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_V2 = "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
RESTART = "WhenToRestartRegistration"
ALWAYS = "WHEN_NEWER_PACKAGE_VERSION_EXISTS"
PASSED = {"cmi.completion_status": "completed", "cmi.success_status": "passed"}


@pytest.fixture
def registered(http: httpx.Client) -> str:
    import_course(http, "golf", GOLF)
    assert create_registration(http, "r1", "golf").status_code == 204
    return "r1"


def instances(http: httpx.Client, registration_id: str) -> list[dict[str, Any]]:
    body = http.get(f"/registrations/{registration_id}/instances").json()
    found: list[dict[str, Any]] = body["registrations"]
    return found


def test_reset_clears_data_keeps_the_number_and_moves_to_the_latest_version(
    http: httpx.Client, mock: MockScormCloud, registered: str
) -> None:
    launch(http, registered)
    mock.commit_runtime(registered, {**PASSED, "cmi.score.scaled": "0.8"})
    import_course(http, "golf", GOLF_V2, new_version=True)

    assert http.delete(f"/registrations/{registered}/progress").status_code == 204
    body = http.get(f"/registrations/{registered}").json()

    assert (body["instance"], body["course"]["version"]) == (0, 1)
    assert body["registrationCompletion"] == "UNKNOWN"
    assert body["registrationSuccess"] == "UNKNOWN"
    assert body["totalSecondsTracked"] == 0.0
    assert "score" not in body and "firstAccessDate" not in body
    history = http.get(f"/registrations/{registered}/launchHistory").json()
    assert history == {"launchHistory": []}


def test_new_instance_starts_over_and_the_old_one_keeps_its_data(
    http: httpx.Client, mock: MockScormCloud, registered: str
) -> None:
    launch(http, registered)
    mock.commit_runtime(registered, {**PASSED, "cmi.score.scaled": "0.9"})
    import_course(http, "golf", GOLF_V2, new_version=True)

    assert http.post(f"/registrations/{registered}/instances").status_code == 204
    listed = instances(http, registered)

    assert [(i["instance"], i["course"]["version"]) for i in listed] == [
        (0, 0),
        (1, 1),
    ]
    assert listed[0]["score"] == {"scaled": 90.0}
    assert listed[0]["registrationSuccess"] == "PASSED"
    assert "score" not in listed[1]
    assert listed[1]["registrationCompletion"] == "UNKNOWN"


def test_deleting_instances_and_the_last_one_deletes_the_registration(
    http: httpx.Client, registered: str
) -> None:
    http.post(f"/registrations/{registered}/instances")

    assert http.delete(f"/registrations/{registered}/instances/1").status_code == 204
    assert http.get(f"/registrations/{registered}").json()["instance"] == 0
    missing = http.delete(f"/registrations/{registered}/instances/7")
    assert missing.status_code == 404
    assert http.delete(f"/registrations/{registered}/instances/0").status_code == 204
    assert http.head(f"/registrations/{registered}").status_code == 404


def test_instances_are_paginated() -> None:
    with MockScormCloud(import_job_running_polls=0, page_size=2) as small:
        with httpx.Client(
            base_url="https://cloud.scorm.com/api/v2",
            transport=small.transport(),
            auth=("a", "b"),
        ) as http:
            import_course(http, "golf", GOLF)
            create_registration(http, "r1", "golf")
            for _ in range(3):
                http.post("/registrations/r1/instances")

            first = http.get("/registrations/r1/instances").json()
            second = http.get(
                "/registrations/r1/instances", params={"more": first["more"]}
            ).json()

    assert [i["instance"] for i in first["registrations"]] == [0, 1]
    assert [i["instance"] for i in second["registrations"]] == [2, 3]
    assert "more" not in second


def test_launch_history_per_registration_and_per_instance(
    http: httpx.Client, mock: MockScormCloud, registered: str
) -> None:
    launch(http, registered)
    mock.commit_runtime(registered, {**PASSED, "cmi.session_time": "PT30S"})
    import_course(http, "golf", GOLF_V2, new_version=True)
    http.post(
        "/courses/golf/configuration",
        json={"settings": [{"settingId": RESTART, "value": ALWAYS}]},
    )
    launch(http, registered)

    every = http.get(f"/registrations/{registered}/launchHistory").json()
    first = http.get(f"/registrations/{registered}/instances/0/launchHistory").json()
    logged = http.get(
        f"/registrations/{registered}/instances/1/launchHistory",
        params={"includeHistoryLog": "true"},
    ).json()

    assert [h["instance"] for h in every["launchHistory"]] == [0, 1]
    entry = first["launchHistory"][0]
    assert entry["id"] == registered
    assert entry["completionStatus"] == "COMPLETED"
    assert entry["successStatus"] == "PASSED"
    assert entry["totalSecondsTracked"] == 30.0
    assert {"launchTime", "lastRuntimeUpdate", "launchHistoryId"} <= set(entry)
    assert "historyLog" not in entry
    assert "launch of item_1" in logged["launchHistory"][0]["historyLog"]


def test_tags_add_remove_with_a_delete_body_and_batch(
    http: httpx.Client, registered: str
) -> None:
    create_registration(http, "r2", "golf")
    path = f"/registrations/{registered}/tags"

    assert http.put(path, json={"tags": ["a", "b"]}).status_code == 204
    response = http.request("DELETE", path, json={"tags": ["a", "zzz"]})
    assert response.status_code == 204
    batch = http.put("/registrations/tags", json={"ids": ["r1", "r2"], "tags": ["c"]})
    assert batch.status_code == 204

    assert http.get(path).json() == {"tags": ["b", "c"]}
    assert http.get("/registrations/r2/tags").json() == {"tags": ["c"]}


def test_a_batch_with_an_unknown_id_changes_nothing(
    http: httpx.Client, registered: str
) -> None:
    batch = http.put("/registrations/tags", json={"ids": ["r1", "nope"], "tags": ["x"]})
    assert batch.status_code == 404
    assert batch.json() == {"message": "Registration ID 'nope' does not exist"}
    assert http.get(f"/registrations/{registered}/tags").json() == {"tags": []}


@pytest.mark.parametrize("body", [{}, {"tags": "a"}, {"tags": [1]}, {"tags": [""]}])
def test_bad_tag_bodies_are_400(
    http: httpx.Client, registered: str, body: dict[str, Any]
) -> None:
    response = http.put(f"/registrations/{registered}/tags", json=body)
    assert response.status_code == 400
    assert "body.tags" in response.json()["message"]


def test_configuration_at_registration_and_instance_level(
    http: httpx.Client, registered: str
) -> None:
    http.post(
        "/courses/golf/configuration",
        json={"settings": [{"settingId": RESTART, "value": ALWAYS}]},
    )
    inherited = _restart_item(http.get(f"/registrations/{registered}/configuration"))
    assert inherited == {
        "id": RESTART,
        "effectiveValue": ALWAYS,
        "effectiveValueSource": "course",
    }

    body = {"settings": [{"settingId": RESTART, "value": "NEVER"}]}
    path = f"/registrations/{registered}/instances/0/configuration"
    assert http.post(path, json=body).status_code == 204
    on_instance = _restart_item(http.get(path))
    on_registration = _restart_item(
        http.get(f"/registrations/{registered}/configuration")
    )

    assert on_instance["explicitValue"] == "NEVER"
    assert on_instance["effectiveValueSource"] == "registration"
    assert on_registration["effectiveValue"] == ALWAYS
    assert http.delete(path + "/" + RESTART).status_code == 204
    assert _restart_item(http.get(path))["effectiveValue"] == ALWAYS


def test_a_registration_level_policy_decides_its_launches(
    http: httpx.Client, registered: str
) -> None:
    import_course(http, "golf", GOLF_V2, new_version=True)
    body = {"settings": [{"settingId": RESTART, "value": ALWAYS}]}
    http.post(f"/registrations/{registered}/configuration", json=body)

    launch(http, registered)

    assert http.get(f"/registrations/{registered}").json()["instance"] == 1


def _restart_item(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200
    items = response.json()["settingItems"]
    item: dict[str, Any] = next(i for i in items if i["id"] == RESTART)
    return item


def test_unknown_setting_is_400_and_changes_nothing(
    http: httpx.Client, registered: str
) -> None:
    body = {"settings": [{"settingId": "TotesBogus", "value": "1"}]}
    response = http.post(f"/registrations/{registered}/configuration", json=body)
    assert response.status_code == 400
    assert response.json() == {"message": "TotesBogus is not a valid setting ID"}


def test_global_data_delete(http: httpx.Client, registered: str) -> None:
    assert http.delete(f"/registrations/{registered}/globalData").status_code == 204
    assert http.delete("/registrations/nope/globalData").status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/registrations/nope"),
        ("DELETE", "/registrations/nope"),
        ("DELETE", "/registrations/nope/progress"),
        ("GET", "/registrations/nope/instances"),
        ("POST", "/registrations/nope/instances"),
        ("GET", "/registrations/nope/launchHistory"),
        ("GET", "/registrations/nope/tags"),
        ("GET", "/registrations/nope/configuration"),
        ("POST", "/registrations/nope/launchLink"),
    ],
)
def test_b06_every_sub_resource_of_an_unknown_id_is_404(
    http: httpx.Client, method: str, path: str
) -> None:
    body = {"redirectOnExitUrl": "message"} if path.endswith("launchLink") else None
    response = http.request(method, path, json=body)
    assert response.status_code == 404
    assert response.json() == {"message": "Registration ID 'nope' does not exist"}


def test_b06_head_answers_without_a_body(http: httpx.Client, registered: str) -> None:
    missing = http.head("/registrations/nope")
    found = http.head(f"/registrations/{registered}")
    assert (missing.status_code, missing.content) == (404, b"")
    assert (found.status_code, found.content) == (200, b"")
