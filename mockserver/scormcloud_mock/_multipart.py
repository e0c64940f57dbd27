"""Reading a captured multipart request, for assertions in tests.

Decodes from the raw body and the boundary in ``Content-Type`` only, never from an
HTTP library's stream objects, so it works on any httpx version and after respx or a
transport has read the request.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import httpx
from werkzeug.formparser import parse_form_data
from werkzeug.wsgi import LimitedStream


@dataclass(frozen=True)
class UploadedFile:
    """One file part: its file name, content type and bytes."""

    filename: str
    content_type: str | None
    content: bytes


def decode_multipart(request: httpx.Request) -> dict[str, str | UploadedFile]:
    """The fields and files of a ``multipart/form-data`` request, by part name."""
    body = request.read()
    environ = {
        "REQUEST_METHOD": request.method,
        "CONTENT_TYPE": request.headers.get("content-type", ""),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": LimitedStream(io.BytesIO(body), len(body)),
    }
    _, form, files = parse_form_data(environ)
    parts: dict[str, str | UploadedFile] = dict(form.items())
    for name, storage in files.items():
        parts[name] = UploadedFile(
            filename=storage.filename or "",
            content_type=storage.content_type,
            content=storage.read(),
        )
        storage.close()
    return parts
