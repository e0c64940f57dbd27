"""Handlers for ``/courses/importJobs...``: upload, fetch from a URL, job status.

Every import takes ``courseId``, ``mayCreateNewVersion``, ``tags`` (added to the
course when the job completes) and ``postbackUrl`` (sent the finished job's JSON,
loopback hosts only, like registration postbacks).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from . import _course_wire as wire
from ._courses_api import csv_values
from ._errors import BadRequestError, NotImplementedByMockError
from ._http import Call, json_object, json_response, required_str, route
from ._postback import delivery_for
from ._records import PostBack

_OTHER_REQUESTS = ("mediaFileReferenceRequest", "connectorReferenceRequest")


def create_upload_and_import_course_job(call: Call) -> Response:
    course_id, may_create, tags, postback_url = _import_query(call)
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
        may_create_new_version=may_create,
        package=upload.stream,
        tags=tags,
        postback_url=postback_url,
    )
    return _started(call, job_id)


def create_fetch_and_import_course_job(call: Call) -> Response:
    body = json_object(call.json_body(), "body")
    return _fetch_import(call, body, "body")


def create_no_upload_and_import_course_job(call: Call) -> Response:
    body = json_object(call.json_body(), "body")
    for name in _OTHER_REQUESTS:
        if body.get(name) is not None:
            raise NotImplementedByMockError(
                call.request.method, f"{call.request.path} with {name}"
            )
    fetch_request = json_object(body.get("fetchRequest"), "body.fetchRequest")
    return _fetch_import(call, fetch_request, "body.fetchRequest")


def _fetch_import(call: Call, request: dict[str, Any], where: str) -> Response:
    course_id, may_create, tags, postback_url = _import_query(call)
    url = required_str(request, "url", where)
    content_type = request.get("contentType", "application/zip")
    if content_type != "application/zip":
        raise BadRequestError(
            f"{where}.contentType '{content_type}' is not served by the mock "
            "(only application/zip)"
        )
    _require_http_url(url, f"{where}.url")

    job_id = call.backend.courses.create_fetch_import_job(
        course_id,
        may_create_new_version=may_create,
        url=url,
        tags=tags,
        postback_url=postback_url,
    )
    return _started(call, job_id)


def get_import_job_status(call: Call, import_job_id: str) -> Response:
    job = call.backend.courses.get_import_job(import_job_id)
    _post_back(call, import_job_id)
    return json_response(wire.import_job(job, web_path_prefix="/courses"))


def _import_query(call: Call) -> tuple[str, bool, tuple[str, ...], str | None]:
    course_id = call.query_str("courseId", required=True) or ""
    postback_url = call.query_str("postbackUrl") or None
    if postback_url is not None:
        _require_http_url(postback_url, "postbackUrl")
    tags = csv_values(call.request.args.getlist("tags"))
    return course_id, call.query_bool("mayCreateNewVersion"), tags, postback_url


def _require_http_url(url: str, where: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadRequestError(f"{where} '{url}' is not an http or https URL")


def _started(call: Call, job_id: str) -> Response:
    # A job may finish at once (no RUNNING polls); its postback is due now.
    _post_back(call, job_id)
    return json_response({"result": job_id})


def _post_back(call: Call, job_id: str) -> None:
    job = call.backend.courses.claim_postback(job_id)
    if job is None or job.postback_url is None:
        return
    body = wire.import_job(job, web_path_prefix="/courses")
    delivery = delivery_for(PostBack(url=job.postback_url), body)
    call.backend.courses.postbacks.send(delivery)


ROUTES: list[Rule] = [
    route("POST", "/courses/importJobs", create_fetch_and_import_course_job),
    route("POST", "/courses/importJobs/upload", create_upload_and_import_course_job),
    route(
        "POST", "/courses/importJobs/noUpload", create_no_upload_and_import_course_job
    ),
    route("GET", "/courses/importJobs/<import_job_id>", get_import_job_status),
]
