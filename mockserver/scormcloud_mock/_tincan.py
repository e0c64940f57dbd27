"""Read an xAPI (Tin Can) package's ``tincan.xml`` into SCORM Cloud's course shape.

The course is the activity whose type ends in ``/course`` (else the first one); it
becomes the root AGGREGATION, and every activity with a ``<launch>`` a launchable
child. Refused: no activity, and no activity to launch.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from ._manifest import Activity, Package, first_launch_href
from ._manifest_xml import ManifestError, local_name, read_xml


def parse_tincan(path: Path) -> Package:
    tincan = read_xml(path, "tincan")
    activities = [e for e in tincan.iter() if local_name(e.tag) == "activity"]
    if not activities:
        raise ManifestError("tincan.xml has no <activity>")

    course = next(
        (a for a in activities if (a.get("type") or "").endswith("/course")),
        activities[0],
    )
    launchable = tuple(_launchable(a) for a in activities if _launch(a) is not None)
    if not launchable:
        raise ManifestError("tincan.xml has no activity with a <launch>")

    course_id = (course.get("id") or "").strip()
    title = _text(_child(course, "name")) or course_id
    root = Activity(
        course_id, course_id, None, "AGGREGATION", None, title, None, launchable
    )
    description = _text(_child(course, "description"))
    return Package(
        title=title,
        learning_standard="XAPI",
        manifest_identifier=course_id,
        root_activity=root,
        parser_warnings=(),
        launch_href=first_launch_href(root),
        languages=_languages(activities),
        metadata=(("description", description),) if description else (),
    )


def _launchable(activity: Element) -> Activity:
    identifier = (activity.get("id") or "").strip()
    title = _text(_child(activity, "name")) or identifier
    return Activity(identifier, identifier, None, "SCO", _launch(activity), title, None)


def _launch(activity: Element) -> str | None:
    return _text(_child(activity, "launch")) or None


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _languages(activities: list[Element]) -> tuple[str, ...]:
    found = (
        child.get("lang", "")
        for activity in activities
        for child in activity
        if local_name(child.tag) in ("name", "description", "launch")
    )
    # Spelled differently across elements ("en-US", "en-us"); keep the first.
    unique: dict[str, str] = {}
    for lang in found:
        if lang:
            unique.setdefault(lang.lower(), lang)
    return tuple(unique.values())
