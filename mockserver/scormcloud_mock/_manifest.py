"""Parse a SCORM 1.2 / 2004 ``imsmanifest.xml`` into SCORM Cloud's course structure.

It reads the edition (``<schemaversion>``, else the namespaces in use), the default
organization (the first one, with a warning, when the default does not exist) and
its item tree. Each item becomes an :class:`Activity` shaped like SCORM Cloud's
``CourseActivitySchema``: an item with children is an AGGREGATION, a leaf is a SCO
or an ASSET after its resource's ``scormType``. Hrefs get ``xml:base`` and the
item's ``parameters`` applied. Names are matched by local name, because real
manifests mix namespaces and prefixes freely.

It refuses (:class:`ManifestError`) XML that does not parse, entity declarations
and external references (defusedxml), a root other than ``<manifest>``, items
without an identifier, and items whose ``identifierref`` names no resource.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

from ._lom import course_metadata
from ._manifest_xml import ManifestError, local_name, read_xml

logger = logging.getLogger(__name__)

_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"

_SCHEMA_VERSIONS = {
    "1.2": "SCORM12",
    "cam 1.3": "SCORM20042NDEDITION",
    "2004 2nd edition": "SCORM20042NDEDITION",
    "2004 3rd edition": "SCORM20043RDEDITION",
    "2004 4th edition": "SCORM20044THEDITION",
}


@dataclass(frozen=True)
class Activity:
    """One node of the course tree, as SCORM Cloud reports it."""

    external_identifier: str
    item_identifier: str
    resource_identifier: str | None
    activity_type: str
    href: str | None
    title: str
    scaled_passing_score: str | None
    children: tuple[Activity, ...] = ()

    def to_wire(self) -> dict[str, object]:
        """Return the ``CourseActivitySchema`` JSON object, without null fields."""
        wire: dict[str, object] = {
            "externalIdentifier": self.external_identifier,
            "itemIdentifier": self.item_identifier,
            "resourceIdentifier": self.resource_identifier,
            "activityType": self.activity_type,
            "href": self.href,
            "title": self.title,
            "scaledPassingScore": self.scaled_passing_score,
            "children": [child.to_wire() for child in self.children],
        }
        return {key: value for key, value in wire.items() if value is not None}


@dataclass(frozen=True)
class Package:
    """The course a package's manifest describes, as SCORM Cloud reports it."""

    title: str
    learning_standard: str
    manifest_identifier: str
    root_activity: Activity
    parser_warnings: tuple[str, ...]
    launch_href: str | None
    #: Languages the descriptor names (``courseLanguages``).
    languages: tuple[str, ...] = ()
    #: ``MetadataSchema`` fields besides the title, e.g. ``description``.
    metadata: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class _Resource:
    identifier: str
    href: str | None
    activity_type: str


@dataclass(frozen=True)
class _Context:
    resources: dict[str, _Resource]
    sequencing_collection: dict[str, Element]
    warnings: list[str]


def parse_manifest(path: Path, *, folder: Path | None = None) -> Package:
    """Parse the manifest at *path*; raise :class:`ManifestError` if it is unusable.

    External metadata files are looked up in *folder*, by default the manifest's.
    """
    manifest = _parse_xml(path)
    warnings: list[str] = []

    identifier = _stripped(manifest, "identifier")
    standard = _learning_standard(manifest, warnings)
    context = _Context(_resources(manifest, warnings), _collection(manifest), warnings)
    fallback_title = _manifest_title(manifest) or identifier
    root = _root_activity(manifest, identifier, fallback_title, context)

    languages, metadata = course_metadata(manifest, folder or path.parent)

    logger.debug("parsed manifest %r as %s", identifier, standard)
    return Package(
        title=root.title,
        learning_standard=standard,
        manifest_identifier=identifier,
        root_activity=root,
        parser_warnings=tuple(warnings),
        launch_href=_first_launch_href(root),
        languages=languages,
        metadata=metadata,
    )


def _parse_xml(path: Path) -> Element:
    # Named by its role: the file may be a staged upload with another name.
    return read_xml(path, "manifest", display_name="imsmanifest.xml")


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local_name(child.tag) == name]


def _child(element: Element, name: str) -> Element | None:
    return next(iter(_children(element, name)), None)


def _attribute(element: Element, name: str, *, ignore_case: bool = False) -> str | None:
    wanted = name.lower() if ignore_case else name
    for key, value in element.attrib.items():
        local = local_name(key)
        if (local.lower() if ignore_case else local) == wanted:
            return value
    return None


def _stripped(element: Element, name: str) -> str:
    return (_attribute(element, name) or "").strip()


def _text(element: Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


def _learning_standard(manifest: Element, warnings: list[str]) -> str:
    metadata = _child(manifest, "metadata")
    declared = _text(
        _child(metadata, "schemaversion") if metadata is not None else None
    )
    standard = _SCHEMA_VERSIONS.get(" ".join(declared.split()).lower())
    if standard is not None:
        return standard

    standard = _standard_from_namespaces(manifest)
    problem = (
        f"unknown <schemaversion> {declared!r}" if declared else "no <schemaversion>"
    )
    warnings.append(f"manifest has {problem}; assumed {standard} from its namespaces")
    return standard


def _standard_from_namespaces(manifest: Element) -> str:
    namespaces = " ".join(_namespaces(manifest))
    if "adlcp_rootv1p2" in namespaces:
        return "SCORM12"
    if any(mark in namespaces for mark in ("adlcp_v1p3", "imsss", "adlseq", "adlnav")):
        if _has_4th_edition_elements(manifest):
            return "SCORM20044THEDITION"
        return "SCORM20043RDEDITION"
    # Plain IMS content packages are most often SCORM 1.2 in the wild.
    return "SCORM12"


def _namespaces(manifest: Element) -> set[str]:
    names = {name for e in manifest.iter() for name in (e.tag, *e.attrib)}
    found = {name[1:].partition("}")[0] for name in names if name.startswith("{")}
    return found | set((_attribute(manifest, "schemaLocation") or "").split())


def _has_4th_edition_elements(manifest: Element) -> bool:
    # 3rd and 4th Edition share namespaces; only 4th-only elements tell them apart.
    for element in manifest.iter():
        tag, name = element.tag, local_name(element.tag)
        if "adlcp" in tag and name in ("data", "map"):
            return True
        if "adlseq" in tag and name == "objectives":
            return True
        if name == "completionThreshold" and element.attrib:
            return True
    return False


def _manifest_title(manifest: Element) -> str:
    metadata = _child(manifest, "metadata")
    if metadata is None:
        return ""

    for general in _descendants(metadata, ("general",)):
        text = _langstring(_child(general, "title"))
        if text:
            return text
    return ""


def _langstring(title: Element | None) -> str:
    strings = (_text(s) for s in _descendants(title, ("string", "langstring")))
    return next((s for s in strings if s), "") or _text(title)


def _descendants(element: Element | None, names: tuple[str, ...]) -> Iterator[Element]:
    if element is None:
        return iter(())
    return (e for e in element.iter() if local_name(e.tag) in names)


def _resources(manifest: Element, warnings: list[str]) -> dict[str, _Resource]:
    container = _child(manifest, "resources")
    if container is None:
        return {}

    bases = [manifest.get(_XML_BASE), container.get(_XML_BASE)]
    found: dict[str, _Resource] = {}
    for element in _children(container, "resource"):
        resource = _resource(element, bases)
        if resource.identifier in found:
            warnings.append(
                f"duplicate resource {resource.identifier!r}; kept the first"
            )
            continue
        found[resource.identifier] = resource
    return found


def _resource(element: Element, bases: list[str | None]) -> _Resource:
    href = _stripped(element, "href")
    resolved = _apply_bases([*bases, element.get(_XML_BASE)], href) if href else None
    # The attribute is scormtype in SCORM 1.2 and scormType in 2004; real files mix.
    scorm_type = _attribute(element, "scormType", ignore_case=True) or ""
    activity_type = "SCO" if scorm_type.strip().lower() == "sco" else "ASSET"
    identifier = _stripped(element, "identifier")
    return _Resource(identifier, resolved, activity_type)


def _apply_bases(bases: list[str | None], href: str) -> str:
    combined = ""
    for base in bases:
        if base and base.strip():
            # Authors write "SCORM" meaning the folder; treat every base as one.
            combined = urljoin(combined, _posix_path(base.strip()).rstrip("/") + "/")
    return urljoin(combined, _posix_path(href))


def _posix_path(href: str) -> str:
    # Only the path part: a backslash in the query string is data, not a separator.
    path_end = len(re.split(r"[?#]", href, maxsplit=1)[0])
    return href[:path_end].replace("\\", "/") + href[path_end:]


def _with_parameters(href: str, parameters: str | None) -> str:
    parameters = (parameters or "").strip()
    if not parameters:
        return href
    if parameters.startswith("#"):
        return href if "#" in href else href + parameters

    path, hash_mark, fragment = href.partition("#")
    parameters = parameters.lstrip("?&")
    separator = "" if path.endswith(("?", "&")) else "&" if "?" in path else "?"
    return f"{path}{separator}{parameters}{hash_mark}{fragment}"


def _collection(manifest: Element) -> dict[str, Element]:
    collection = _child(manifest, "sequencingCollection")
    if collection is None:
        return {}
    entries = _children(collection, "sequencing")
    return {entry.get("ID", ""): entry for entry in entries if entry.get("ID")}


def _aggregation(
    identifier: str, title: str, score: str | None, children: tuple[Activity, ...]
) -> Activity:
    kind = "AGGREGATION"
    return Activity(identifier, identifier, None, kind, None, title, score, children)


def _root_activity(
    manifest: Element, identifier: str, fallback_title: str, context: _Context
) -> Activity:
    organization = _default_organization(manifest, context.warnings)
    if organization is None:
        return _root_from_resources(identifier, fallback_title, context)

    try:
        children = tuple(
            _activity(item, context) for item in _children(organization, "item")
        )
    except RecursionError as exc:
        raise ManifestError("imsmanifest.xml nests its items too deeply") from exc

    org_identifier = _stripped(organization, "identifier")
    title = _text(_child(organization, "title")) or fallback_title
    score = _scaled_passing_score(organization, context)
    return _aggregation(org_identifier, title, score, children)


def _default_organization(manifest: Element, warnings: list[str]) -> Element | None:
    container = _child(manifest, "organizations")
    if container is None:
        return None

    organizations = _children(container, "organization")
    default = _stripped(container, "default")
    for organization in organizations:
        if not default or _stripped(organization, "identifier") == default:
            return organization

    if not organizations:
        return None
    warnings.append(
        f"default organization {default!r} does not exist; using the first organization"
    )
    return organizations[0]


def _root_from_resources(identifier: str, title: str, context: _Context) -> Activity:
    # SCORM Cloud still imports such packages; mirror that with one SCO per resource.
    scos = [r for r in context.resources.values() if r.activity_type == "SCO"]
    context.warnings.append(
        f"manifest has no organization; built one from its {len(scos)} SCO resources"
    )
    children = tuple(
        _leaf(r.identifier, title=r.identifier, score=None, resource=r, parameters=None)
        for r in scos
    )
    return _aggregation(identifier, title, None, children)


def _activity(item: Element, context: _Context) -> Activity:
    identifier = _stripped(item, "identifier")
    if not identifier:
        raise ManifestError("imsmanifest.xml has an <item> without an identifier")

    resource = _referenced_resource(item, identifier, context)
    children = tuple(_activity(child, context) for child in _children(item, "item"))
    title = _text(_child(item, "title")) or identifier
    score = _scaled_passing_score(item, context)
    if children or resource is None:
        return _aggregation(identifier, title, score, children)
    return _leaf(identifier, title, score, resource, item.get("parameters"))


def _leaf(
    identifier: str,
    title: str,
    score: str | None,
    resource: _Resource,
    parameters: str | None,
) -> Activity:
    href = _with_parameters(resource.href, parameters) if resource.href else None
    kind = resource.activity_type
    return Activity(
        identifier, identifier, resource.identifier, kind, href, title, score
    )


def _referenced_resource(
    item: Element, identifier: str, context: _Context
) -> _Resource | None:
    reference = _stripped(item, "identifierref")
    if not reference:
        return None

    resource = context.resources.get(reference)
    if resource is None:
        raise ManifestError(
            f"item {identifier!r} references resource {reference!r}, "
            "which does not exist in imsmanifest.xml"
        )
    return resource


def _scaled_passing_score(element: Element, context: _Context) -> str | None:
    measure = _minimum_normalized_measure(element, context)
    if measure is not None:
        return measure

    mastery = _text(_child(element, "masteryscore"))
    return _mastery_as_scaled(mastery, element, context.warnings) if mastery else None


def _minimum_normalized_measure(element: Element, context: _Context) -> str | None:
    objectives = _objectives(element, context)
    primary = _child(objectives, "primaryObjective") if objectives is not None else None
    if primary is None or _stripped(primary, "satisfiedByMeasure") not in ("true", "1"):
        return None
    # IMS SS gives minNormalizedMeasure a default of 1.0 when it is left out.
    return _text(_child(primary, "minNormalizedMeasure")) or "1.0"


def _objectives(element: Element, context: _Context) -> Element | None:
    sequencing = _child(element, "sequencing")
    if sequencing is None:
        return None

    # The item's own objectives override those of the collection entry it refers to.
    own = _child(sequencing, "objectives")
    shared = context.sequencing_collection.get(sequencing.get("IDRef") or "")
    return own if own is not None or shared is None else _child(shared, "objectives")


def _mastery_as_scaled(mastery: str, item: Element, warnings: list[str]) -> str | None:
    try:
        value = Decimal(mastery)
    except InvalidOperation:
        value = Decimal("NaN")
    if value.is_nan() or not 0 <= value <= 100:
        identifier = _stripped(item, "identifier")
        warnings.append(f"ignored masteryscore {mastery!r} of {identifier!r}")
        return None
    return str((value / 100).normalize())


def first_launch_href(activity: Activity) -> str | None:
    """The href of the first launchable activity, in tree order."""
    return _first_launch_href(activity)


def _first_launch_href(activity: Activity) -> str | None:
    if activity.activity_type != "AGGREGATION":
        return activity.href
    hrefs = (_first_launch_href(child) for child in activity.children)
    return next((href for href in hrefs if href is not None), None)
