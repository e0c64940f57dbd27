"""Handlers for ``/courses/...``: import jobs, courses, versions, configuration."""

from __future__ import annotations

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from . import _course_wire as wire
from ._errors import BadRequestError
from ._http import Call, json_object, json_response, no_content, parse_int, route
from ._settings_wire import setting_list


def create_upload_import_job(call: Call) -> Response:
    course_id = call.query_str("courseId", required=True)
    assert course_id is not None
    upload = call.request.files.get("file")
    if upload is None or not upload.filename:
        raise BadRequestError(
            "The course package must be sent as a multipart form part named 'file'"
        )

    # An empty part is refused before any job exists, like a missing one.
    upload.stream.seek(0, 2)
    if upload.stream.tell() == 0:
        raise BadRequestError("The uploaded file is empty")
    upload.stream.seek(0)

    job_id = call.backend.courses.create_upload_import_job(
        course_id,
        may_create_new_version=call.query_bool("mayCreateNewVersion"),
        package=upload.stream,
    )
    return json_response({"result": job_id})


def get_import_job_status(call: Call, import_job_id: str) -> Response:
    job = call.backend.courses.get_import_job(import_job_id)
    return json_response(wire.import_job(job, web_path_prefix="/courses"))


def get_course(call: Call, course_id: str) -> Response:
    course = call.backend.courses.get_course(course_id)
    count = _registration_count(call, course_id, None)
    return json_response(wire.course(course, course.latest, registration_count=count))


def delete_course(call: Call, course_id: str) -> Response:
    call.backend.delete_course(course_id)
    return no_content()


def get_course_versions(call: Call, course_id: str) -> Response:
    course = call.backend.courses.get_course(course_id)
    versions = [
        wire.course(
            course,
            version,
            registration_count=_registration_count(call, course_id, version.version),
        )
        for version in course.versions
    ]
    return json_response({"courses": versions})


def get_course_version_info(call: Call, course_id: str, version_id: str) -> Response:
    number = parse_int(version_id, "versionId")
    version = call.backend.courses.get_course_version(course_id, number)
    course = call.backend.courses.get_course(course_id)
    count = _registration_count(call, course_id, number)
    return json_response(wire.course(course, version, registration_count=count))


def _registration_count(call: Call, course_id: str, version: int | None) -> int | None:
    if not call.query_bool("includeRegistrationCount"):
        return None
    return call.backend.registrations.count_registrations(course_id, version)


def get_course_configuration(call: Call, course_id: str) -> Response:
    settings = call.backend.courses.get_configuration(course_id)
    include_metadata = call.query_bool("includeMetadata")
    return json_response(setting_list(settings, include_metadata=include_metadata))


def set_course_configuration(call: Call, course_id: str) -> Response:
    settings = _settings_body(call)
    call.backend.courses.set_configuration(course_id, settings)
    return no_content()


def delete_course_configuration_setting(
    call: Call, course_id: str, setting_id: str
) -> Response:
    call.backend.courses.delete_configuration_setting(course_id, setting_id)
    return no_content()


def _settings_body(call: Call) -> list[tuple[str, object]]:
    """The ``SettingsPostSchema`` body as (setting id, value) pairs."""
    body = json_object(call.json_body(), "body")
    entries = body.get("settings")
    if not isinstance(entries, list):
        raise BadRequestError("body.settings is required and must be a list")

    settings: list[tuple[str, object]] = []
    for entry in entries:
        entry = json_object(entry, "body.settings[]")
        setting_id = entry.get("settingId")
        if not isinstance(setting_id, str) or not setting_id:
            raise BadRequestError(
                "body.settings[].settingId must be a non-empty string"
            )
        settings.append((setting_id, entry.get("value")))
    return settings


ROUTES: list[Rule] = [
    route("POST", "/courses/importJobs/upload", create_upload_import_job),
    route("GET", "/courses/importJobs/<import_job_id>", get_import_job_status),
    route("GET", "/courses/<course_id>", get_course),
    route("DELETE", "/courses/<course_id>", delete_course),
    route("GET", "/courses/<course_id>/versions", get_course_versions),
    route("GET", "/courses/<course_id>/versions/<version_id>", get_course_version_info),
    route("GET", "/courses/<course_id>/configuration", get_course_configuration),
    route("POST", "/courses/<course_id>/configuration", set_course_configuration),
    route(
        "DELETE",
        "/courses/<course_id>/configuration/<setting_id>",
        delete_course_configuration_setting,
    ),
]
