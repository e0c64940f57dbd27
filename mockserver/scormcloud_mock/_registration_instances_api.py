"""Handlers for a registration's instances, launch history and configuration."""

from __future__ import annotations

from typing import Any

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from . import _registration_wire as wire
from ._errors import BadRequestError
from ._http import Call, json_response, no_content, parse_int, route
from ._records import Instance, Registration
from ._registration_query import InstanceQuery, decode_token
from ._settings_request import settings_body
from ._settings_wire import setting_list


def detail_flags(call: Call) -> wire.DetailFlags:
    """The ``include...`` flags of the progress and list calls."""
    return wire.DetailFlags(
        child_results=call.query_bool("includeChildResults"),
        interactions_and_objectives=call.query_bool("includeInteractionsAndObjectives"),
        runtime=call.query_bool("includeRuntime"),
    )


def _instance_body(
    call: Call, registration: Registration, instance: Instance
) -> dict[str, Any]:
    version = call.backend.registrations.course_version_of(registration, instance)
    return wire.registration(
        registration, instance, version, details=detail_flags(call)
    )


def get_registration_instances(call: Call, registration_id: str) -> Response:
    token = call.query_str("more")
    if token:
        if "since" in call.request.args or "until" in call.request.args:
            raise BadRequestError("No filter parameters may be sent with 'more'")
        query, offset = decode_token(token, InstanceQuery)
    else:
        query = InstanceQuery(call.query_str("since"), call.query_str("until"))
        offset = 0

    store = call.backend.registrations
    page = store.get_registration_instances(registration_id, query, offset=offset)
    registration = store.get_registration(registration_id)
    listed = [_instance_body(call, registration, i) for i in page.instances]
    body: dict[str, Any] = {"registrations": listed}
    if page.more is not None:
        body["more"] = page.more
    return json_response(body)


def get_registration_instance_progress(
    call: Call, registration_id: str, instance_id: str
) -> Response:
    number = parse_int(instance_id, "instanceId")
    store = call.backend.registrations
    instance = store.get_registration_instance(registration_id, number)
    registration = store.get_registration(registration_id)
    return json_response(_instance_body(call, registration, instance))


def create_new_registration_instance(call: Call, registration_id: str) -> Response:
    call.backend.registrations.create_new_registration_instance(registration_id)
    return no_content()


def delete_registration_instance(
    call: Call, registration_id: str, instance_id: str
) -> Response:
    number = parse_int(instance_id, "instanceId")
    call.backend.registrations.delete_registration_instance(registration_id, number)
    return no_content()


def get_registration_launch_history(call: Call, registration_id: str) -> Response:
    registration = call.backend.registrations.get_registration(registration_id)
    return _launch_history(call, registration, registration.instances)


def get_registration_instance_launch_history(
    call: Call, registration_id: str, instance_id: str
) -> Response:
    number = parse_int(instance_id, "instanceId")
    store = call.backend.registrations
    instance = store.get_registration_instance(registration_id, number)
    return _launch_history(call, store.get_registration(registration_id), (instance,))


def _launch_history(
    call: Call, registration: Registration, instances: tuple[Instance, ...]
) -> Response:
    log = call.query_bool("includeHistoryLog")
    history = [
        wire.launch_history(registration, instance, launch, log=log)
        for instance in instances
        for launch in instance.launches
    ]
    return json_response({"launchHistory": history})


def get_registration_configuration(
    call: Call, registration_id: str, instance_id: str | None = None
) -> Response:
    instance = _instance_number(instance_id)
    settings = call.backend.registrations.get_configuration(
        registration_id, instance=instance
    )
    include_metadata = call.query_bool("includeMetadata")
    return json_response(setting_list(settings, include_metadata=include_metadata))


def set_registration_configuration(
    call: Call, registration_id: str, instance_id: str | None = None
) -> Response:
    settings = settings_body(call.json_body())
    call.backend.registrations.set_configuration(
        registration_id, settings, instance=_instance_number(instance_id)
    )
    return no_content()


def delete_registration_configuration_setting(
    call: Call, registration_id: str, setting_id: str, instance_id: str | None = None
) -> Response:
    call.backend.registrations.delete_configuration_setting(
        registration_id, setting_id, instance=_instance_number(instance_id)
    )
    return no_content()


def _instance_number(instance_id: str | None) -> int | None:
    return None if instance_id is None else parse_int(instance_id, "instanceId")


_REGISTRATION = "/registrations/<registration_id>"
_INSTANCE = _REGISTRATION + "/instances/<instance_id>"

ROUTES: list[Rule] = [
    route("GET", _REGISTRATION + "/instances", get_registration_instances),
    route("POST", _REGISTRATION + "/instances", create_new_registration_instance),
    route("GET", _INSTANCE, get_registration_instance_progress),
    route("DELETE", _INSTANCE, delete_registration_instance),
    route("GET", _REGISTRATION + "/launchHistory", get_registration_launch_history),
    route(
        "GET",
        _INSTANCE + "/launchHistory",
        get_registration_instance_launch_history,
    ),
]
for _scope in (_REGISTRATION, _INSTANCE):
    ROUTES += [
        route("GET", _scope + "/configuration", get_registration_configuration),
        route("POST", _scope + "/configuration", set_registration_configuration),
        route(
            "DELETE",
            _scope + "/configuration/<setting_id>",
            delete_registration_configuration_setting,
        ),
    ]
