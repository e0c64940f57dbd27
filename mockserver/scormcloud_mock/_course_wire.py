"""Courses, versions and import jobs as SCORM Cloud's JSON (``CourseSchema`` etc.).

Keys whose value is unknown are left out rather than sent as ``null``, as the real
service does for optional fields.
"""

from __future__ import annotations

from typing import Any

from ._clock import wire_timestamp
from ._records import Course, CourseVersion, ImportJob

JSON = dict[str, Any]


def course(
    course: Course,
    version: CourseVersion,
    *,
    registration_count: int | None = None,
    include_metadata: bool = False,
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
    if include_metadata:
        body["metadata"] = metadata(version)
    return body


def metadata(version: CourseVersion) -> JSON:
    """``MetadataSchema``: what the package describes, the title at least."""
    return {"title": version.title, **dict(version.metadata)}


def tag_list(tags: tuple[str, ...]) -> JSON:
    return {"tags": list(tags)}


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
            "courseLanguages": list(imported.version.languages),
            "course": course(imported.course, imported.version),
        }
    return body
