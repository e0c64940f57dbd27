"""The route table: method and path template (relative to ``/api/v2``) to handler.

Each resource module contributes its own rows. A request that matches nothing here is
answered 501 "not implemented by mock", so a call the mock does not serve can never
pass for a working one.
"""

from __future__ import annotations

from werkzeug.routing import Map
from werkzeug.wrappers import Response

from . import (
    _application_api,
    _course_assets_api,
    _course_configuration_api,
    _course_imports_api,
    _course_preview,
    _course_versions_api,
    _courses_api,
    _oauth_api,
    _registrations_api,
)
from ._clock import wire_timestamp
from ._http import Call, json_response, route


def ping(call: Call) -> Response:
    now = wire_timestamp(call.backend.clock.now())
    return json_response({"apiMessage": "pong", "currentTime": now})


API_ROUTES = Map(
    [
        route("GET", "/ping", ping),
        *_course_imports_api.ROUTES,
        *_courses_api.ROUTES,
        *_course_versions_api.ROUTES,
        *_course_configuration_api.ROUTES,
        *_course_assets_api.ROUTES,
        *_course_preview.ROUTES,
        *_application_api.ROUTES,
        *_registrations_api.ROUTES,
        *_oauth_api.ROUTES,
    ],
    strict_slashes=False,
    merge_slashes=False,
)
