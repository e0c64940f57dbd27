"""Handlers under the reserved ``/__mock__/`` prefix, which SCORM Cloud does not have.

The launch page stands in for SCORM Cloud's player: opening it is the learner's
launch, and its JavaScript runtime commits through ``runtime/{launchId}``. The other
endpoints simulate a learner without a browser, move the clock, dump and reset state.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import unquote

from werkzeug.wrappers import Request, Response

from . import _player as player
from . import _simulation as simulation
from ._backend import Backend
from ._errors import BadRequestError, MockError, NotImplementedByMockError
from ._http import Call, json_object, json_response
from ._openapi import openapi_document

Handler = Callable[[Call, list[str]], Response]


def dispatch(request: Request, backend: Backend, rest: list[str]) -> Response:
    """Answer ``/__mock__/{rest}``; ``rest`` holds raw path segments."""
    segments = [unquote(segment) for segment in rest]
    key = (request.method, segments[0] if segments else "")
    handler = _HANDLERS.get(key)
    if handler is None or not _arity_ok(key[1], segments):
        raise NotImplementedByMockError(request.method, request.path)
    return handler(Call(request=request, backend=backend), segments[1:])


def _arity_ok(name: str, segments: list[str]) -> bool:
    if name == "content":
        return len(segments) >= 3
    if name == "registrations":
        return len(segments) == 3 and segments[2] in ("launch", "runtime")
    if name in ("reset", "clock", "state", "openapi.json"):
        return len(segments) == 1
    return len(segments) == 2


def launch(call: Call, args: list[str]) -> Response:
    """Open a launch link: the restart rule runs here, then the player starts."""
    try:
        outcome, ticket = call.backend.registrations.sessions.launch(args[0])
    except MockError as error:
        return _page("Launch failed", f"<p>{escape(error.message)}</p>", error.status)
    return player.player_page(outcome, ticket.redirect_on_exit_url)


def content(call: Call, args: list[str]) -> Response:
    registration, instance, _ = call.backend.registrations.sessions.find_launch(args[0])
    version = call.backend.registrations.course_version_of(registration, instance)
    return player.course_file(version.files_dir, args[1:])


def runtime(call: Call, args: list[str]) -> Response:
    """The player's commit: the same code path as the simulation's."""
    sessions = call.backend.registrations.sessions
    registration, instance, _ = sessions.find_launch(args[0])
    body = json_object(call.json_body(), "body")
    sessions.commit_runtime(
        registration.registration_id,
        json_object(body.get("values", {}), "body.values"),
        instance=instance.number,
        activity_id=_optional_text(body, "activityId"),
        terminate=body.get("terminate") is True,
        launch_id=args[0],
    )
    return json_response({"stored": True})


def session(call: Call, args: list[str]) -> Response:
    """The player opens another SCO of the same launch."""
    sessions = call.backend.registrations.sessions
    body = json_object(call.json_body(), "body")
    activity_id = _optional_text(body, "activityId")
    if not activity_id:
        raise BadRequestError("body.activityId is required")
    runtime_state = sessions.open_activity(args[0], activity_id)
    registration, instance, _ = sessions.find_launch(args[0])
    version = call.backend.registrations.course_version_of(registration, instance)
    sco = next(s for s in player.scos_of(version) if s.activity_id == activity_id)
    return json_response(
        player.activity_session(args[0], sco, registration, runtime_state)
    )


def exit_launch(call: Call, args: list[str]) -> Response:
    call.backend.registrations.sessions.exit_launch(args[0])
    return json_response({"exited": True})


def exited(call: Call, args: list[str]) -> Response:
    return player.exited_page()


def simulate(call: Call, args: list[str]) -> Response:
    registration_id, action = args
    if action == "launch":
        return json_response(simulation.launch(call.backend, registration_id))
    body = json_object(call.json_body(), "body")
    instance = body.get("instance")
    if instance is not None and (
        isinstance(instance, bool) or not isinstance(instance, int)
    ):
        raise BadRequestError("body.instance must be an integer")
    result = simulation.commit_runtime(
        call.backend,
        registration_id,
        json_object(body.get("values"), "body.values"),
        instance=instance,
        activity_id=_optional_text(body, "activityId"),
        terminate=body.get("terminate") is True,
    )
    return json_response(result)


def clock(call: Call, args: list[str]) -> Response:
    body = json_object(call.json_body(), "body")
    return json_response(
        simulation.advance_clock(call.backend, body.get("advanceSeconds"))
    )


def state(call: Call, args: list[str]) -> Response:
    return json_response(simulation.dump_state(call.backend))


def openapi(call: Call, args: list[str]) -> Response:
    return json_response(openapi_document())


def reset(call: Call, args: list[str]) -> Response:
    call.backend.reset()
    return json_response({"reset": True})


def _optional_text(body: dict[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise BadRequestError(f"body.{key} must be a string")
    return value


def _page(title: str, body: str, status: int) -> Response:
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return Response(html, status=status, mimetype="text/html")


_HANDLERS: dict[tuple[str, str], Handler] = {
    ("GET", "launch"): launch,
    ("GET", "content"): content,
    ("POST", "runtime"): runtime,
    ("POST", "session"): session,
    ("POST", "exit"): exit_launch,
    ("GET", "exited"): exited,
    ("POST", "registrations"): simulate,
    ("POST", "clock"): clock,
    ("GET", "state"): state,
    ("POST", "reset"): reset,
    ("GET", "openapi.json"): openapi,
}
