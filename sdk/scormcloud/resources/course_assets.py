"""Overwriting a course's files in place: `client.courses.assets`."""

from __future__ import annotations

import builtins
import posixpath
import zipfile
from typing import IO

from pydantic import Field

from .._base_client import build_path
from .._exceptions import NotFoundError
from .._models import Model, parse_response
from .._resource import (
    AsyncAPIResource,
    Call,
    SyncAPIResource,
    copy_doc,
    no_content,
    returns,
)
from ..types.asset import AssetFile, FileListItem, SparseZipResult
from ._downloads import Destination, adownload, download
from ._uploads import Package, open_upload

_MANIFEST = "imsmanifest.xml"


class _FileList(Model):
    files: list[FileListItem] = Field(default_factory=list)


class CourseAssets(SyncAPIResource):
    """Files of a course's latest version, or of the `version` given.

    Changing files never creates a version and never changes registrations.
    """

    def list(
        self, course_id: str, *, version: int | None = None
    ) -> builtins.list[FileListItem]:
        """Return every file of the course (latest version unless `version`)."""
        return self._client._call(_list(course_id, version))

    def download(
        self,
        course_id: str,
        relative_path: str,
        dest: Destination,
        *,
        version: int | None = None,
    ) -> int:
        """Download one file, streamed to `dest`; return the bytes written.

        Raises:
            NotFoundError: The course, version or file does not exist.
        """
        path = _assets_path(course_id, version)
        return download(self._client, path, dest, {"relativePath": relative_path})

    def upload(
        self,
        course_id: str,
        destination: str,
        file: Package,
        *,
        version: int | None = None,
        update_asset_policy: str | None = None,
    ) -> AssetFile:
        """Upload one file into the course folder, streamed from disk.

        Args:
            course_id: The course's id.
            destination: Path from the course folder, e.g. `/shared/logo.png`.
            file: A path, or a file opened in binary mode.
            version: Change this version instead of the latest.
            update_asset_policy: `reject` (fail if the file exists), `strict`
                (fail unless it exists) or `lax` (the service's default).

        Raises:
            BadRequestError: The policy forbids the write, the path leaves the
                course folder, or a new `imsmanifest.xml` cannot be read.
        """
        with open_upload(file) as (filename, stream):
            call = _upload(
                course_id, destination, filename, stream, version, update_asset_policy
            )
            return self._client._call(call)

    def import_from_url(
        self,
        course_id: str,
        fetch_url: str,
        destination: str,
        *,
        version: int | None = None,
        update_asset_policy: str | None = None,
    ) -> AssetFile:
        """Have the service fetch a file from a URL into the course folder.

        Arguments are those of `upload`, with `fetch_url` instead of a file.
        """
        call = _import_from_url(
            course_id, fetch_url, destination, version, update_asset_policy
        )
        return self._client._call(call)

    def delete(
        self, course_id: str, relative_path: str, *, version: int | None = None
    ) -> None:
        """Delete one file from the course folder.

        Raises:
            NotFoundError: The course, version or file does not exist.
        """
        self._client._call(_delete(course_id, relative_path, version))

    def apply_sparse_zip(
        self,
        course_id: str,
        package: Package,
        *,
        version: int | None = None,
        update_asset_policy: str | None = None,
    ) -> SparseZipResult:
        """Write every file of a zip into the course; files not in it stay.

        This is what SCORM Cloud's v1 `updateAssets` did. Entries are streamed
        one by one, `imsmanifest.xml` last, so the structure is read again only
        once all the files it names are in place. Folders and macOS junk
        (`__MACOSX/`, `.DS_Store`) are skipped.

        Returns:
            The paths written, and whether the manifest changed. An overwrite
            resets no registration; SCORM Cloud's UI asks the user whether to
            when the manifest changed, and a caller may do the same.

        Raises:
            ValueError: An entry would land outside the course folder; nothing
                was uploaded.
            BadRequestError: The service refused a file; earlier files stay.
        """
        with open_upload(package) as (_, stream), zipfile.ZipFile(stream) as archive:
            entries = _entries(archive)
            names = [name for _, name in entries]
            manifest_changed = False
            if _MANIFEST in names:
                manifest = archive.read(entries[-1][0])
                manifest_changed = self._differs(course_id, manifest, version)
            for info, name in entries:
                with archive.open(info) as entry:
                    basename = posixpath.basename(name)
                    call = _upload(
                        course_id, name, basename, entry, version, update_asset_policy
                    )
                    self._client._call(call)
        return SparseZipResult(updated=names, manifest_changed=manifest_changed)

    def _differs(self, course_id: str, manifest: bytes, version: int | None) -> bool:
        """Whether `manifest` differs from the course's; manifests are small."""
        try:
            current = self._client._call(_manifest(course_id, version))
        except NotFoundError:
            return True
        return current != manifest


class AsyncCourseAssets(AsyncAPIResource):
    """Files of a course, changed in place, for the async client."""

    @copy_doc(CourseAssets.list)
    async def list(
        self, course_id: str, *, version: int | None = None
    ) -> builtins.list[FileListItem]:
        return await self._client._call(_list(course_id, version))

    @copy_doc(CourseAssets.download)
    async def download(
        self,
        course_id: str,
        relative_path: str,
        dest: Destination,
        *,
        version: int | None = None,
    ) -> int:
        path = _assets_path(course_id, version)
        return await adownload(
            self._client, path, dest, {"relativePath": relative_path}
        )

    @copy_doc(CourseAssets.upload)
    async def upload(
        self,
        course_id: str,
        destination: str,
        file: Package,
        *,
        version: int | None = None,
        update_asset_policy: str | None = None,
    ) -> AssetFile:
        with open_upload(file) as (filename, stream):
            call = _upload(
                course_id, destination, filename, stream, version, update_asset_policy
            )
            return await self._client._call(call)

    @copy_doc(CourseAssets.import_from_url)
    async def import_from_url(
        self,
        course_id: str,
        fetch_url: str,
        destination: str,
        *,
        version: int | None = None,
        update_asset_policy: str | None = None,
    ) -> AssetFile:
        call = _import_from_url(
            course_id, fetch_url, destination, version, update_asset_policy
        )
        return await self._client._call(call)

    @copy_doc(CourseAssets.delete)
    async def delete(
        self, course_id: str, relative_path: str, *, version: int | None = None
    ) -> None:
        await self._client._call(_delete(course_id, relative_path, version))

    @copy_doc(CourseAssets.apply_sparse_zip)
    async def apply_sparse_zip(
        self,
        course_id: str,
        package: Package,
        *,
        version: int | None = None,
        update_asset_policy: str | None = None,
    ) -> SparseZipResult:
        with open_upload(package) as (_, stream), zipfile.ZipFile(stream) as archive:
            entries = _entries(archive)
            names = [name for _, name in entries]
            manifest_changed = False
            if _MANIFEST in names:
                manifest = archive.read(entries[-1][0])
                manifest_changed = await self._differs(course_id, manifest, version)
            for info, name in entries:
                with archive.open(info) as entry:
                    basename = posixpath.basename(name)
                    call = _upload(
                        course_id, name, basename, entry, version, update_asset_policy
                    )
                    await self._client._call(call)
        return SparseZipResult(updated=names, manifest_changed=manifest_changed)

    async def _differs(
        self, course_id: str, manifest: bytes, version: int | None
    ) -> bool:
        try:
            current = await self._client._call(_manifest(course_id, version))
        except NotFoundError:
            return True
        return current != manifest


def _entries(
    archive: zipfile.ZipFile,
) -> builtins.list[tuple[zipfile.ZipInfo, str]]:
    """The entries to write and their paths, manifest last; refuse any escape."""
    entries = []
    for info in archive.infolist():
        name = info.filename.replace("\\", "/")
        base = posixpath.basename(name)
        if info.is_dir() or name.startswith("__MACOSX/") or base == ".DS_Store":
            continue
        parts = name.split("/")
        if name.startswith("/") or ".." in parts or ":" in parts[0]:
            raise ValueError(f"zip entry {info.filename!r} leaves the course folder")
        entries.append((info, name))
    entries.sort(key=lambda entry: entry[1] == _MANIFEST)
    return entries


def _assets_path(course_id: str, version: int | None) -> str:
    if version is None:
        return build_path("/courses/{course_id}/asset", course_id=course_id)
    return build_path(
        "/courses/{course_id}/versions/{version}/asset",
        course_id=course_id,
        version=version,
    )


def _policy(policy: str | None) -> dict[str, str]:
    return {} if policy is None else {"updateAssetPolicy": policy}


def _list(course_id: str, version: int | None) -> Call[builtins.list[FileListItem]]:
    return Call(
        "GET",
        _assets_path(course_id, version) + "/list",
        lambda response: parse_response(_FileList, response).files,
    )


def _upload(
    course_id: str,
    destination: str,
    filename: str,
    stream: IO[bytes],
    version: int | None,
    policy: str | None,
) -> Call[AssetFile]:
    # A part without a file name is a plain form field for the server.
    files = {"destination": (None, destination), "file": (filename, stream)}
    path = _assets_path(course_id, version) + "/upload"
    return Call("POST", path, returns(AssetFile), params=_policy(policy), files=files)


def _import_from_url(
    course_id: str,
    fetch_url: str,
    destination: str,
    version: int | None,
    policy: str | None,
) -> Call[AssetFile]:
    body = {"fetchUrl": fetch_url, "destination": destination}
    path = _assets_path(course_id, version)
    return Call("POST", path, returns(AssetFile), params=_policy(policy), json=body)


def _delete(course_id: str, relative_path: str, version: int | None) -> Call[None]:
    params = {"relativePath": relative_path}
    return Call("DELETE", _assets_path(course_id, version), no_content, params=params)


def _manifest(course_id: str, version: int | None) -> Call[bytes]:
    # Manifests are small, so reading the whole body is fine here.
    params = {"relativePath": _MANIFEST}
    path = _assets_path(course_id, version)
    return Call("GET", path, lambda response: response.content, params=params)
