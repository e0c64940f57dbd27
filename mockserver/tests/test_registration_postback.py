"""``postBack``: results posted to a loopback receiver after runtime changes."""

from __future__ import annotations

import base64
import json
import queue
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from mock_http import create_registration, import_course

from scormcloud_mock import MockScormCloud

GOLF_2004 = "golf_scorm2004_3rd_runtime_basic_calls.zip"
Received = tuple[dict[str, str], bytes]


@pytest.fixture
def receiver() -> Iterator[tuple[str, queue.Queue[Received]]]:
    """An HTTP server on 127.0.0.1 that queues every POST it gets."""
    received: queue.Queue[Received] = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            received.put((dict(self.headers), self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/results", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_results_are_posted_as_json_with_basic_auth(
    http: httpx.Client,
    mock: MockScormCloud,
    receiver: tuple[str, queue.Queue[Received]],
) -> None:
    url, received = receiver
    import_course(http, "golf", GOLF_2004)
    postback = {
        "url": url,
        "authType": "HTTPBASIC",
        "userName": "lms",
        "password": "pw",
        "resultsFormat": "COURSE",
    }
    assert create_registration(http, "r1", "golf", postBack=postback).status_code == 204

    mock.commit_runtime("r1", {"cmi.completion_status": "completed"})
    headers, body = received.get(timeout=5)

    assert headers["Content-Type"] == "application/json"
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"lms:pw").decode()
    results = json.loads(body)
    assert (results["id"], results["registrationCompletion"]) == ("r1", "COMPLETED")
    assert "activityDetails" not in results


def test_form_postbacks_carry_data_and_credentials_in_the_body(
    http: httpx.Client,
    mock: MockScormCloud,
    receiver: tuple[str, queue.Queue[Received]],
) -> None:
    url, received = receiver
    import_course(http, "golf", GOLF_2004)
    postback = {"url": url, "authType": "FORM", "userName": "u", "password": "p"}
    create_registration(http, "r1", "golf", postBack=postback)

    mock.commit_runtime("r1", {"cmi.score.scaled": "0.5"})
    headers, body = received.get(timeout=5)
    fields = parse_qs(body.decode())

    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert (fields["username"], fields["password"]) == (["u"], ["p"])
    data = json.loads(fields["data"][0])
    assert data["score"] == {"scaled": 50.0}
    # ACTIVITY (the default) includes the child results.
    assert data["activityDetails"]["children"][0]["id"] == "item_1"


def test_postback_test_call_sends_sample_results(
    http: httpx.Client, receiver: tuple[str, queue.Queue[Received]]
) -> None:
    url, received = receiver
    response = http.post("/registrations/postBackTest", json={"url": url})
    assert response.status_code == 204
    _, body = received.get(timeout=5)
    assert json.loads(body)["id"] == "postback-test"


@pytest.mark.parametrize(
    "postback",
    [
        {"url": "not-a-url"},
        {"url": "http://127.0.0.1/x", "authType": "KERBEROS"},
        {"url": "http://127.0.0.1/x", "resultsFormat": "XML"},
        {"authType": "FORM"},
    ],
)
def test_bad_postbacks_refuse_the_registration(
    http: httpx.Client, postback: dict[str, Any]
) -> None:
    import_course(http, "golf", GOLF_2004)
    response = create_registration(http, "r1", "golf", postBack=postback)
    assert response.status_code == 400
    assert http.head("/registrations/r1").status_code == 404
