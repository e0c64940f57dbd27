"""The launch player: the page behind a launch link, and the course files it frames.

The page frames the SCO's launch file, served from the instance's course version
under ``/__mock__/content/{launchId}/``, and provides ``window.API`` (SCORM 1.2) and
``window.API_1484_11`` (SCORM 2004) in JavaScript (``player/scorm_api.js``). A launch
id is an unguessable secret handed out with the page, so the course files and the
runtime endpoints need no other credentials.
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import quote

from werkzeug.security import safe_join
from werkzeug.wrappers import Response

from ._activity_wire import timespan
from ._errors import NotFoundError
from ._learner_sessions import LaunchOutcome
from ._records import CourseVersion, Registration
from ._runtime import SCORM12, ActivityRuntime

JSON = dict[str, Any]


def _asset(name: str) -> str:
    return (
        resources.files(__package__)
        .joinpath("player")
        .joinpath(name)
        .read_text("utf-8")
    )


@dataclass(frozen=True)
class Sco:
    activity_id: str
    title: str
    href: str


def scos_of(version: CourseVersion) -> list[Sco]:
    """The launchable SCOs of a version, in manifest order."""
    found: list[Sco] = []

    def walk(node: JSON) -> None:
        if node.get("activityType") == "SCO" and node.get("href"):
            found.append(
                Sco(
                    str(node["itemIdentifier"]),
                    str(node.get("title", "")),
                    node["href"],
                )
            )
        for child in node.get("children", []):
            walk(child)

    walk(version.root_activity)
    return found


def content_href(launch_id: str, href: str) -> str:
    """The SCO's launch file, relative to the launch page."""
    return f"../content/{quote(launch_id)}/{quote(href, safe='/?=&%#:;,+~')}"


def player_page(outcome: LaunchOutcome, redirect: str | None) -> Response:
    """The launch page for a launch that just happened."""
    launch_id = outcome.launch.launch_id
    scos = scos_of(outcome.version)
    first = next((s for s in scos if s.activity_id == outcome.launch.activity_id), None)
    runtime = next(
        (
            a
            for a in outcome.instance.activities
            if a.activity_id == outcome.launch.activity_id
        ),
        None,
    )
    options = dict(outcome.launch.options)
    config = {
        "runtimeUrl": f"../runtime/{quote(launch_id)}",
        "sessionUrl": f"../session/{quote(launch_id)}",
        "exitUrl": f"../exit/{quote(launch_id)}",
        "redirectOnExitUrl": exit_target(launch_id, redirect),
        "activities": [{"activityId": s.activity_id, "title": s.title} for s in scos],
        "first": None
        if first is None or runtime is None
        else activity_session(launch_id, first, outcome.registration, runtime),
        "options": options,
    }
    css = options.get("cssUrl")
    page = Template(_asset("player.html")).substitute(
        title=escape(outcome.version.title),
        css_link=f'<link rel="stylesheet" href="{escape(css)}">' if css else "",
        registration=escape(outcome.registration.registration_id),
        instance=outcome.instance.number,
        version=outcome.version.version,
        href=escape(first.href if first else "(no launchable SCO)"),
        restarted="yes" if outcome.restarted else "no",
        toc_hidden="" if len(scos) > 1 else "hidden",
        toc="".join(
            f'<li><a href="#" data-activity="{escape(s.activity_id)}">'
            f"{escape(s.title)}</a></li>"
            for s in scos
        ),
        # "</" inside a script element would end it early.
        config=json.dumps(config).replace("</", "<\\/"),
        runtime_js=_asset("scorm_api.js"),
    )
    return Response(page, mimetype="text/html")


def exit_target(launch_id: str, redirect: str | None) -> str:
    """Where the player goes on exit; "message" and no value show the mock's page."""
    if redirect in ("closer", "blank"):
        return redirect
    if redirect and redirect != "message":
        return redirect
    return f"../exited/{quote(launch_id)}"


def activity_session(
    launch_id: str, sco: Sco, registration: Registration, runtime: ActivityRuntime
) -> JSON:
    """What the JavaScript runtime starts a SCO's session with."""
    return {
        "activityId": sco.activity_id,
        "title": sco.title,
        "href": content_href(launch_id, sco.href),
        "cmi": initial_cmi(registration, runtime),
    }


def initial_cmi(registration: Registration, runtime: ActivityRuntime) -> dict[str, str]:
    """The data model a SCO reads at start: stored values plus the LMS's own."""
    learner = registration.learner
    name = ", ".join(n for n in (learner.last_name, learner.first_name) if n)
    entry = "resume" if runtime.suspended else "ab-initio"
    if runtime.standard == SCORM12:
        own = {
            "cmi.core.student_id": learner.learner_id,
            "cmi.core.student_name": name,
            "cmi.core.lesson_status": "not attempted",
            "cmi.core.entry": entry,
            "cmi.core.credit": "credit",
            "cmi.core.lesson_mode": "normal",
            "cmi.core.total_time": timespan(runtime.closed_seconds),
        }
    else:
        own = {
            "cmi.learner_id": learner.learner_id,
            "cmi.learner_name": name,
            "cmi.completion_status": "unknown",
            "cmi.success_status": "unknown",
            "cmi.entry": "resume" if runtime.suspended else "",
            "cmi.credit": "credit",
            "cmi.mode": "normal",
            "cmi.total_time": f"PT{runtime.closed_seconds:.2f}S",
        }
    stored = {k: v for k, v in runtime.values if "session_time" not in k}
    return {**own, **stored, **{k: v for k, v in own.items() if k.endswith("_id")}}


def exited_page() -> Response:
    return Response(_asset("exited.html"), mimetype="text/html")


def course_file(files_dir: Path, segments: list[str]) -> Response:
    """A file of a course version; anything outside its folder is a 404."""
    if not segments or any(_unsafe(segment) for segment in segments):
        raise NotFoundError("No such course file")
    joined = safe_join(str(files_dir), *segments)
    if joined is None:
        raise NotFoundError("No such course file")
    path = Path(joined)
    root = files_dir.resolve()
    if not path.is_file() or not path.resolve().is_relative_to(root):
        raise NotFoundError("No such course file")
    mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return Response(path.read_bytes(), mimetype=mimetype)


def _unsafe(segment: str) -> bool:
    return segment in ("", ".", "..") or any(c in segment for c in "/\\\0")
