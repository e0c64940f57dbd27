"""Course, version and application settings and preview links on the wire."""

from __future__ import annotations

from sdk_fakes import FakeService, json_of, path_of, query_of

from scormcloud import RESTART_SETTING_ID, ScormCloud

ITEMS = {
    "settingItems": [
        {
            "id": RESTART_SETTING_ID,
            "effectiveValue": "NEVER",
            "effectiveValueSource": "application",
        }
    ]
}


def test_version_configuration_paths(client: ScormCloud, service: FakeService) -> None:
    service.reply(json=ITEMS)
    service.reply(204)
    service.reply(204)

    settings = client.courses.configuration.get(
        "golf", version=1, include_metadata=True
    )
    client.courses.configuration.set("golf", {RESTART_SETTING_ID: "NEVER"}, version=1)
    client.courses.configuration.delete("golf", RESTART_SETTING_ID, version=1)

    assert settings.value(RESTART_SETTING_ID) == "NEVER"
    get, post, delete = service.requests
    assert path_of(get) == "/api/v2/courses/golf/versions/1/configuration"
    assert query_of(get) == {"includeMetadata": "true"}
    assert json_of(post) == {
        "settings": [{"settingId": RESTART_SETTING_ID, "value": "NEVER"}]
    }
    assert (delete.method, path_of(delete)) == (
        "DELETE",
        f"/api/v2/courses/golf/versions/1/configuration/{RESTART_SETTING_ID}",
    )


def test_course_level_delete(client: ScormCloud, service: FakeService) -> None:
    service.reply(204)

    client.courses.configuration.delete("golf/x", RESTART_SETTING_ID)

    assert path_of(service.last) == (
        f"/api/v2/courses/golf%2Fx/configuration/{RESTART_SETTING_ID}"
    )


def test_application_configuration(client: ScormCloud, service: FakeService) -> None:
    service.reply(json=ITEMS)
    service.reply(204)
    service.reply(204)

    settings = client.application.configuration.get()
    client.application.configuration.set({RESTART_SETTING_ID: "NEVER"})
    client.application.configuration.delete(RESTART_SETTING_ID)

    assert settings.setting_items[0].effective_value_source == "application"
    assert [(r.method, path_of(r)) for r in service.requests] == [
        ("GET", "/api/v2/appManagement/configuration"),
        ("POST", "/api/v2/appManagement/configuration"),
        ("DELETE", f"/api/v2/appManagement/configuration/{RESTART_SETTING_ID}"),
    ]
    assert query_of(service.requests[0]) == {}


def test_preview_links(client: ScormCloud, service: FakeService) -> None:
    service.reply(json={"launchLink": "https://x/preview/1"})
    service.reply(json={"launchLink": "https://x/preview/2"})

    latest = client.courses.preview_link("golf", redirect_on_exit_url="message")
    first = client.courses.preview_link("golf", version=0, expiry=30, culture="fr")

    assert (latest, first) == ("https://x/preview/1", "https://x/preview/2")
    one, two = service.requests
    assert path_of(one) == "/api/v2/courses/golf/preview"
    assert json_of(one) == {"expiry": 120, "redirectOnExitUrl": "message"}
    assert path_of(two) == "/api/v2/courses/golf/versions/0/preview"
    assert json_of(two) == {"expiry": 30, "culture": "fr"}
