"""Registrations and their instances as SCORM Cloud's JSON (``RegistrationSchema``).

Keys whose value is unknown are left out rather than sent as ``null``, as the real
service does for optional fields.
"""

from __future__ import annotations

from typing import Any

from ._clock import wire_timestamp
from ._records import CourseVersion, Instance, Registration

JSON = dict[str, Any]


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
