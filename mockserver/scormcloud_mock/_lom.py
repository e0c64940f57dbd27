"""Course metadata from a SCORM manifest's LOM (``MetadataSchema``) and languages.

The course-level ``<metadata>`` holds LOM inline or names a file with
``adlcp:location`` (backslashes allowed). From its ``general`` part come the title,
description (with their languages), keywords and languages; ``typicalTime`` and
``duration`` come from ``educational`` and ``technical``. Metadata that cannot be
read is left out: it never refuses a package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from ._manifest_xml import ManifestError, local_name, read_xml

Metadata = tuple[tuple[str, Any], ...]


def course_metadata(
    manifest: Element, folder: Path
) -> tuple[tuple[str, ...], Metadata]:
    """(languages, metadata fields) of the course a manifest describes."""
    lom = _lom(manifest, folder)
    general = _child(lom, "general") if lom is not None else None
    if lom is None or general is None:
        return (), ()

    fields: dict[str, Any] = {}
    for name in ("title", "description"):
        text, language = _langstring(_child(general, name))
        if text:
            fields[name] = text
        if language:
            fields[f"{name}Language"] = language
    keywords = [_langstring(k)[0] for k in _children(general, "keyword")]
    if any(keywords):
        fields["keywords"] = tuple(k for k in keywords if k)
    fields.update(_durations(lom))

    languages = [_text(e) for e in _children(general, "language")]
    return tuple(dict.fromkeys(lang for lang in languages if lang)), tuple(
        fields.items()
    )


def _lom(manifest: Element, folder: Path) -> Element | None:
    metadata = _child(manifest, "metadata")
    if metadata is None:
        return None
    inline = _child(metadata, "lom")
    if inline is not None:
        return inline
    location = _text(_child(metadata, "location")).replace("\\", "/")
    path = (folder / location).resolve() if location else None
    if path is None or not path.is_relative_to(folder.resolve()) or not path.is_file():
        return None
    try:
        return read_xml(path, "lom")
    except ManifestError:
        return None


def _durations(lom: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    educational = _child(lom, "educational")
    typical = _child(educational, "typicalLearningTime") if educational else None
    if typical is not None:
        found["typicalTime"] = _text(_child(typical, "duration")) or _text(typical)
    technical = _child(lom, "technical")
    duration = _child(technical, "duration") if technical is not None else None
    if duration is not None:
        found["duration"] = _text(_child(duration, "duration")) or _text(duration)
    return {key: value for key, value in found.items() if value}


def _langstring(element: Element | None) -> tuple[str, str]:
    """The first string of a LOM langstring container, and its language."""
    if element is None:
        return "", ""
    strings = [c for c in element if local_name(c.tag) in ("string", "langstring")]
    if not strings:
        return _text(element), ""
    first = strings[0]
    language = first.get("language") or next(
        (v for k, v in first.attrib.items() if local_name(k) == "lang"), ""
    )
    return _text(first), language


def _child(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next(iter(_children(element, name)), None)


def _children(element: Element, name: str) -> list[Element]:
    return [c for c in element if local_name(c.tag) == name]


def _text(element: Element | None) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""
