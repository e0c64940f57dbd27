"""Read a cmi5 course structure (``cmi5.xml``) into SCORM Cloud's course shape.

The course is the root AGGREGATION, each ``<block>`` an AGGREGATION and each
``<au>`` a launchable activity (``SCO``; the schema has no AU type). An AU's
``masteryScore`` becomes its ``scaledPassingScore``; its ``<url>`` (trimmed, CDATA
or not, query string kept) its ``href``. Refused: no ``<course>``, no AU, an AU
without a URL, and an id used twice.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from ._manifest import Activity, Package, first_launch_href
from ._manifest_xml import ManifestError, local_name, read_xml


def parse_cmi5(path: Path) -> Package:
    structure = read_xml(path, "courseStructure")
    course = _child(structure, "course")
    if course is None:
        raise ManifestError("cmi5.xml has no <course> element")

    course_id = (course.get("id") or "").strip()
    seen: set[str] = set()
    children = tuple(_members(structure, seen))
    if not any(_is_au(child) for child in _walk(children)):
        raise ManifestError("cmi5.xml has no AU")

    title = _langstring(_child(course, "title")) or course_id
    root = Activity(
        course_id, course_id, None, "AGGREGATION", None, title, None, children
    )
    description = _langstring(_child(course, "description"))
    return Package(
        title=title,
        learning_standard="CMI5",
        manifest_identifier=course_id,
        root_activity=root,
        parser_warnings=(),
        launch_href=first_launch_href(root),
        languages=_languages(structure),
        metadata=(("description", description),) if description else (),
    )


def _members(parent: Element, seen: set[str]) -> list[Activity]:
    members = []
    for element in parent:
        kind = local_name(element.tag)
        if kind in ("au", "block"):
            identifier = _unique_id(element, kind, seen)
            title = _langstring(_child(element, "title")) or identifier
            if kind == "au":
                members.append(_au(element, identifier, title))
            else:
                blocks = tuple(_members(element, seen))
                members.append(
                    Activity(
                        identifier,
                        identifier,
                        None,
                        "AGGREGATION",
                        None,
                        title,
                        None,
                        blocks,
                    )
                )
    return members


def _au(element: Element, identifier: str, title: str) -> Activity:
    url_element = _child(element, "url")
    url = "".join(url_element.itertext()).strip() if url_element is not None else ""
    if not url:
        raise ManifestError(f"cmi5.xml: AU {identifier!r} has no <url>")
    mastery = (element.get("masteryScore") or "").strip() or None
    return Activity(identifier, identifier, None, "SCO", url, title, mastery)


def _unique_id(element: Element, kind: str, seen: set[str]) -> str:
    identifier = (element.get("id") or "").strip()
    if not identifier:
        raise ManifestError(f"cmi5.xml: a <{kind}> has no id")
    if identifier in seen:
        raise ManifestError(f"cmi5.xml: the id {identifier!r} is used twice")
    seen.add(identifier)
    return identifier


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def _langstring(element: Element | None) -> str:
    """The first ``<langstring>`` text, whitespace collapsed."""
    if element is None:
        return ""
    strings = [c for c in element if local_name(c.tag) == "langstring"]
    text = "".join(strings[0].itertext()) if strings else "".join(element.itertext())
    return " ".join(text.split())


def _languages(structure: Element) -> tuple[str, ...]:
    found = (
        element.get("lang", "")
        for element in structure.iter()
        if local_name(element.tag) == "langstring"
    )
    # Spelled differently across elements ("en-US", "en-us"); keep the first.
    unique: dict[str, str] = {}
    for lang in found:
        if lang:
            unique.setdefault(lang.lower(), lang)
    return tuple(unique.values())


def _walk(activities: tuple[Activity, ...]) -> list[Activity]:
    every = list(activities)
    for activity in activities:
        every.extend(_walk(activity.children))
    return every


def _is_au(activity: Activity) -> bool:
    return activity.activity_type == "SCO"
