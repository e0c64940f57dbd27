"""Handlers for ``/courses/{courseId}/versions/...``: list, get, delete and zip."""

from __future__ import annotations

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from ._course_files import zip_response
from ._courses_api import course_json
from ._http import Call, json_response, no_content, parse_int, route


def get_course_versions(call: Call, course_id: str) -> Response:
    course = call.backend.courses.get_course(course_id)
    versions = [course_json(call, course, version) for version in course.versions]
    return json_response({"courses": versions})


def get_course_version_info(call: Call, course_id: str, version_id: str) -> Response:
    number = parse_int(version_id, "versionId")
    version = call.backend.courses.get_live_version(course_id, number)
    course = call.backend.courses.get_course(course_id)
    return json_response(course_json(call, course, version))


def delete_course_version(call: Call, course_id: str, version_id: str) -> Response:
    number = parse_int(version_id, "versionId")
    call.backend.delete_course_version(course_id, number)
    return no_content()


def get_versioned_course_zip(call: Call, course_id: str, version_id: str) -> Response:
    number = parse_int(version_id, "versionId")
    version = call.backend.courses.get_live_version(course_id, number)
    return zip_response(version.files_dir, f"version-{number}.zip")


ROUTES: list[Rule] = [
    route("GET", "/courses/<course_id>/versions", get_course_versions),
    route("GET", "/courses/<course_id>/versions/<version_id>", get_course_version_info),
    route(
        "DELETE", "/courses/<course_id>/versions/<version_id>", delete_course_version
    ),
    route(
        "GET",
        "/courses/<course_id>/versions/<version_id>/zip",
        get_versioned_course_zip,
    ),
]
