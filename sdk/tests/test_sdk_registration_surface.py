"""client.registrations: the list, resets, instances, tags, settings, launch options."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from sdk_fakes import FakeService, json_of, path_of, query_of

from scormcloud import (
    BadRequestError,
    LaunchHistory,
    NotFoundError,
    ScormCloud,
    ScormCloudError,
)

REGISTRATION = {"id": "r1", "instance": 0, "registrationCompletion": "UNKNOWN"}


def page(*ids: str, more: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"registrations": [{**REGISTRATION, "id": i} for i in ids]}
    if more is not None:
        body["more"] = more
    return body


def test_list_sends_filters_then_only_the_token(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=page("r1", "r2", more="tok-1"))
    service.reply(json=page("r3"))

    found = client.registrations.list(
        course_id="golf",
        learner_id="ada",
        since=datetime(2024, 1, 2, 3, 4, 5),
        tags=["a", "b"],
        filter="r",
        filter_by="registration_id",
        order_by="created_asc",
        include_runtime=True,
    )

    assert [r.id for r in found] == ["r1", "r2", "r3"]
    first, second = service.requests
    assert path_of(first) == "/api/v2/registrations"
    assert query_of(first) == {
        "courseId": "golf",
        "learnerId": "ada",
        "since": "2024-01-02T03:04:05Z",
        "tags": "a,b",
        "filter": "r",
        "filterBy": "registration_id",
        "orderBy": "created_asc",
        "includeRuntime": "true",
    }
    assert query_of(second) == {"more": "tok-1", "includeRuntime": "true"}


def test_list_is_lazy(client: ScormCloud, service: FakeService) -> None:
    service.reply(json=page("r1", more="tok-1"))

    found = client.registrations.list()
    assert service.requests == []
    assert next(found).id == "r1"
    assert len(service.requests) == 1


def test_list_refuses_a_repeated_token(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=page("r1", more="same"))
    service.reply(json=page("r2", more="same"))
    with pytest.raises(ScormCloudError, match="repeated page token"):
        list(client.registrations.list())


def test_list_page_reads_the_total_count_header(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=page("r1", more="t"), headers={"X-Total-Count": "7"})

    first = client.registrations.list_page(include_total_count=True)

    assert (first.total_count, first.more) == (7, "t")
    assert query_of(service.last) == {"includeTotalCount": "true"}
    with pytest.raises(ValueError):
        client.registrations.list_page(more="t", course_id="golf")


def test_get_sends_detail_flags(client: ScormCloud, service: FakeService) -> None:
    details = {
        "id": "org",
        "children": [{"id": "item_1", "runtime": {"location": "3"}}],
    }
    service.reply(json={**REGISTRATION, "activityDetails": details})

    registration = client.registrations.get(
        "r1", include_child_results=True, include_interactions_and_objectives=True
    )

    assert query_of(service.last) == {
        "includeChildResults": "true",
        "includeInteractionsAndObjectives": "true",
    }
    assert registration.activity_details is not None
    children = registration.activity_details.children or []
    assert children[0].runtime == {"location": "3"}


@pytest.mark.parametrize(
    ("call", "method", "path"),
    [
        (lambda c: c.registrations.delete("r/1"), "DELETE", "/registrations/r%2F1"),
        (
            lambda c: c.registrations.reset_progress("r1"),
            "DELETE",
            "/registrations/r1/progress",
        ),
        (
            lambda c: c.registrations.delete_global_data("r1"),
            "DELETE",
            "/registrations/r1/globalData",
        ),
        (
            lambda c: c.registrations.instances.create("r1"),
            "POST",
            "/registrations/r1/instances",
        ),
        (
            lambda c: c.registrations.instances.delete("r1", 0),
            "DELETE",
            "/registrations/r1/instances/0",
        ),
        (
            lambda c: c.registrations.configuration.delete(
                "r1", "WhenToRestartRegistration", instance=2
            ),
            "DELETE",
            "/registrations/r1/instances/2/configuration/WhenToRestartRegistration",
        ),
    ],
)
def test_calls_without_a_body(
    client: ScormCloud, service: FakeService, call: Any, method: str, path: str
) -> None:
    service.reply(204)
    call(client)
    assert (service.last.method, path_of(service.last)) == (method, "/api/v2" + path)
    assert service.last.content == b""


def test_b07_remove_tags_sends_a_json_body_on_delete(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(204)
    client.registrations.tags.remove("r1", ["a"])

    assert service.last.method == "DELETE"
    assert path_of(service.last) == "/api/v2/registrations/r1/tags"
    assert json_of(service.last) == {"tags": ["a"]}


def test_tags_add_list_and_batch(client: ScormCloud, service: FakeService) -> None:
    service.reply(204)
    service.reply(json={"tags": ["a", "b"]})
    service.reply(204)

    client.registrations.tags.add("r1", ["a", "b"])
    assert client.registrations.tags.list("r1") == ["a", "b"]
    client.registrations.tags.add_to_registrations(["r1", "r2"], ("c",))

    add, _, batch = service.requests
    assert (add.method, json_of(add)) == ("PUT", {"tags": ["a", "b"]})
    assert path_of(batch) == "/api/v2/registrations/tags"
    assert json_of(batch) == {"ids": ["r1", "r2"], "tags": ["c"]}
    with pytest.raises(TypeError):
        client.registrations.tags.add("r1", "abc")


def test_b06_launch_history_of_an_unknown_id_raises(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(404, json={"message": "Registration ID 'nope' does not exist"})

    with pytest.raises(NotFoundError) as raised:
        client.registrations.get_launch_history("nope")

    assert raised.value.status_code == 404
    assert raised.value.message == "Registration ID 'nope' does not exist"


def test_launch_history_is_typed(client: ScormCloud, service: FakeService) -> None:
    entry = {
        "id": "r1",
        "instance": 1,
        "completionStatus": "Completed",
        "totalSecondsTracked": 12.5,
        "launchTime": "2024-01-01T00:00:00.000Z",
    }
    service.reply(json={"launchHistory": [entry]})

    (history,) = client.registrations.instances.get_launch_history(
        "r1", 1, include_history_log=True
    )

    assert isinstance(history, LaunchHistory)
    assert history.completion_status == "COMPLETED"
    assert history.total_seconds_tracked == 12.5
    assert history.launch_time == datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert path_of(service.last) == "/api/v2/registrations/r1/instances/1/launchHistory"
    assert query_of(service.last) == {"includeHistoryLog": "true"}


def test_b04_launch_options_are_sent_in_camel_case_without_nulls(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"launchLink": "https://x.example/launch"})

    client.registrations.launch_link(
        "r1",
        redirect_on_exit_url="https://lms.example/done",
        css_url="https://cdn.example/p.css",
        expiry=120,
        registration_tags=["t"],
        additional_values={"k": "v"},
    )

    assert json_of(service.last) == {
        "expiry": 120,
        "redirectOnExitUrl": "https://lms.example/done",
        "cssUrl": "https://cdn.example/p.css",
        "registrationTags": ["t"],
        "additionalvalues": [{"item": "k", "value": "v"}],
    }


def test_b04_a_refused_option_is_a_typed_error(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(400, json={"message": "expiry 5 is out of range"})
    with pytest.raises(BadRequestError, match="expiry 5 is out of range"):
        client.registrations.launch_link("r1", expiry=5)


def test_create_with_postback_settings_and_tags(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(204)

    client.registrations.create(
        course_id="golf",
        registration_id="r1",
        learner={"id": "ada"},
        registration_tags=["t"],
        post_back={"url": "https://lms.example/pb", "auth_type": "form"},
        initial_settings={"WhenToRestartRegistration": "NEVER"},
    )

    assert json_of(service.last) == {
        "courseId": "golf",
        "registrationId": "r1",
        "learner": {"id": "ada"},
        "registrationTags": ["t"],
        "postBack": {"url": "https://lms.example/pb", "authType": "FORM"},
        "initialSettings": {
            "settings": [{"settingId": "WhenToRestartRegistration", "value": "NEVER"}]
        },
    }


def test_configuration_of_a_registration_and_an_instance(
    client: ScormCloud, service: FakeService
) -> None:
    items = {"settingItems": [{"id": "X", "effectiveValue": "1"}]}
    service.reply(json=items)
    service.reply(204)

    settings = client.registrations.configuration.get("r1", include_metadata=True)
    client.registrations.configuration.set("r1", {"X": "2"}, instance=0)

    get, post = service.requests
    assert path_of(get) == "/api/v2/registrations/r1/configuration"
    assert query_of(get) == {"includeMetadata": "true"}
    assert settings.setting_items[0].effective_value == "1"
    assert path_of(post) == "/api/v2/registrations/r1/instances/0/configuration"
    assert json_of(post) == {"settings": [{"settingId": "X", "value": "2"}]}


def test_instances_list_sends_window_and_flags_then_the_token(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=page("r1", more="m"))
    service.reply(json=page("r1"))

    client.registrations.instances.list(
        "r1", since="2024-01-01T00:00:00Z", include_child_results=True
    )

    first, second = service.requests
    assert query_of(first) == {
        "since": "2024-01-01T00:00:00Z",
        "includeChildResults": "true",
    }
    assert query_of(second) == {"more": "m", "includeChildResults": "true"}
