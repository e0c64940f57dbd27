"""The files of one course version, changed in place ("overwriting" in SCORM Cloud).

No HTTP here. Paths arrive as the API's ``relativePath`` / ``destination`` strings
and are refused unless they stay inside the version's folder. A write is staged in
a temporary file first, so a refused write (policy, bad manifest) changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ._errors import BadRequestError, NotFoundError
from ._package import MAX_PATH_DEPTH, MAX_PATH_LENGTH

MANIFEST = "imsmanifest.xml"
POLICIES = ("reject", "strict", "lax")
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
# The longest file name a POSIX file system stores; a longer one can never be a file.
_MAX_NAME_BYTES = 255


@dataclass(frozen=True)
class AssetFile:
    """One file of a version, as ``FileListItemSchema`` describes it."""

    path: str
    size: int
    modified: datetime


def clean_path(raw: str, parameter: str) -> str:
    """The folder-relative path ``raw`` names; 400 when it leaves the folder.

    A leading ``/`` means the course's base folder, as the API documents
    (``/Etiquette/Course.html``); backslashes are separators.
    """
    text = raw.replace("\\", "/")
    segments = [s for s in text.split("/") if s not in ("", ".")]
    unsafe = (
        not segments
        or ".." in segments
        or "\x00" in text
        or _DRIVE_LETTER.match(text) is not None
    )
    # The package reader's bounds: beyond them the file system itself would refuse.
    too_long = (
        len(text) > MAX_PATH_LENGTH
        or len(segments) > MAX_PATH_DEPTH
        or any(len(s.encode("utf-8", "replace")) > _MAX_NAME_BYTES for s in segments)
    )
    if unsafe or too_long:
        # Echo a hostile path shortened, never megabytes of it.
        echo = raw if len(raw) <= 100 else raw[:100] + "..."
        raise BadRequestError(f"{parameter} '{echo}' is not a path inside the course")
    return "/".join(segments)


def list_files(folder: Path) -> list[AssetFile]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return [
        AssetFile(
            path=path.relative_to(folder).as_posix(),
            size=path.stat().st_size,
            modified=datetime.fromtimestamp(path.stat().st_mtime, timezone.utc),
        )
        for path in sorted(files)
    ]


def existing_file(folder: Path, relative: str, where: str) -> Path:
    path = folder / relative
    if not path.is_file():
        raise NotFoundError(f"Asset '{relative}' does not exist in {where}")
    return path


def check_policy(folder: Path, relative: str, policy: str) -> None:
    """Refuse a write that the ``updateAssetPolicy`` forbids."""
    target = folder / relative
    if target.is_dir() or _file_in_the_way(folder, relative):
        raise BadRequestError(f"'{relative}' is a folder in the course, not a file")
    exists = target.is_file()
    if policy == "reject" and exists:
        raise BadRequestError(
            f"Asset '{relative}' already exists and updateAssetPolicy is reject"
        )
    if policy == "strict" and not exists:
        raise BadRequestError(
            f"Asset '{relative}' does not exist and updateAssetPolicy is strict"
        )


def _file_in_the_way(folder: Path, relative: str) -> bool:
    """Whether a parent of ``relative`` is a file, so it cannot become a folder."""
    parent = (folder / relative).parent
    while parent != folder:
        if parent.is_file():
            return True
        parent = parent.parent
    return False


def parse_policy(value: str | None) -> str:
    policy = (value or "lax").lower()
    if policy not in POLICIES:
        raise BadRequestError(
            f"'{value}' is not a valid updateAssetPolicy ({', '.join(POLICIES)})"
        )
    return policy
