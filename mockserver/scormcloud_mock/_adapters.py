"""Adapters that let respx and responses route a base URL's traffic to a mock.

Both register one catch-all route for the mock's host and hand every request to the
mock's own router, so matching never depends on query strings or body encoding
(multipart uploads included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from ._transport import MockTransport

if TYPE_CHECKING:
    import responses
    import respx

_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

# responses recomputes these from the body it is given.
_HOP_HEADERS = {"content-length", "transfer-encoding", "content-encoding"}


def attach_respx(
    transport: MockTransport, router: respx.MockRouter | respx.Router, base_url: str
) -> respx.Route:
    """Answer every request to ``base_url``'s host from the mock."""
    host = httpx.URL(base_url).host
    return router.route(host=host).mock(side_effect=transport.handle_request)


def attach_responses(
    transport: MockTransport, mock: responses.RequestsMock, base_url: str
) -> None:
    """Answer every ``requests`` call to ``base_url``'s host from the mock."""
    url = httpx.URL(base_url)
    pattern = re.compile(rf"{re.escape(url.scheme)}://{re.escape(url.host)}(:\d+)?/.*")

    def callback(request: Any) -> tuple[int, dict[str, str], bytes]:
        forwarded = httpx.Request(
            request.method,
            request.url,
            headers=dict(request.headers),
            content=_body_bytes(request.body),
        )
        response = transport.handle_request(forwarded)
        # responses wants the whole body; large bodies arrive as a stream.
        response.read()
        headers = {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in _HOP_HEADERS
        }
        return response.status_code, headers, response.content

    for method in _METHODS:
        mock.add_callback(method, pattern, callback=callback, content_type=None)


def _body_bytes(body: object) -> bytes:
    """``requests`` bodies come as bytes, text, files or iterables of chunks."""
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode("utf-8")
    read = getattr(body, "read", None)
    if callable(read):
        data = read()
        return data if isinstance(data, bytes) else str(data).encode("utf-8")
    if isinstance(body, Iterable) and not isinstance(body, Mapping):
        return b"".join(
            chunk if isinstance(chunk, bytes) else str(chunk).encode("utf-8")
            for chunk in body
        )
    raise TypeError(f"cannot forward a request body of type {type(body).__name__}")
