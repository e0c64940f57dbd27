"""Safe XML reading for course descriptors (manifests, cmi5.xml, tincan.xml, LOM).

defusedxml refuses entity declarations and external references, so a descriptor
cannot expand entities ("billion laughs") or read local files.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

_DECLARED_ENCODING = re.compile(
    rb"^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']"
)
_EXPAT_ENCODINGS = {
    "utf-8",
    "utf8",
    "utf-16",
    "utf16",
    "iso-8859-1",
    "latin-1",
    "us-ascii",
}


class ManifestError(Exception):
    """The manifest cannot be turned into a course; the message says why."""


def read_xml(path: Path, root_name: str, *, display_name: str = "") -> Element:
    """Parse a course descriptor safely; its root element must be ``root_name``."""
    name = display_name or path.name
    try:
        root: Element = defusedxml.ElementTree.fromstring(_expat_readable(path))
    except (ParseError, LookupError, UnicodeError) as exc:
        # LookupError: the XML declaration names an encoding Python does not know.
        raise ManifestError(f"{name} is malformed: {exc}") from exc
    except defusedxml.DefusedXmlException as exc:
        raise ManifestError(
            f"{name} is malformed: XML entities and external references "
            f"are not allowed ({exc})"
        ) from exc

    if local_name(root.tag) != root_name:
        raise ManifestError(
            f"{name} is malformed: its root element is "
            f"<{local_name(root.tag)}>, not <{root_name}>"
        )
    return root


def _expat_readable(path: Path) -> bytes:
    """The file's bytes, transcoded to UTF-8 when expat cannot read its encoding.

    expat reads only single-byte encodings and UTF-8/16; courses written in
    Shift_JIS, EUC-KR, GB2312 or Big5 exist and Python's codecs can read them.
    """
    data = path.read_bytes()
    declared = _DECLARED_ENCODING.match(data)
    if declared is None:
        return data
    encoding = declared.group(2).decode("ascii").lower().replace("_", "-")
    if encoding in _EXPAT_ENCODINGS:
        return data

    # The declaration is ASCII, so its offsets are the same in the UTF-8 copy.
    utf8 = data.decode(encoding).encode("utf-8")
    start, end = declared.span(2)
    return utf8[:start] + b"UTF-8" + utf8[end:]


def local_name(name: str) -> str:
    return name.rpartition("}")[2]
