"""Read an AICC course (``.crs`` with ``.au``, ``.des`` and ``.cst``) into SCORM
Cloud's course shape.

The ``.crs`` is an INI file (``[Course]`` ``Course_Title``, ``Course_ID``); the other
three are CSV files with a header row, matched to the ``.crs`` by base name (else the
only file of that kind). Blocks of the ``.cst`` become AGGREGATIONs, AUs launchable
activities (``SCO``) whose ``href`` is the AU's ``File_Name`` (plus its
``Web_Launch`` parameters) and whose ``scaledPassingScore`` is ``Mastery_Score``/100.
Without a ``.cst`` the AUs sit in file order under the root. Files may carry a
byte-order mark, CRLF line ends and no final newline; non-UTF-8 text is read as
Windows-1252. Refused: a ``.crs`` without ``[Course]``, no ``.au`` file, no AU, and
an AU without a file name.
"""

from __future__ import annotations

import configparser
import csv
import io
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ._manifest import Activity, Package, first_launch_href
from ._manifest_xml import ManifestError


def parse_aicc(crs: Path) -> Package:
    course = _course_section(crs)
    warnings: list[str] = []
    aus = _table(_companion(crs, ".au", required=True), warnings)
    titles = {row.get("system_id", ""): row.get("title", "") for row in _des(crs)}
    if not aus:
        raise ManifestError(f"{crs.stem}.au lists no AU")

    leaves = {row["system_id"]: _au(row, titles) for row in aus if row.get("system_id")}
    structure = _companion(crs, ".cst", required=False)
    children = (
        _tree(
            _table(structure, warnings, member_columns=True), leaves, titles, warnings
        )
        if structure is not None
        else tuple(leaves.values())
    )

    course_id = course.get("course_id", "").strip() or crs.stem
    title = course.get("course_title", "").strip() or course_id
    root = Activity(
        course_id, course_id, None, "AGGREGATION", None, title, None, children
    )
    return Package(
        title=title,
        learning_standard="AICC",
        manifest_identifier=course_id,
        root_activity=root,
        parser_warnings=tuple(warnings),
        launch_href=first_launch_href(root),
    )


def _course_section(crs: Path) -> dict[str, str]:
    # Free text under [Course_Description] is not key=value; allow it.
    parser = configparser.ConfigParser(
        interpolation=None, strict=False, allow_no_value=True
    )
    try:
        parser.read_string(_text(crs))
    except configparser.Error as error:
        raise ManifestError(f"{crs.name} is malformed: {error}") from None
    sections = {name.lower(): name for name in parser.sections()}
    if "course" not in sections:
        raise ManifestError(f"{crs.name} has no [Course] section")
    return {k.lower(): v or "" for k, v in parser[sections["course"]].items()}


def _companion(crs: Path, suffix: str, *, required: bool) -> Path | None:
    files = [p for p in crs.parent.iterdir() if p.suffix.lower() == suffix]
    same = [p for p in files if p.stem.lower() == crs.stem.lower()]
    found = same or (files if len(files) == 1 else [])
    if not found and required:
        raise ManifestError(f"the AICC course has no {suffix} file")
    return found[0] if found else None


def _des(crs: Path) -> list[dict[str, str]]:
    path = _companion(crs, ".des", required=False)
    return _table(path, []) if path is not None else []


def _table(
    path: Path | None, warnings: list[str], *, member_columns: bool = False
) -> list[dict[str, str]]:
    """CSV rows keyed by lower-case header; ``.cst`` member columns are joined."""
    if path is None:
        return []
    rows = [row for row in csv.reader(io.StringIO(_text(path))) if any(row)]
    if not rows:
        return []
    header = [name.strip().lower() for name in rows[0]]
    if member_columns:
        return _cst_rows(path, header, rows[1:], warnings)
    return [
        {name: value.strip() for name, value in zip(header, row, strict=False)}
        for row in rows[1:]
    ]


def _cst_rows(
    path: Path, header: list[str], rows: list[list[str]], warnings: list[str]
) -> list[dict[str, str]]:
    extra = [name for name in header[1:] if name != "member"]
    if extra:
        warnings.append(f"ignored non-standard {path.name} columns: {', '.join(extra)}")
    members = [i for i, name in enumerate(header) if name == "member"]
    return [
        {
            "block": row[0].strip(),
            "members": ",".join(row[i].strip() for i in members if i < len(row)),
        }
        for row in rows
    ]


def _au(row: dict[str, str], titles: dict[str, str]) -> Activity:
    identifier = row["system_id"]
    href = row.get("file_name", "")
    if not href:
        raise ManifestError(f"AICC AU {identifier!r} has no File_Name")
    if row.get("web_launch"):
        href = f"{href}?{row['web_launch'].lstrip('?')}"
    title = titles.get(identifier) or identifier
    return Activity(identifier, identifier, None, "SCO", href, title, _mastery(row))


def _mastery(row: dict[str, str]) -> str | None:
    try:
        value = Decimal(row.get("mastery_score", ""))
    except InvalidOperation:
        return None
    if not 0 <= value <= 100:
        return None
    return str((value / 100).normalize())


def _tree(
    rows: list[dict[str, str]],
    leaves: dict[str, Activity],
    titles: dict[str, str],
    warnings: list[str],
) -> tuple[Activity, ...]:
    # A block may span several rows; its members are all of them, in order.
    blocks: dict[str, dict[str, str]] = {}
    for row in rows:
        key = row["block"].lower()
        if key in blocks:
            joined = f"{blocks[key]['members']},{row['members']}"
            blocks[key] = {"block": row["block"], "members": joined}
        else:
            blocks[key] = row
    root = blocks.get("root")
    if root is None:
        warnings.append("the .cst has no ROOT block; AUs are listed in file order")
        return tuple(leaves.values())
    return tuple(_block_members(root, blocks, leaves, titles, warnings, set()))


def _block_members(
    row: dict[str, str],
    blocks: dict[str, dict[str, str]],
    leaves: dict[str, Activity],
    titles: dict[str, str],
    warnings: list[str],
    visiting: set[str],
) -> list[Activity]:
    visiting = visiting | {row["block"].lower()}
    members: list[Activity] = []
    for member in filter(None, row["members"].split(",")):
        nested = blocks.get(member.lower())
        if member in leaves:
            members.append(leaves[member])
            if nested is not None and member.lower() not in visiting:
                # Some authoring tools list an AU's followers as its "members".
                warnings.append(f"AU {member!r} is also a block; its members follow it")
                members += _block_members(
                    nested, blocks, leaves, titles, warnings, visiting
                )
        elif nested is not None and member.lower() not in visiting:
            inner = tuple(
                _block_members(nested, blocks, leaves, titles, warnings, visiting)
            )
            title = titles.get(member) or member
            members.append(
                Activity(member, member, None, "AGGREGATION", None, title, None, inner)
            )
        else:
            warnings.append(f"the .cst names {member!r}, which is no AU or block")
    return members


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
