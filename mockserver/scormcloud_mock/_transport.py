"""The mock as an httpx transport, sync and async: the SDK's one I/O seam.

The request is turned into a WSGI environ and answered by the mock's application in
the calling thread; nothing touches the network.
"""

from __future__ import annotations

import io
import sys
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any
from urllib.parse import unquote

import httpx

from ._app import MockApplication
from ._faults import DroppedConnection


class MockTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Serves httpx requests from a :class:`MockApplication`."""

    def __init__(self, app: MockApplication) -> None:
        self._app = app

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        try:
            # Adapters such as respx read the body before handing the request on.
            body: io.IOBase = io.BytesIO(request.content)
        except httpx.RequestNotRead:
            # Otherwise stream it, so large uploads are not held in memory.
            assert isinstance(request.stream, httpx.SyncByteStream)
            body = io.BufferedReader(_ChunkReader(iter(request.stream)))
        return self._respond(request, body)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        return self._respond(request, io.BytesIO(body))

    def _respond(self, request: httpx.Request, body: io.IOBase) -> httpx.Response:
        captured: dict[str, Any] = {}

        def start_response(
            status: str, headers: list[tuple[str, str]], *_: Any
        ) -> None:
            captured["status"] = int(status.split(" ", 1)[0])
            captured["headers"] = headers

        try:
            chunks = self._app(_environ(request, body), start_response)
        except DroppedConnection:
            # What a client sees when the server closes without answering.
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            ) from None
        status, headers = captured["status"], captured["headers"]
        if _is_small(headers):
            # Most answers are a little JSON: joining them is cheaper than streaming.
            whole = _Body(chunks)
            content = b"".join(whole)
            whole.close()
            return httpx.Response(status, headers=headers, content=content)

        # Streamed, so a large download (a course zip) is never held whole (B12).
        return httpx.Response(status, headers=headers, stream=_Body(chunks))


#: Bodies up to this size, with a known length, are handed over in one piece.
SMALL_BODY = 64 * 1024


def _is_small(headers: list[tuple[str, str]]) -> bool:
    length = next((v for k, v in headers if k.lower() == "content-length"), None)
    return length is not None and length.isdigit() and int(length) <= SMALL_BODY


class _Body(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A WSGI response body, read chunk by chunk by sync and async clients alike."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk

    def close(self) -> None:
        close = getattr(self._chunks, "close", None)
        if close is not None:
            close()

    async def aclose(self) -> None:
        self.close()


def _environ(request: httpx.Request, body: Any) -> dict[str, Any]:
    url = request.url
    raw_path = url.raw_path.decode("ascii")
    path, _, query = raw_path.partition("?")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": request.method,
        "SCRIPT_NAME": "",
        # httpx has already normalised the path; parsing it again as a URL is slow.
        "PATH_INFO": unquote(path or "/").encode("utf-8").decode("latin-1"),
        "QUERY_STRING": query,
        "RAW_URI": raw_path,
        "SERVER_NAME": url.host,
        "SERVER_PORT": str(url.port or (443 if url.scheme == "https" else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": url.scheme,
        "wsgi.input": body,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        # The stream ends where the body ends, even without a Content-Length.
        "wsgi.input_terminated": True,
    }
    for name, value in request.headers.multi_items():
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = "HTTP_" + key
        environ[key] = value
    return environ


class _ChunkReader(io.RawIOBase):
    """A file-like view of an iterator of byte chunks (the WSGI input stream)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size
