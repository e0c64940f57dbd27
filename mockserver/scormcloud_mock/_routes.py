"""The route table: method and path template (relative to ``/api/v2``) to handler.

A request that matches nothing here is answered 501 "not implemented by mock", so a
call the mock does not serve can never pass for a working one.
"""

from __future__ import annotations

from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Response

from . import _courses_api as courses
from . import _registrations_api as registrations
from ._clock import wire_timestamp
from ._http import Call, json_response


def ping(call: Call) -> Response:
    now = wire_timestamp(call.backend.clock.now())
    return json_response({"apiMessage": "pong", "currentTime": now})


def _rule(template: str, method: str, handler: object) -> Rule:
    return Rule(template, methods=[method], endpoint=handler)


API_ROUTES = Map(
    [
        _rule("/ping", "GET", ping),
        _rule("/courses/importJobs/upload", "POST", courses.create_upload_import_job),
        _rule(
            "/courses/importJobs/<import_job_id>", "GET", courses.get_import_job_status
        ),
        _rule("/courses/<course_id>", "GET", courses.get_course),
        _rule("/courses/<course_id>", "DELETE", courses.delete_course),
        _rule("/courses/<course_id>/versions", "GET", courses.get_course_versions),
        _rule(
            "/courses/<course_id>/versions/<version_id>",
            "GET",
            courses.get_course_version_info,
        ),
        _rule(
            "/courses/<course_id>/configuration",
            "GET",
            courses.get_course_configuration,
        ),
        _rule(
            "/courses/<course_id>/configuration",
            "POST",
            courses.set_course_configuration,
        ),
        _rule(
            "/courses/<course_id>/configuration/<setting_id>",
            "DELETE",
            courses.delete_course_configuration_setting,
        ),
        _rule("/registrations", "POST", registrations.create_registration),
        # GET rules answer HEAD as well; the handler tells them apart.
        _rule(
            "/registrations/<registration_id>",
            "GET",
            registrations.get_registration_progress,
        ),
        _rule(
            "/registrations/<registration_id>",
            "DELETE",
            registrations.delete_registration,
        ),
        _rule(
            "/registrations/<registration_id>/instances",
            "GET",
            registrations.get_registration_instances,
        ),
        _rule(
            "/registrations/<registration_id>/instances/<instance_id>",
            "GET",
            registrations.get_registration_instance_progress,
        ),
        _rule(
            "/registrations/<registration_id>/launchLink",
            "POST",
            registrations.build_registration_launch_link,
        ),
    ],
    strict_slashes=False,
    merge_slashes=False,
)
