"""Handlers for ``/registrations/...``: create, progress, instances, launch links."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from . import _registration_wire as wire
from ._errors import BadRequestError
from ._http import (
    Call,
    json_object,
    json_response,
    no_content,
    optional_enum,
    optional_number,
    optional_str,
    parse_int,
    required_str,
    route,
)
from ._records import Learner, Progress

COMPLETION_VALUES = frozenset({"UNKNOWN", "COMPLETED", "INCOMPLETE"})
SUCCESS_VALUES = frozenset({"UNKNOWN", "PASSED", "FAILED"})

#: The launch-link expiry SCORM Cloud accepts, in seconds.
EXPIRY_RANGE = range(10, 301)
DEFAULT_EXPIRY = 120


def create_registration(call: Call) -> Response:
    body = json_object(call.json_body(), "body")
    learner = json_object(body.get("learner"), "body.learner")
    tags = body.get("registrationTags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise BadRequestError("body.registrationTags must be a list of strings")

    call.backend.registrations.create_registration(
        registration_id=required_str(body, "registrationId", "body"),
        course_id=required_str(body, "courseId", "body"),
        learner=Learner(
            learner_id=required_str(learner, "id", "body.learner"),
            first_name=optional_str(learner, "firstName", "body.learner"),
            last_name=optional_str(learner, "lastName", "body.learner"),
            email=optional_str(learner, "email", "body.learner"),
        ),
        course_version=call.query_int("courseVersion"),
        initial_progress=_initial_progress(body.get("initialRegistrationState")),
        xapi_registration_id=optional_str(body, "xapiRegistrationId", "body"),
        tags=tuple(tags),
    )
    return no_content()


def _initial_progress(state: Any) -> Progress | None:
    """The progress a caller asks a new registration to start from."""
    if state is None:
        return None
    where = "body.initialRegistrationState"
    state = json_object(state, where)
    score = state.get("score")
    scaled = None
    if score is not None:
        scaled = optional_number(json_object(score, f"{where}.score"), "scaled", where)

    return Progress(
        completion=optional_enum(
            state, "registrationCompletion", where, COMPLETION_VALUES
        )
        or "UNKNOWN",
        success=optional_enum(state, "registrationSuccess", where, SUCCESS_VALUES)
        or "UNKNOWN",
        completion_amount=optional_number(state, "registrationCompletionAmount", where)
        or 0.0,
        score=scaled,
        total_seconds=optional_number(state, "totalSecondsTracked", where) or 0.0,
        first_access=_optional_time(state, "firstAccessDate", where),
        last_access=_optional_time(state, "lastAccessDate", where),
        completed=_optional_time(state, "completedDate", where),
    )


def _optional_time(body: dict[str, Any], key: str, where: str) -> datetime | None:
    text = optional_str(body, key, where)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadRequestError(
            f"'{text}' is either not a timestamp or seems to be not formatted "
            "according to ISO 8601"
        ) from None


def get_registration_progress(call: Call, registration_id: str) -> Response:
    # HEAD is the existence check: a status and no body either way.
    if call.request.method == "HEAD":
        call.backend.registrations.get_registration(registration_id)
        return Response(status=200)

    registration = call.backend.registrations.get_registration(registration_id)
    instance = registration.latest
    version = call.backend.registrations.course_version_of(registration, instance)
    return json_response(wire.registration(registration, instance, version))


def delete_registration(call: Call, registration_id: str) -> Response:
    call.backend.registrations.delete_registration(registration_id)
    return no_content()


def get_registration_instances(call: Call, registration_id: str) -> Response:
    registration = call.backend.registrations.get_registration(registration_id)
    instances = [
        wire.registration(
            registration,
            instance,
            call.backend.registrations.course_version_of(registration, instance),
        )
        for instance in registration.instances
    ]
    return json_response({"registrations": instances})


def get_registration_instance_progress(
    call: Call, registration_id: str, instance_id: str
) -> Response:
    number = parse_int(instance_id, "instanceId")
    instance = call.backend.registrations.get_registration_instance(
        registration_id, number
    )
    registration = call.backend.registrations.get_registration(registration_id)
    version = call.backend.registrations.course_version_of(registration, instance)
    return json_response(wire.registration(registration, instance, version))


def build_registration_launch_link(call: Call, registration_id: str) -> Response:
    body = json_object(call.json_body(), "body")
    expiry = body.get("expiry", DEFAULT_EXPIRY)
    if isinstance(expiry, bool) or not isinstance(expiry, int):
        raise BadRequestError("body.expiry must be an integer number of seconds")
    if expiry not in EXPIRY_RANGE:
        raise BadRequestError(f"expiry {expiry} is out of range (10 to 300 seconds)")

    ticket = call.backend.registrations.build_launch_link(
        registration_id,
        expiry_seconds=expiry,
        redirect_on_exit_url=optional_str(body, "redirectOnExitUrl", "body"),
    )
    link = f"{call.site_root}/__mock__/launch/{ticket.token}"
    return json_response({"launchLink": link})


ROUTES: list[Rule] = [
    route("POST", "/registrations", create_registration),
    # GET rules answer HEAD as well; the handler tells them apart.
    route("GET", "/registrations/<registration_id>", get_registration_progress),
    route("DELETE", "/registrations/<registration_id>", delete_registration),
    route(
        "GET", "/registrations/<registration_id>/instances", get_registration_instances
    ),
    route(
        "GET",
        "/registrations/<registration_id>/instances/<instance_id>",
        get_registration_instance_progress,
    ),
    route(
        "POST",
        "/registrations/<registration_id>/launchLink",
        build_registration_launch_link,
    ),
]
