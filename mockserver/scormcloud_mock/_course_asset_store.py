"""Overwriting in place: the asset calls on a course's latest or a given version.

An overwrite never creates a version and never touches registrations. When it
changes ``imsmanifest.xml`` the version's structure is read again from the new
manifest; a manifest that cannot be read is refused and nothing changes.
"""

from __future__ import annotations

import logging
import os
import tempfile
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ._course_assets import (
    MANIFEST,
    AssetFile,
    check_policy,
    clean_path,
    existing_file,
    list_files,
)
from ._errors import BadRequestError
from ._manifest import parse_manifest
from ._manifest_xml import ManifestError
from ._records import CourseVersion

if TYPE_CHECKING:
    from ._course_store import CourseStore

logger = logging.getLogger(__name__)

#: The largest single asset the mock accepts (SCORM Cloud's limit is unknown).
MAX_ASSET_BYTES = 1 << 30


@dataclass(frozen=True)
class AssetWrite:
    """``AssetFileSchema``: what was written, and where."""

    filename: str
    destination: str


class AssetStore:
    """Asset operations on the versions held by a :class:`CourseStore`."""

    def __init__(self, courses: CourseStore) -> None:
        self._courses = courses

    def list_assets(self, course_id: str, version: int | None) -> list[AssetFile]:
        return list_files(self._version(course_id, version).files_dir)

    def asset_path(self, course_id: str, relative: str, version: int | None) -> Path:
        target = self._version(course_id, version)
        path = clean_path(relative, "relativePath")
        return existing_file(target.files_dir, path, _where(course_id, target))

    def staging_file(self) -> IO[bytes]:
        """A temporary file on the course files' disk, for an upload to land in."""
        folder = self._courses.staging_root
        folder.mkdir(parents=True, exist_ok=True)
        return tempfile.NamedTemporaryFile(dir=folder, delete=False)

    def put_asset(
        self,
        course_id: str,
        destination: str,
        staged: Path,
        *,
        filename: str,
        policy: str,
        version: int | None,
    ) -> AssetWrite:
        """Move a staged file into place, as the policy allows; always consume it."""
        try:
            relative = clean_path(destination, "destination")
            with self._courses.lock:
                target = self._version(course_id, version)
                check_policy(target.files_dir, relative, policy)
                reread = self._manifest_change(target, relative, staged)
                path = target.files_dir / relative
                path.parent.mkdir(parents=True, exist_ok=True)
                os.replace(staged, path)
                self._touch(course_id, target, reread)
        finally:
            staged.unlink(missing_ok=True)
        logger.debug("wrote asset %r of course %r", relative, course_id)
        return AssetWrite(filename=filename, destination=relative)

    def delete_asset(self, course_id: str, relative: str, version: int | None) -> None:
        path_text = clean_path(relative, "relativePath")
        if path_text == MANIFEST:
            raise BadRequestError("imsmanifest.xml cannot be deleted from a course")
        with self._courses.lock:
            target = self._version(course_id, version)
            path = existing_file(target.files_dir, path_text, _where(course_id, target))
            # Moved aside first, so a failure cannot leave half a deletion.
            trash = self._courses.staging_root / f"deleted-{uuid.uuid4().hex}"
            self._courses.staging_root.mkdir(parents=True, exist_ok=True)
            os.replace(path, trash)
            self._touch(course_id, target, None)
        trash.unlink(missing_ok=True)

    def _version(self, course_id: str, version: int | None) -> CourseVersion:
        if version is None:
            return self._courses.get_course(course_id).latest
        return self._courses.get_live_version(course_id, version)

    def _manifest_change(
        self, target: CourseVersion, relative: str, staged: Path
    ) -> CourseVersion | None:
        """The version as the new manifest describes it, if this write is one."""
        if relative != MANIFEST:
            return None
        try:
            package = parse_manifest(staged, folder=target.files_dir)
        except ManifestError as error:
            raise BadRequestError(str(error)) from None
        return replace(
            target,
            title=package.title,
            learning_standard=package.learning_standard,
            root_activity=package.root_activity.to_wire(),
            manifest_identifier=package.manifest_identifier,
            parser_warnings=package.parser_warnings,
            launch_href=package.launch_href,
            metadata=package.metadata,
            languages=package.languages,
        )

    def _touch(
        self, course_id: str, target: CourseVersion, reread: CourseVersion | None
    ) -> None:
        """Record the change on the version (lock held)."""
        now = self._courses.now()
        changed = replace(reread or target, updated=now)
        self._courses.store_version(course_id, changed)


def copy_stream(source: IO[bytes], target: IO[bytes], limit: int) -> int:
    """Copy in chunks, refusing more than ``limit`` bytes."""
    written = 0
    while chunk := source.read(64 * 1024):
        written += len(chunk)
        if written > limit:
            raise BadRequestError(f"The asset is larger than {limit:,} bytes")
        target.write(chunk)
    return written


def _where(course_id: str, version: CourseVersion) -> str:
    return f"version {version.version} of course ID '{course_id}'"
