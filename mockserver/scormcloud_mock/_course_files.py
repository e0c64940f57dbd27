"""Course files as HTTP downloads: a version's folder zipped, or one file, streamed.

Bodies are sent in 64 KiB chunks with a ``Content-Length``, never held in memory
whole; a zip is first written to an anonymous temporary file.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from werkzeug.wrappers import Response

CHUNK_SIZE = 64 * 1024


def zip_response(directory: Path, filename: str) -> Response:
    """The files under ``directory`` as a zip download, paths relative to it."""
    spool = tempfile.TemporaryFile()
    with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(directory).as_posix())
    return stream_response(spool, filename, "application/zip")


def file_response(path: Path) -> Response:
    return stream_response(open(path, "rb"), path.name, "application/octet-stream")


def stream_response(stream: IO[bytes], filename: str, mimetype: str) -> Response:
    """Send an open file from its start in chunks; it is closed when sent."""
    size = stream.seek(0, os.SEEK_END)
    stream.seek(0)
    response = Response(_chunks(stream), mimetype=mimetype, direct_passthrough=True)
    response.content_length = size
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.call_on_close(stream.close)
    return response


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    # Closed here as well: not every WSGI caller closes the response.
    with stream:
        while chunk := stream.read(CHUNK_SIZE):
            yield chunk
