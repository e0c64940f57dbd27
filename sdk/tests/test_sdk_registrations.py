"""client.registrations: create, progress, existence, instances, launch links."""

from __future__ import annotations

from typing import Any

import pytest
from sdk_fakes import FakeService, json_of, path_of, query_of

from scormcloud import (
    AuthenticationError,
    InternalServerError,
    Learner,
    NotFoundError,
    Registration,
    ScormCloud,
    ScormCloudError,
)

REGISTRATION = {
    "id": "reg-1",
    "instance": 0,
    "registrationCompletion": "INCOMPLETE",
    "registrationSuccess": "UNKNOWN",
    "totalSecondsTracked": 12.5,
    "createdDate": "2024-01-01T00:00:00.000Z",
    "course": {"id": "golf", "title": "Golf Explained", "version": 0},
    "learner": {"id": "learner-1", "firstName": "Ada", "lastName": "L"},
}


def instance(number: int) -> dict[str, Any]:
    return {**REGISTRATION, "instance": number}


def test_create_posts_camel_case_body_without_unset_fields(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(204)

    client.registrations.create(
        course_id="golf",
        registration_id="reg-1",
        learner={"id": "learner-1", "first_name": "Ada", "lastName": "L"},
    )

    assert service.last.method == "POST"
    assert path_of(service.last) == "/api/v2/registrations"
    assert query_of(service.last) == {}
    assert json_of(service.last) == {
        "courseId": "golf",
        "registrationId": "reg-1",
        "learner": {"id": "learner-1", "firstName": "Ada", "lastName": "L"},
    }


def test_create_with_version_and_initial_state(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(204)

    client.registrations.create(
        course_id="golf",
        registration_id="reg-1",
        learner=Learner(id="learner-1", email="ada@example.com"),
        course_version=2,
        initial_registration_state={
            "registration_completion": "COMPLETED",
            "totalSecondsTracked": 30.0,
        },
    )

    assert query_of(service.last) == {"courseVersion": "2"}
    assert json_of(service.last) == {
        "courseId": "golf",
        "registrationId": "reg-1",
        "learner": {"id": "learner-1", "email": "ada@example.com"},
        "initialRegistrationState": {
            "registrationCompletion": "COMPLETED",
            "totalSecondsTracked": 30.0,
        },
    }


def test_create_needs_a_learner_id(client: ScormCloud, service: FakeService) -> None:
    with pytest.raises(ValueError):
        client.registrations.create(
            course_id="golf", registration_id="reg-1", learner={"firstName": "Ada"}
        )

    assert service.requests == []


def test_get_returns_the_latest_instance(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=REGISTRATION)

    registration = client.registrations.get("reg-1")

    assert service.last.method == "GET"
    assert path_of(service.last) == "/api/v2/registrations/reg-1"
    assert registration.instance == 0
    assert registration.score is None
    assert registration.total_seconds_tracked == 12.5
    assert registration.course is not None
    assert registration.course.version == 0
    assert registration.learner == Learner(
        id="learner-1", first_name="Ada", last_name="L"
    )


@pytest.mark.parametrize(("status", "expected"), [(200, True), (404, False)])
def test_exists_sends_head(
    client: ScormCloud, service: FakeService, status: int, expected: bool
) -> None:
    service.reply(status)

    assert client.registrations.exists("reg-1") is expected
    assert service.last.method == "HEAD"
    assert path_of(service.last) == "/api/v2/registrations/reg-1"


@pytest.mark.parametrize(
    ("status", "error_class"), [(401, AuthenticationError), (500, InternalServerError)]
)
def test_exists_raises_other_statuses(
    client: ScormCloud,
    service: FakeService,
    status: int,
    error_class: type[Exception],
) -> None:
    service.reply(status)

    with pytest.raises(error_class):
        client.registrations.exists("reg-1")


def test_get_of_unknown_registration_raises_not_found(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(404, json={"message": "Registration ID 'nope' does not exist"})

    with pytest.raises(NotFoundError) as caught:
        client.registrations.get("nope")

    assert caught.value.message == "Registration ID 'nope' does not exist"


def test_instances_list_follows_more_tokens(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"registrations": [instance(0), instance(1)], "more": "tok-1"})
    service.reply(json={"registrations": [instance(2)], "more": "tok-2"})
    service.reply(json={"registrations": [instance(3)]})

    instances = client.registrations.instances.list("reg-1")

    assert [r.instance for r in instances] == [0, 1, 2, 3]
    assert [path_of(r) for r in service.requests] == [
        "/api/v2/registrations/reg-1/instances"
    ] * 3
    assert [query_of(r) for r in service.requests] == [
        {},
        {"more": "tok-1"},
        {"more": "tok-2"},
    ]


def test_instances_list_stops_on_a_repeated_token(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"registrations": [instance(0)], "more": "same"})
    service.reply(json={"registrations": [instance(1)], "more": "same"})

    with pytest.raises(ScormCloudError, match="repeated page token"):
        client.registrations.instances.list("reg-1")


def test_instances_get_addresses_one_instance(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json=instance(1))

    registration = client.registrations.instances.get("reg-1", 1)

    assert path_of(service.last) == "/api/v2/registrations/reg-1/instances/1"
    assert registration.instance == 1


def test_launch_link_defaults(client: ScormCloud, service: FakeService) -> None:
    service.reply(json={"launchLink": "https://cloud.example/launch/abc"})

    link = client.registrations.launch_link("reg-1")

    assert link == "https://cloud.example/launch/abc"
    assert service.last.method == "POST"
    assert path_of(service.last) == "/api/v2/registrations/reg-1/launchLink"
    assert json_of(service.last) == {"expiry": 120, "redirectOnExitUrl": "message"}


def test_launch_link_sends_every_option_camel_cased(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"launchLink": "https://cloud.example/launch/abc"})

    client.registrations.launch_link(
        "reg-1",
        redirect_on_exit_url="https://lms.example/done",
        expiry=300,
        tracking=False,
        start_sco="sco-2",
        culture="fr-FR",
        css_url="https://cdn.example/p.css",
    )

    assert json_of(service.last) == {
        "expiry": 300,
        "redirectOnExitUrl": "https://lms.example/done",
        "tracking": False,
        "startSco": "sco-2",
        "culture": "fr-FR",
        "cssUrl": "https://cdn.example/p.css",
    }


def test_registration_round_trips_as_initial_state() -> None:
    registration = Registration.model_validate(REGISTRATION)

    assert registration.to_wire() == REGISTRATION | {
        "createdDate": "2024-01-01T00:00:00Z"
    }
