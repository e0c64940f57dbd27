"""Handlers for ``/registrations/...``: create, list, progress, reset, tags, links.

Instances, launch history and configuration are in ``_registration_instances_api``;
its rows are part of :data:`ROUTES`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from . import _registration_instances_api as instances_api
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
    required_str,
    route,
)
from ._launch_options import parse_launch_options, string_list
from ._postback import delivery_for
from ._records import Learner, PostBack, Progress
from ._registration_query import RegistrationQuery, decode_token
from ._settings_request import settings_body
from ._values import parse_timestamp

COMPLETION_VALUES = frozenset({"UNKNOWN", "COMPLETED", "INCOMPLETE"})
SUCCESS_VALUES = frozenset({"UNKNOWN", "PASSED", "FAILED"})
AUTH_TYPES = frozenset({"UNDEFINED", "FORM", "HTTPBASIC"})
RESULTS_FORMATS = frozenset({"UNDEFINED", "COURSE", "ACTIVITY", "FULL"})
#: Query parameters a ``more`` token replaces; sending them with it is a 400.
LIST_FILTERS = (
    "courseId",
    "learnerId",
    "since",
    "until",
    "datetimeFilter",
    "tags",
    "filter",
    "filterBy",
    "orderBy",
)


def create_registration(call: Call) -> Response:
    body = json_object(call.json_body(), "body")
    learner = json_object(body.get("learner"), "body.learner")
    tags = string_list(body.get("registrationTags") or [], "body.registrationTags")
    postback = body.get("postBack")
    initial_settings = body.get("initialSettings")

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
        postback=None if postback is None else parse_postback(postback),
        initial_settings=(
            [] if initial_settings is None else settings_body(initial_settings)
        ),
    )
    return no_content()


def parse_postback(value: Any, where: str = "body.postBack") -> PostBack:
    """``PostBackSchema``; the URL must be an absolute http(s) URL."""
    body = json_object(value, where)
    url = required_str(body, "url", where)
    if not url.startswith(("http://", "https://")):
        raise BadRequestError(f"{where}.url '{url}' is not a valid url")
    legacy = body.get("legacy", False)
    if not isinstance(legacy, bool):
        raise BadRequestError(f"{where}.legacy must be true or false")
    return PostBack(
        url=url,
        auth_type=optional_enum(body, "authType", where, AUTH_TYPES) or "UNDEFINED",
        user_name=optional_str(body, "userName", where),
        password=optional_str(body, "password", where),
        results_format=optional_enum(body, "resultsFormat", where, RESULTS_FORMATS)
        or "UNDEFINED",
        legacy=legacy,
    )


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
    return None if text is None else parse_timestamp(text)


def get_registrations(call: Call) -> Response:
    token = call.query_str("more")
    if token:
        sent = [name for name in LIST_FILTERS if name in call.request.args]
        if sent:
            raise BadRequestError(
                f"No filter parameters may be sent with 'more' (got {', '.join(sent)})"
            )
        query, offset = decode_token(token, RegistrationQuery)
    else:
        query, offset = _registration_query(call), 0

    store = call.backend.registrations
    page = store.get_registrations(query, offset=offset)
    flags = instances_api.detail_flags(call)
    listed = [
        wire.registration(
            r, r.latest, store.course_version_of(r, r.latest), details=flags
        )
        for r in page.registrations
    ]
    body: dict[str, Any] = {"registrations": listed}
    if page.more is not None:
        body["more"] = page.more
    response = json_response(body)
    # The total is counted for the first page only, as the service documents.
    if not token and call.query_bool("includeTotalCount"):
        response.headers["X-Total-Count"] = str(page.total)
    return response


def _registration_query(call: Call) -> RegistrationQuery:
    args = call.request.args
    tags = [t for value in args.getlist("tags") for t in value.split(",") if t]
    return RegistrationQuery(
        course_id=args.get("courseId") or None,
        learner_id=args.get("learnerId") or None,
        since=args.get("since") or None,
        until=args.get("until") or None,
        datetime_filter=args.get("datetimeFilter") or "created",
        tags=tuple(tags),
        filter=args.get("filter") or None,
        filter_by=args.get("filterBy") or "registration_id",
        order_by=args.get("orderBy") or "created_desc",
    )


def get_registration_progress(call: Call, registration_id: str) -> Response:
    # HEAD is the existence check: a status and no body either way.
    if call.request.method == "HEAD":
        call.backend.registrations.get_registration(registration_id)
        return Response(status=200)

    registration = call.backend.registrations.get_registration(registration_id)
    instance = registration.latest
    version = call.backend.registrations.course_version_of(registration, instance)
    return json_response(
        wire.registration(
            registration, instance, version, details=instances_api.detail_flags(call)
        )
    )


def delete_registration(call: Call, registration_id: str) -> Response:
    call.backend.registrations.delete_registration(registration_id)
    return no_content()


def delete_registration_progress(call: Call, registration_id: str) -> Response:
    call.backend.registrations.delete_registration_progress(registration_id)
    return no_content()


def delete_registration_global_data(call: Call, registration_id: str) -> Response:
    call.backend.registrations.delete_registration_global_data(registration_id)
    return no_content()


def build_registration_launch_link(call: Call, registration_id: str) -> Response:
    options = parse_launch_options(call.json_body())
    ticket = call.backend.registrations.sessions.build_launch_link(
        registration_id,
        expiry_seconds=options.expiry,
        redirect_on_exit_url=options.redirect_on_exit_url,
        options=options.options,
    )
    link = f"{call.site_root}/__mock__/launch/{ticket.token}?options={options.echo()}"
    return json_response({"launchLink": link})


def get_registration_tags(call: Call, registration_id: str) -> Response:
    tags = call.backend.registrations.get_registration_tags(registration_id)
    return json_response({"tags": list(tags)})


def put_registration_tags(call: Call, registration_id: str) -> Response:
    tags = _tags_body(call.json_body())
    call.backend.registrations.put_registration_tags([registration_id], tags)
    return no_content()


def delete_registration_tags(call: Call, registration_id: str) -> Response:
    tags = _tags_body(call.json_body())
    call.backend.registrations.delete_registration_tags(registration_id, tags)
    return no_content()


def put_registration_tags_batch(call: Call) -> Response:
    body = json_object(call.json_body(), "body")
    ids = string_list(body.get("ids"), "body.ids")
    tags = string_list(body.get("tags"), "body.tags")
    call.backend.registrations.put_registration_tags(ids, tags)
    return no_content()


def _tags_body(value: Any) -> list[str]:
    return string_list(json_object(value, "body").get("tags"), "body.tags")


def test_registration_postback(call: Call) -> Response:
    postback = parse_postback(call.json_body(), "body")
    sample = {
        "id": "postback-test",
        "instance": 0,
        "registrationCompletion": "COMPLETED",
        "registrationSuccess": "PASSED",
        "score": {"scaled": 100.0},
        "totalSecondsTracked": 60.0,
    }
    call.backend.registrations.sessions.postbacks.send(delivery_for(postback, sample))
    return no_content()


ROUTES: list[Rule] = [
    route("POST", "/registrations", create_registration),
    route("GET", "/registrations", get_registrations),
    route("PUT", "/registrations/tags", put_registration_tags_batch),
    route("POST", "/registrations/postBackTest", test_registration_postback),
    # GET rules answer HEAD as well; the handler tells them apart.
    route("GET", "/registrations/<registration_id>", get_registration_progress),
    route("DELETE", "/registrations/<registration_id>", delete_registration),
    route(
        "DELETE",
        "/registrations/<registration_id>/progress",
        delete_registration_progress,
    ),
    route(
        "DELETE",
        "/registrations/<registration_id>/globalData",
        delete_registration_global_data,
    ),
    route(
        "POST",
        "/registrations/<registration_id>/launchLink",
        build_registration_launch_link,
    ),
    route("GET", "/registrations/<registration_id>/tags", get_registration_tags),
    route("PUT", "/registrations/<registration_id>/tags", put_registration_tags),
    route("DELETE", "/registrations/<registration_id>/tags", delete_registration_tags),
    *instances_api.ROUTES,
]
