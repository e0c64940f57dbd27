"""A canned-response service for httpx.MockTransport, and request inspectors."""

from __future__ import annotations

import json
from collections import deque
from typing import Any

import httpx

BASE_URL = "https://cloud.scorm.com/api/v2"


class FakeService:
    """Answers requests with queued responses, in order, and records each request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._responses: deque[httpx.Response] = deque()

    def reply(
        self,
        status: int = 200,
        *,
        json: Any = None,
        content: bytes = b"",
        headers: dict[str, str] | None = None,
    ) -> None:
        if json is not None:
            self._responses.append(httpx.Response(status, json=json, headers=headers))
        else:
            self._responses.append(
                httpx.Response(status, content=content, headers=headers)
            )

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if not self._responses:
            return httpx.Response(599, json={"message": "test queued no response"})
        return self._responses.popleft()

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def path_of(request: httpx.Request) -> str:
    """The raw (still percent-encoded) path, without the query."""
    return request.url.raw_path.decode("ascii").partition("?")[0]


def query_of(request: httpx.Request) -> dict[str, str]:
    pairs = request.url.params.multi_items()
    assert len(pairs) == len({name for name, _ in pairs}), "repeated query name"
    return dict(pairs)


def json_of(request: httpx.Request) -> Any:
    assert request.headers["content-type"] == "application/json"
    return json.loads(request.content)
