"""Safe XML reading for course descriptors (manifests, cmi5.xml, tincan.xml, LOM).

defusedxml refuses entity declarations and external references, so a descriptor
cannot expand entities ("billion laughs") or read local files.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree


class ManifestError(Exception):
    """The manifest cannot be turned into a course; the message says why."""


def read_xml(path: Path, root_name: str, *, display_name: str = "") -> Element:
    """Parse a course descriptor safely; its root element must be ``root_name``."""
    name = display_name or path.name
    try:
        root: Element = defusedxml.ElementTree.parse(path).getroot()
    except (ParseError, LookupError) as exc:
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


def local_name(name: str) -> str:
    return name.rpartition("}")[2]
