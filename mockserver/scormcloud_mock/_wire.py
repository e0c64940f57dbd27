"""Records to SCORM Cloud's JSON: field names, nesting and formats of the v2 API.

Keys whose value is unknown are left out rather than sent as ``null``, as the real
service does for optional fields.
"""

from __future__ import annotations

from typing import Any

from ._clock import wire_timestamp
from ._records import Course, CourseVersion, ImportJob, Instance, Registration
from ._settings import SETTINGS, SettingDefinition

JSON = dict[str, Any]


def course(
    course: Course, version: CourseVersion, *, registration_count: int | None = None
) -> JSON:
    """``CourseSchema`` for one version of a course."""
    body: JSON = {
        "id": course.course_id,
        "title": version.title,
        "created": wire_timestamp(version.created),
        "updated": wire_timestamp(version.updated),
        "version": version.version,
        "courseLearningStandard": version.learning_standard,
        "tags": list(course.tags),
        "dispatched": False,
        "rootActivity": version.root_activity,
    }
    if registration_count is not None:
        body["registrationCount"] = registration_count
    return body


def import_job(job: ImportJob, *, web_path_prefix: str) -> JSON:
    """``ImportJobResultSchema``; the result appears once the job has finished."""
    body: JSON = {"jobId": job.job_id, "status": job.status}
    if job.status != "RUNNING" and job.message:
        body["message"] = job.message
    if job.result is not None:
        imported = job.result
        body["importResult"] = {
            "webPathToCourse": f"{web_path_prefix}/{imported.course.course_id}/"
            f"{imported.version.version}",
            "parserWarnings": list(job.parser_warnings),
            "courseLanguages": [],
            "course": course(imported.course, imported.version),
        }
    return body


def registration(
    registration: Registration, instance: Instance, version: CourseVersion
) -> JSON:
    """``RegistrationSchema`` for one instance, bound to the version it runs."""
    progress = instance.progress
    body: JSON = {
        "id": registration.registration_id,
        "instance": instance.number,
        "xapiRegistrationId": registration.xapi_registration_id,
        "updated": wire_timestamp(instance.updated),
        "registrationCompletion": progress.completion,
        "registrationCompletionAmount": progress.completion_amount,
        "registrationSuccess": progress.success,
        "totalSecondsTracked": progress.total_seconds,
        "createdDate": wire_timestamp(registration.created),
        "course": {
            "id": registration.course_id,
            "title": version.title,
            "version": version.version,
        },
        "learner": _learner(registration),
        "tags": list(registration.tags),
    }
    if progress.score is not None:
        body["score"] = {"scaled": progress.score}
    for key, moment in (
        ("firstAccessDate", progress.first_access),
        ("lastAccessDate", progress.last_access),
        ("completedDate", progress.completed),
    ):
        if moment is not None:
            body[key] = wire_timestamp(moment)
    return body


def _learner(registration: Registration) -> JSON:
    learner = registration.learner
    body: JSON = {"id": learner.learner_id}
    for key, value in (
        ("firstName", learner.first_name),
        ("lastName", learner.last_name),
        ("email", learner.email),
    ):
        if value is not None:
            body[key] = value
    return body


def setting_list(
    explicit: dict[str, str], *, level: str, include_metadata: bool
) -> JSON:
    """``SettingListSchema``: the effective value of every known setting."""
    items = [
        _setting_item(definition, explicit.get(setting_id), level, include_metadata)
        for setting_id, definition in SETTINGS.items()
    ]
    return {"settingItems": items}


def _setting_item(
    definition: SettingDefinition,
    explicit_value: str | None,
    level: str,
    include_metadata: bool,
) -> JSON:
    item: JSON = {"id": definition.setting_id}
    if explicit_value is None:
        item["effectiveValue"] = definition.default
        item["effectiveValueSource"] = "default"
    else:
        item["effectiveValue"] = explicit_value
        item["effectiveValueSource"] = level
        item["explicitValue"] = explicit_value
    if include_metadata:
        item["metadata"] = {
            "default": definition.default,
            "dataType": definition.data_type,
            "settingDescription": definition.description,
            "level": definition.level,
            "validValues": [
                {"value": value, "valueDescription": text}
                for value, text in definition.valid_values
            ],
        }
    return item
