"""Handlers for course and course-version configuration settings."""

from __future__ import annotations

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from ._http import Call, json_response, no_content, parse_int, route
from ._settings_request import settings_body
from ._settings_wire import setting_list


def get_course_configuration(call: Call, course_id: str) -> Response:
    settings = call.backend.courses.get_configuration(course_id)
    include_metadata = call.query_bool("includeMetadata")
    return json_response(setting_list(settings, include_metadata=include_metadata))


def set_course_configuration(call: Call, course_id: str) -> Response:
    settings = settings_body(call.json_body())
    call.backend.courses.set_configuration(course_id, settings)
    return no_content()


def delete_course_configuration_setting(
    call: Call, course_id: str, setting_id: str
) -> Response:
    call.backend.courses.delete_configuration_setting(course_id, setting_id)
    return no_content()


def get_course_version_configuration(
    call: Call, course_id: str, version_id: str
) -> Response:
    number = parse_int(version_id, "versionId")
    settings = call.backend.courses.get_configuration(course_id, version=number)
    include_metadata = call.query_bool("includeMetadata")
    return json_response(setting_list(settings, include_metadata=include_metadata))


def set_course_version_configuration(
    call: Call, course_id: str, version_id: str
) -> Response:
    number = parse_int(version_id, "versionId")
    settings = settings_body(call.json_body())
    call.backend.courses.set_configuration(course_id, settings, version=number)
    return no_content()


def delete_course_version_configuration_setting(
    call: Call, course_id: str, version_id: str, setting_id: str
) -> Response:
    number = parse_int(version_id, "versionId")
    call.backend.courses.delete_configuration_setting(
        course_id, setting_id, version=number
    )
    return no_content()


ROUTES: list[Rule] = [
    route("GET", "/courses/<course_id>/configuration", get_course_configuration),
    route("POST", "/courses/<course_id>/configuration", set_course_configuration),
    route(
        "DELETE",
        "/courses/<course_id>/configuration/<setting_id>",
        delete_course_configuration_setting,
    ),
    route(
        "GET",
        "/courses/<course_id>/versions/<version_id>/configuration",
        get_course_version_configuration,
    ),
    route(
        "POST",
        "/courses/<course_id>/versions/<version_id>/configuration",
        set_course_version_configuration,
    ),
    route(
        "DELETE",
        "/courses/<course_id>/versions/<version_id>/configuration/<setting_id>",
        delete_course_version_configuration_setting,
    ),
]
