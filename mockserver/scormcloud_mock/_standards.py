"""Which learning standard a package follows, and the reader for each.

A package is described by one file at its root: ``imsmanifest.xml`` (SCORM 1.2 and
2004), ``cmi5.xml`` (cmi5), ``tincan.xml`` (xAPI) or an AICC course file ``*.crs``
with its ``.au``, ``.des`` and ``.cst`` companions. When a package holds more than
one, that order decides, as SCORM Cloud prefers a SCORM manifest.
"""

from __future__ import annotations

from pathlib import Path

from ._aicc import parse_aicc
from ._cmi5 import parse_cmi5
from ._manifest import Package, parse_manifest
from ._tincan import parse_tincan

_BY_NAME = {
    "imsmanifest.xml": parse_manifest,
    "cmi5.xml": parse_cmi5,
    "tincan.xml": parse_tincan,
}

#: How a refusal names what was looked for.
DESCRIPTORS = "cmi5.xml, tincan.xml or an AICC .crs file"


def find_descriptor(paths: set[str]) -> str | None:
    """The descriptor among the package-relative ``paths``, if any is at the root."""
    for name in _BY_NAME:
        if name in paths:
            return name
    courses = sorted(p for p in paths if "/" not in p and p.lower().endswith(".crs"))
    return courses[0] if courses else None


def parse_course(root: Path, descriptor: str) -> Package:
    """The course an extracted package describes; ManifestError if unusable."""
    parse = _BY_NAME.get(descriptor)
    if parse is not None:
        return parse(root / descriptor)
    return parse_aicc(root / descriptor)
