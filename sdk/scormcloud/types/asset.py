"""Course files ("assets"), changed in place without a new version."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from .._models import Model, open_enum

__all__ = ["AssetFile", "FileListItem", "SparseZipResult", "UpdateAssetPolicy"]

_KnownUpdateAssetPolicy = Literal["reject", "strict", "lax"]
UpdateAssetPolicy = Annotated[
    _KnownUpdateAssetPolicy | str, open_enum(_KnownUpdateAssetPolicy)
]
"""`reject`: never overwrite; `strict`: only overwrite; `lax` (default): either."""


class FileListItem(Model):
    """One file of a course version."""

    path: str | None = None
    """Path relative to the course folder, as the asset calls take it."""
    size: int | None = None
    modified: datetime | None = None


class AssetFile(Model):
    """What an asset upload or import wrote."""

    filename: str | None = None
    destination: str | None = None


class SparseZipResult(Model):
    """What `apply_sparse_zip` changed."""

    updated: list[str]
    """The course-relative paths written, in upload order."""
    manifest_changed: bool
    """Whether `imsmanifest.xml` changed, so the course structure was read again.

    Registrations are not reset by an overwrite; a caller may decide to."""
