"""Course preview links: a launch without a registration, so nothing is tracked.

``POST /courses/{courseId}/preview`` (and the version variant) hands out a link
under the mock's reserved ``/__mock__/preview/`` path; opening it shows a
placeholder player for that course version. Links expire like launch links.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from typing import TYPE_CHECKING

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from ._errors import GoneError, MockError, NotFoundError
from ._http import Call, json_response, parse_int, route
from ._launch_options import parse_launch_options

if TYPE_CHECKING:
    from ._backend import Backend


@dataclass(frozen=True)
class PreviewTicket:
    token: str
    course_id: str
    #: None previews whatever version is the latest when the link is opened.
    version: int | None
    expires: datetime


def build_course_preview_launch_link(
    call: Call, course_id: str, version_id: str = ""
) -> Response:
    version = parse_int(version_id, "versionId") if version_id else None
    options = parse_launch_options(call.json_body())
    if version is None:
        call.backend.courses.get_course(course_id)
    else:
        call.backend.courses.get_live_version(course_id, version)

    ticket = PreviewTicket(
        token=secrets.token_urlsafe(24),
        course_id=course_id,
        version=version,
        expires=call.backend.clock.now() + timedelta(seconds=options.expiry),
    )
    with call.backend.lock:
        call.backend.courses.previews[ticket.token] = ticket
    link = f"{call.site_root}/__mock__/preview/{ticket.token}?{options.echo()}"
    return json_response({"launchLink": link})


def open_preview(backend: Backend, token: str) -> Response:
    """The learner's browser opens a preview link."""
    try:
        with backend.lock:
            ticket = backend.courses.previews.get(token)
        if ticket is None:
            raise NotFoundError("This preview link is not known to the mock")
        if backend.clock.now() > ticket.expires:
            raise GoneError("This preview link has expired")
        course = backend.courses.get_course(ticket.course_id)
        version = course.latest
        if ticket.version is not None:
            version = backend.courses.get_live_version(ticket.course_id, ticket.version)
    except MockError as error:
        return _page("Preview failed", f"<p>{escape(error.message)}</p>", error.status)

    href = version.launch_href or "(no launchable resource)"
    body = (
        '<dl id="preview">'
        f"<dt>Course</dt><dd id='course'>{escape(course.course_id)}</dd>"
        f"<dt>Course version</dt><dd id='version'>{version.version}</dd>"
        f"<dt>Launch file</dt><dd id='href'>{escape(href)}</dd>"
        "</dl>"
        "<p>Preview: no registration, nothing is tracked.</p>"
        "<p>Placeholder player of scormcloud-mock: the course content is not run.</p>"
    )
    return _page(version.title, body, 200)


def _page(title: str, body: str, status: int) -> Response:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return Response(html, status=status, mimetype="text/html")


ROUTES: list[Rule] = [
    route("POST", "/courses/<course_id>/preview", build_course_preview_launch_link),
    route(
        "POST",
        "/courses/<course_id>/versions/<version_id>/preview",
        build_course_preview_launch_link,
    ),
]
