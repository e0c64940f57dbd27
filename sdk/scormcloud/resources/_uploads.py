"""Files sent to the service (packages, assets): streamed, never read whole."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

Package = str | os.PathLike[str] | BinaryIO
"""A file to upload: a path to a file, or a file opened in binary mode."""

# The upload's file name when an open file does not carry one.
_FALLBACK_FILENAME = "package.zip"


@contextmanager
def open_upload(package: Package) -> Iterator[tuple[str, BinaryIO]]:
    """Yield the upload's file name and a binary stream of its content."""
    if isinstance(package, (str, os.PathLike)):
        # Open (and later close) the file ourselves; httpx reads it in chunks.
        with open(package, "rb") as stream:
            yield os.path.basename(os.fspath(package)), stream
        return

    if not callable(getattr(package, "read", None)):
        raise TypeError(f"package must be a path or a binary file, not {package!r}")
    name = getattr(package, "name", None)
    filename = os.path.basename(name) if isinstance(name, str) else ""
    yield filename or _FALLBACK_FILENAME, package
