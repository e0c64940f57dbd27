"""Settings at application, course and version level; preview links."""

from __future__ import annotations

import httpx
from course_zips import import_tiny

from scormcloud_mock import MockScormCloud

RESTART = "WhenToRestartRegistration"
ALWAYS = "WHEN_NEWER_PACKAGE_VERSION_EXISTS"
FAILED = "WHEN_EXISTING_REG_IS_FAILED"


def setting(http: httpx.Client, path: str) -> dict[str, object]:
    items = http.get(path).json()["settingItems"]
    found: dict[str, object] = next(i for i in items if i["id"] == RESTART)
    return found


def post(http: httpx.Client, path: str, value: str) -> httpx.Response:
    return http.post(path, json={"settings": [{"settingId": RESTART, "value": value}]})


def test_each_level_overrides_the_one_above(http: httpx.Client) -> None:
    import_tiny(http, "golf")
    import_tiny(http, "golf", mayCreateNewVersion="true")

    assert post(http, "/appManagement/configuration", ALWAYS).status_code == 204
    assert setting(http, "/courses/golf/configuration") == {
        "id": RESTART,
        "effectiveValue": ALWAYS,
        "effectiveValueSource": "application",
    }

    assert (
        post(http, "/courses/golf/versions/1/configuration", FAILED).status_code == 204
    )
    assert setting(http, "/courses/golf/versions/1/configuration") == {
        "id": RESTART,
        "effectiveValue": FAILED,
        "effectiveValueSource": "course",
        "explicitValue": FAILED,
    }
    assert (
        setting(http, "/courses/golf/versions/0/configuration")["effectiveValue"]
        == ALWAYS
    )
    assert setting(http, "/appManagement/configuration") == {
        "id": RESTART,
        "effectiveValue": ALWAYS,
        "effectiveValueSource": "application",
        "explicitValue": ALWAYS,
    }


def test_deleting_a_setting_inherits_again(http: httpx.Client) -> None:
    import_tiny(http, "golf")
    post(http, "/appManagement/configuration", ALWAYS)
    post(http, "/courses/golf/versions/0/configuration", FAILED)

    version_delete = http.delete(f"/courses/golf/versions/0/configuration/{RESTART}")
    app_delete = http.delete(f"/appManagement/configuration/{RESTART}")

    assert version_delete.status_code == app_delete.status_code == 204
    assert setting(http, "/courses/golf/versions/0/configuration") == {
        "id": RESTART,
        "effectiveValue": "NEVER",
        "effectiveValueSource": "default",
    }


def test_unknown_setting_ids_use_the_real_messages(http: httpx.Client) -> None:
    import_tiny(http, "golf")
    body = {"settings": [{"settingId": "TotesBogus", "value": "1"}]}

    app_post = http.post("/appManagement/configuration", json=body)
    version_post = http.post("/courses/golf/versions/0/configuration", json=body)
    app_delete = http.delete("/appManagement/configuration/TotesBogus")

    assert app_post.status_code == version_post.status_code == 400
    assert app_post.json() == {"message": "TotesBogus is not a valid setting ID"}
    assert version_post.json() == {"message": "TotesBogus is not a valid setting ID"}
    assert app_delete.status_code == 400
    assert app_delete.json() == {
        "message": "no such configuration setting 'TotesBogus'"
    }


def test_include_metadata_describes_the_setting(http: httpx.Client) -> None:
    items = http.get(
        "/appManagement/configuration", params={"includeMetadata": "true"}
    ).json()["settingItems"]

    metadata = next(i for i in items if i["id"] == RESTART)["metadata"]
    assert metadata["default"] == "NEVER"
    assert {v["value"] for v in metadata["validValues"]} >= {"NEVER", ALWAYS}


def test_version_configuration_of_a_missing_version_is_404(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    response = http.get("/courses/golf/versions/5/configuration")

    assert response.status_code == 404
    assert response.json() == {
        "message": "Version 5 of course ID 'golf' does not exist"
    }


def test_learning_standard_level_is_not_served(http: httpx.Client) -> None:
    response = http.get(
        "/appManagement/configuration",
        params={"learningStandard": "SCORM12", "singleSco": "true"},
    )

    assert response.status_code == 501
    assert response.json()["message"].endswith("is not implemented by mock")


def test_preview_links_open_the_course_or_a_version(
    mock: MockScormCloud, http: httpx.Client
) -> None:
    import_tiny(http, "golf", title="First")
    import_tiny(http, "golf", title="Second", mayCreateNewVersion="true")

    latest = http.post("/courses/golf/preview", json={"expiry": 60})
    first = http.post("/courses/golf/versions/0/preview", json={})
    assert latest.status_code == first.status_code == 200

    page = http.get(latest.json()["launchLink"])
    assert page.status_code == 200
    assert "<title>Second</title>" in page.text
    assert "nothing is tracked" in page.text
    assert "<dd id='version'>0</dd>" in http.get(first.json()["launchLink"]).text

    mock.clock.advance(61)
    assert http.get(latest.json()["launchLink"]).status_code == 410


def test_preview_refuses_bad_requests(http: httpx.Client) -> None:
    import_tiny(http, "golf")

    missing = http.post("/courses/nope/preview", json={})
    bad_expiry = http.post("/courses/golf/preview", json={"expiry": 5})

    assert missing.status_code == 404
    assert missing.json() == {"message": "Course ID 'nope' does not exist"}
    assert bad_expiry.status_code == 400
