"""Handlers under the reserved ``/__mock__/`` prefix, which SCORM Cloud does not have.

The launch page stands in for SCORM Cloud's player: opening it is the learner's
launch. The other endpoints let server-mode tests reset the mock.
"""

from __future__ import annotations

from html import escape

from werkzeug.wrappers import Request, Response

from ._backend import Backend
from ._errors import MockError
from ._http import json_response
from ._registration_store import LaunchOutcome


def launch(request: Request, backend: Backend, token: str) -> Response:
    """Open a launch link: the restart rule runs here, then a placeholder player."""
    try:
        outcome = backend.registrations.launch(token)
    except MockError as error:
        return _page("Launch failed", f"<p>{escape(error.message)}</p>", error.status)
    return _page(outcome.version.title, _player_body(outcome), 200)


def reset(request: Request, backend: Backend) -> Response:
    backend.reset()
    return json_response({"reset": True})


def _player_body(outcome: LaunchOutcome) -> str:
    registration = outcome.registration
    note = (
        "This launch moved the registration to the newest course version."
        if outcome.restarted
        else "This launch continued the existing instance."
    )
    href = outcome.version.launch_href or "(no launchable resource)"
    registration_id = escape(registration.registration_id)
    return (
        '<dl id="launch">'
        f"<dt>Registration</dt><dd id='registration'>{registration_id}</dd>"
        f"<dt>Instance</dt><dd id='instance'>{outcome.instance.number}</dd>"
        f"<dt>Course version</dt><dd id='version'>{outcome.version.version}</dd>"
        f"<dt>Launch file</dt><dd id='href'>{escape(href)}</dd>"
        "</dl>"
        f"<p>{note}</p>"
        "<p>Placeholder player of scormcloud-mock: the course content is not run.</p>"
    )


def _page(title: str, body: str, status: int) -> Response:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return Response(html, status=status, mimetype="text/html")
