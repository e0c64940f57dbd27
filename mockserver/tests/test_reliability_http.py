"""Hostile input through the real HTTP server: a smaller generated set than the
in-process one, plus what only a socket can send (header floods, broken chunking,
request lines too long), which http.server refuses before the app runs.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_cases import (
    JSON_TYPE,
    ROOT,
    TRAVERSALS,
    Lab,
    Operation,
    assert_refused,
    hostile_id,
    operations,
)

from scormcloud_mock._http import MAX_JSON_BYTES


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[Lab, httpx.Client]]:
    lab = Lab()
    server = lab.mock.serve()
    with httpx.Client(base_url=server.base_url, auth=("app", "key")) as http:
        yield lab, http
    server.stop()
    lab.close()


def _operations() -> list[Operation]:
    lab = Lab()
    try:
        return operations(lab.http.get(f"{ROOT}/__mock__/openapi.json").json())
    finally:
        lab.close()


OPERATIONS = _operations()
WITH_PATH = [op for op in OPERATIONS if op.params("path")]
WITH_JSON = [op for op in OPERATIONS if (op.media() or ("",))[0] == "application/json"]
SETTINGS = settings(
    max_examples=2,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def refused(lab: Lab, response: httpx.Response, assets: bool = False) -> None:
    assert_refused(response)
    assert lab.snapshot(assets=assets) == lab.baseline(assets=assets)


@pytest.mark.parametrize("op", WITH_PATH, ids=[op.id for op in WITH_PATH])
@SETTINGS
@given(data=st.data())
def test_ids_that_name_nothing_over_http(
    served: tuple[Lab, httpx.Client], op: Operation, data: st.DataObject
) -> None:
    lab, http = served
    param = data.draw(st.sampled_from(op.params("path")))
    value = data.draw(hostile_id(param["schema"], lab.samples[param["name"]]))
    lab.baseline(assets=False)
    refused(lab, http.request(op.method, lab.path(op, **{param["name"]: value})))


@pytest.mark.parametrize("op", WITH_JSON, ids=[op.id for op in WITH_JSON])
@pytest.mark.parametrize(
    "raw",
    [b"{", b"[" * 50_000, b"\xff", json.dumps({"p": "a" * MAX_JSON_BYTES}).encode()],
    ids=["truncated", "deep", "bad utf-8", "oversized"],
)
def test_bad_bodies_over_http(
    served: tuple[Lab, httpx.Client], op: Operation, raw: bytes
) -> None:
    lab, http = served
    lab.baseline(assets=False)
    path = lab.path(op)
    refused(lab, http.request(op.method, path, content=raw, headers=JSON_TYPE))


@pytest.mark.parametrize("path", TRAVERSALS)
def test_traversal_over_http(served: tuple[Lab, httpx.Client], path: str) -> None:
    lab, http = served
    lab.baseline(assets=True)
    params = {"relativePath": path}
    refused(lab, http.get("/courses/golf/asset", params=params), assets=True)
    refused(lab, http.delete("/courses/golf/asset", params=params), assets=True)
    form = {"destination": path}
    files = {"file": ("a.html", b"<html></html>")}
    upload = http.post("/courses/golf/asset/upload", data=form, files=files)
    refused(lab, upload, assets=True)


def raw_exchange(base_url: str, request: bytes) -> tuple[int | None, dict[str, str]]:
    """Send bytes on a fresh socket; the status and the JSON body answered.

    A request line that cannot be parsed is answered the HTTP/0.9 way, a body
    without a status line: the status is None then.
    """
    address = urlsplit(base_url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as s:
        s.sendall(request)
        # Half-close, so a body shorter than announced ends instead of waiting.
        s.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    if not answer.startswith(b"HTTP/"):
        return None, json.loads(answer)
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


AUTH = b"Authorization: Basic YXBwOmtleQ==\r\nConnection: close\r\n"


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /api/v2/ping HTTP/1.1\r\nX-Junk: " + b"a" * 70_000 + b"\r\n\r\n", 431),
        (
            b"GET /api/v2/ping HTTP/1.1\r\n"
            + b"".join(b"X-%d: a\r\n" % n for n in range(200))
            + b"\r\n",
            431,
        ),
        (b"GET /api/v2/" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
        (b'GET /api/v2/ping HTTP/1.1 "x"\r\n\r\n', None),
        (
            b"POST /api/v2/registrations HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
            + AUTH
            + b"\r\nzz\r\n",
            400,
        ),
        (
            b"POST /api/v2/courses/importJobs/upload?courseId=c HTTP/1.1\r\n"
            b"Transfer-Encoding: chunked\r\n"
            b"Content-Type: multipart/form-data; boundary=b\r\n"
            + AUTH
            + b"\r\n5\r\n--b\r\n\r\n-1\r\n",
            400,
        ),
        (
            b"POST /api/v2/registrations HTTP/1.1\r\nContent-Length: 99\r\n"
            + AUTH
            + b"\r\n{}",
            400,
        ),
    ],
    ids=[
        "header line",
        "header count",
        "request line",
        "garbled request line",
        "bad chunk",
        "bad chunk in upload",
        "short body",
    ],
)
def test_what_only_a_socket_can_send_is_a_json_4xx(
    served: tuple[Lab, httpx.Client], request_bytes: bytes, status: int | None
) -> None:
    lab, http = served
    before = lab.baseline(assets=False)
    answered, body = raw_exchange(str(http.base_url), request_bytes)
    assert answered == status
    assert isinstance(body["message"], str) and body["message"]
    assert lab.snapshot(assets=False) == before
