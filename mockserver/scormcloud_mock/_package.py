"""Read an uploaded course package (a zip) the way SCORM Cloud imports one.

:func:`read_package` checks every entry of the zip, streams the files into an empty
destination directory, then parses the course descriptor (see :mod:`._standards`)
into the course structure the mock serves.

What it accepts beyond the letter of the spec, because real packages do it:
``__MACOSX/`` and ``.DS_Store`` entries (skipped, never written), backslash
separators, legacy (CP437 or unflagged UTF-8) entry names, zip64 entries, and a
package zipped inside one top folder (that folder becomes the package root, with
a warning).

What it refuses with :class:`PackageError`: data that is not a zip, a zip without
a course descriptor (``imsmanifest.xml``, ``cmi5.xml``, ``tincan.xml`` or an AICC
``.crs`` file) at its root, entries that would land outside the destination
(``..`` segments, absolute paths, drive letters, symlinks), duplicate or
conflicting entries, encrypted or unreadable entries, archives that expand past
:class:`PackageLimits` (counted on the bytes actually written, not on the
headers), and every manifest problem :mod:`._manifest` reports. After a refusal,
the destination is empty again.
"""

from __future__ import annotations

import bisect
import logging
import re
import shutil
import stat
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, BinaryIO

from scormcloud_mock._manifest import Activity, Package
from scormcloud_mock._manifest_xml import ManifestError
from scormcloud_mock._standards import DESCRIPTORS, find_descriptor, parse_course

__all__ = ["Activity", "Package", "PackageError", "PackageLimits", "read_package"]

logger = logging.getLogger(__name__)

_MANIFEST = "imsmanifest.xml"
_UTF8_NAME_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
# Real packages nest a handful of folders deep; these bounds keep hostile names cheap.
MAX_PATH_LENGTH = 1024
MAX_PATH_DEPTH = 64


class PackageError(Exception):
    """The upload cannot be imported; ``str()`` is a one-line reason for the user."""


@dataclass(frozen=True)
class PackageLimits:
    """Bounds that keep a hostile archive from filling the disk."""

    max_total_bytes: int = 1 << 30
    max_compression_ratio: int = 200
    ratio_checked_above_bytes: int = 1 << 20
    max_entries: int = 100_000


@dataclass(frozen=True)
class _Entry:
    info: zipfile.ZipInfo
    path: str


@dataclass(frozen=True)
class _Layout:
    """Which entries to write, and where, once the package root is known."""

    files: tuple[_Entry, ...]
    #: The file that describes the course: imsmanifest.xml, cmi5.xml, ...
    descriptor: str
    warnings: tuple[str, ...] = ()


@dataclass
class _Budget:
    """Bytes written so far for one package; shared by all its entries."""

    limits: PackageLimits
    total_written: int = 0


@dataclass
class _BoundedWriter:
    """A file wrapper that refuses to grow past the package's limits."""

    target: BinaryIO
    entry: _Entry
    budget: _Budget
    written: int = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        self.budget.total_written += len(data)
        self._check()
        return self.target.write(data)

    def _check(self) -> None:
        limits = self.budget.limits
        if self.budget.total_written > limits.max_total_bytes:
            raise PackageError(
                f"the package expands to more than {limits.max_total_bytes:,} bytes"
            )

        compressed = self.entry.info.compress_size
        too_big = self.written > limits.ratio_checked_above_bytes
        if too_big and self.written > compressed * limits.max_compression_ratio:
            raise PackageError(
                f"entry {self.entry.info.filename!r} expands more than "
                f"{limits.max_compression_ratio} times its compressed size "
                "(possible zip bomb)"
            )


_DEFAULT_LIMITS = PackageLimits()


def read_package(
    source: Path | IO[bytes],
    destination: Path,
    *,
    limits: PackageLimits = _DEFAULT_LIMITS,
) -> Package:
    """Extract the package in *source* into *destination* and parse its manifest.

    *destination* must be an existing, empty directory. On :class:`PackageError`
    (or any other failure) it is emptied again before the exception propagates.
    """
    if not destination.is_dir() or any(destination.iterdir()):
        raise ValueError(f"{destination} is not an empty directory")

    try:
        return _import_into(source, destination, limits)
    except PackageError:
        _empty_directory(destination)
        raise
    except Exception as error:
        # Zips and manifests come from anyone: whatever else goes wrong while
        # reading one (corrupt streams, odd encodings, deep nesting, bad URLs)
        # is the package's fault, and ends its import job with a message.
        _empty_directory(destination)
        logger.debug("package could not be read", exc_info=True)
        reason = str(error)[:200] or type(error).__name__
        raise PackageError(f"the package could not be read: {reason}") from error
    except BaseException:
        _empty_directory(destination)
        raise


def _import_into(
    source: Path | IO[bytes], destination: Path, limits: PackageLimits
) -> Package:
    with _open_zip(source) as archive:
        layout = _layout(archive, limits)
        _extract(archive, layout.files, destination, _Budget(limits))

    try:
        package = parse_course(destination, layout.descriptor)
    except ManifestError as exc:
        raise PackageError(str(exc)) from exc

    warnings = layout.warnings + package.parser_warnings
    return replace(package, parser_warnings=warnings)


def _open_zip(source: Path | IO[bytes]) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(_seekable(source))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        name = repr(source.name) if isinstance(source, Path) else "the uploaded file"
        raise PackageError(f"{name} is not a valid zip archive ({exc})") from exc
    except UnicodeDecodeError as exc:
        # An entry flagged as UTF-8 whose name is not: name the raw bytes (B20).
        raise PackageError(
            f"entry name {bytes(exc.object)!r} is not valid UTF-8, though the zip "
            "marks it as UTF-8"
        ) from exc


def _empty_directory(directory: Path) -> None:
    for child in directory.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


# -- planning: decide every entry's fate before writing anything ------------------


def _layout(archive: zipfile.ZipFile, limits: PackageLimits) -> _Layout:
    infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise PackageError(
            f"the package has {len(infos):,} entries; the limit is "
            f"{limits.max_entries:,}"
        )

    entries = [entry for entry in map(_checked_entry, infos) if entry is not None]
    files = [entry for entry in entries if not entry.path.endswith("/")]
    _refuse_collisions(entries)
    return _rooted(files)


class _SeekableFile:
    """Adds ``seekable()`` to files that lack it, which zipfile needs.

    Python 3.10's SpooledTemporaryFile (what uploads arrive as) has no such method.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def seekable(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)


def _seekable(source: Path | IO[bytes]) -> Any:
    if isinstance(source, Path) or hasattr(source, "seekable"):
        return source
    return _SeekableFile(source)


def _checked_entry(info: zipfile.ZipInfo) -> _Entry | None:
    """Return the entry with a normalised path, or None for OS junk to skip."""
    segments = _entry_name(info).split("/")
    _refuse_unsafe(info, segments)

    if "__MACOSX" in segments or segments[-1] == ".DS_Store":
        return None
    kept = [segment for segment in segments[:-1] if segment not in ("", ".")]
    path = "/".join([*kept, segments[-1]])
    return _Entry(info, path) if path else None


def _refuse_unsafe(info: zipfile.ZipInfo, segments: list[str]) -> None:
    if len(info.filename) > MAX_PATH_LENGTH or len(segments) > MAX_PATH_DEPTH:
        shown = info.filename[:80]
        raise PackageError(f"entry {shown!r}... has a path too long or too deep")
    if segments[0] == "" or _DRIVE_LETTER.match(segments[0]):
        raise PackageError(f"entry {info.filename!r} has an absolute path")
    if ".." in segments:
        raise PackageError(f"entry {info.filename!r} points outside the package")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackageError(f"entry {info.filename!r} is a symbolic link")
    if info.flag_bits & _ENCRYPTED_FLAG:
        raise PackageError(f"entry {info.filename!r} is encrypted")


def _entry_name(info: zipfile.ZipInfo) -> str:
    name = info.filename
    if not info.flag_bits & _UTF8_NAME_FLAG:
        # zipfile decoded an unflagged name as CP437; many zippers wrote UTF-8
        # without setting the flag, and such bytes rarely pass as UTF-8 by accident.
        try:
            name = name.encode("cp437").decode("utf-8")
        except UnicodeError:
            pass
    return name.replace("\\", "/")


def _refuse_collisions(entries: list[_Entry]) -> None:
    files = [entry.path for entry in entries if not entry.path.endswith("/")]
    duplicates = [path for path, count in Counter(files).items() if count > 1]
    if duplicates:
        raise PackageError(f"the package has two entries named {duplicates[0]!r}")

    # A file clashes with a folder when some entry lies under "file/". Searching a
    # sorted list keeps this O(n log n); listing every parent folder of every
    # entry would cost memory quadratic in the path depth.
    everything = sorted(entry.path for entry in entries)
    for path in files:
        below = bisect.bisect_left(everything, path + "/")
        if below < len(everything) and everything[below].startswith(path + "/"):
            raise PackageError(f"entry {path!r} is both a file and a folder")


def _rooted(files: list[_Entry]) -> _Layout:
    paths = {entry.path for entry in files}
    descriptor = find_descriptor(paths)
    if descriptor is not None:
        return _Layout(tuple(files), descriptor)

    top_folders = {path.partition("/")[0] for path in paths}
    folder = next(iter(top_folders)) if len(top_folders) == 1 else ""
    prefix = f"{folder}/"
    inner = {path[len(prefix) :] for path in paths if path.startswith(prefix)}
    descriptor = find_descriptor(inner) if folder else None
    if descriptor is None:
        raise PackageError(
            f"no {_MANIFEST} found at the package root (nor {DESCRIPTORS})"
        )

    moved = tuple(_Entry(entry.info, entry.path[len(prefix) :]) for entry in files)
    warning = f"the package is inside the folder {folder!r}; used it as the root"
    return _Layout(moved, descriptor, (warning,))


# -- extraction ---------------------------------------------------------------------


def _extract(
    archive: zipfile.ZipFile,
    files: tuple[_Entry, ...],
    destination: Path,
    budget: _Budget,
) -> None:
    root = destination.resolve()
    checked: set[Path] = set()
    for entry in files:
        target = root.joinpath(*entry.path.split("/"))
        # Defence in depth: planning already refused anything that could escape.
        # Each folder is resolved once, not each entry (that cost more than the
        # writing); a plain name cannot escape, and "xb" never follows a link.
        if target.name in ("", ".", "..") or not _inside(target.parent, root, checked):
            raise PackageError(f"entry {entry.info.filename!r} escapes the package")
        _extract_entry(archive, entry, target, budget)
    logger.debug("extracted %d files (%d bytes)", len(files), budget.total_written)


def _inside(folder: Path, root: Path, checked: set[Path]) -> bool:
    if folder not in checked:
        if not folder.resolve().is_relative_to(root):
            return False
        checked.add(folder)
    return True


def _extract_entry(
    archive: zipfile.ZipFile, entry: _Entry, target: Path, budget: _Budget
) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(entry.info) as source, target.open("xb") as output:
            shutil.copyfileobj(source, _BoundedWriter(output, entry, budget))
    except (
        zipfile.BadZipFile,
        zlib.error,
        NotImplementedError,
        EOFError,
        OSError,
    ) as exc:
        raise PackageError(
            f"entry {entry.info.filename!r} cannot be extracted: {exc}"
        ) from exc
