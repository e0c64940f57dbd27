"""Imports from a URL, the no-upload variant, tags and postbacks on import."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
from course_zips import tiny_package, upload
from mock_http import BASE_URL, finish_import

from scormcloud_mock import MockScormCloud

PACKAGE = tiny_package("Fetched")


@pytest.fixture
def fetching() -> Iterator[httpx.Client]:
    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/golf.zip":
            return httpx.Response(200, content=PACKAGE)
        if request.url.path == "/not-a-zip.zip":
            return httpx.Response(200, content=b"hello")
        return httpx.Response(404)

    with MockScormCloud(
        import_job_running_polls=0, fetch_transport=httpx.MockTransport(serve)
    ) as mock:
        with httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as http:
            yield http


def start(http: httpx.Client, path: str, body: object, **params: str) -> str:
    response = http.post(path, params={"courseId": "golf", **params}, json=body)
    assert response.status_code == 200, response.text
    job_id: str = response.json()["result"]
    return job_id


def test_fetch_import_with_tags(fetching: httpx.Client) -> None:
    job_id = start(
        fetching,
        "/courses/importJobs",
        {"url": "https://cdn.example/golf.zip"},
        tags="a,b",
    )

    job = finish_import(fetching, job_id)
    assert job["status"] == "COMPLETE"
    assert job["importResult"]["course"]["title"] == "Fetched"
    assert fetching.get("/courses/golf/tags").json() == {"tags": ["a", "b"]}


def test_no_upload_variant_with_a_fetch_request(fetching: httpx.Client) -> None:
    body = {"fetchRequest": {"url": "https://cdn.example/golf.zip"}}

    job = finish_import(fetching, start(fetching, "/courses/importJobs/noUpload", body))

    assert job["status"] == "COMPLETE"
    assert job["importResult"]["course"]["id"] == "golf"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "https://cdn.example/missing.zip",
            "fetching 'https://cdn.example/missing.zip' answered HTTP 404",
        ),
        ("https://cdn.example/not-a-zip.zip", "is not a valid zip archive"),
    ],
)
def test_a_failed_fetch_ends_the_job_in_error(
    fetching: httpx.Client, url: str, message: str
) -> None:
    job = finish_import(fetching, start(fetching, "/courses/importJobs", {"url": url}))

    assert job["status"] == "ERROR"
    assert message in job["message"]
    assert fetching.get("/courses/golf").status_code == 404


def test_bad_import_requests_are_400(fetching: httpx.Client) -> None:
    no_url = fetching.post("/courses/importJobs", params={"courseId": "golf"}, json={})
    ftp = fetching.post(
        "/courses/importJobs", params={"courseId": "golf"}, json={"url": "ftp://x/y"}
    )
    media = fetching.post(
        "/courses/importJobs/noUpload",
        params={"courseId": "golf"},
        json={"mediaFileReferenceRequest": {"url": "https://x/a.mp4"}},
    )

    assert no_url.json() == {
        "message": "body.url is required and must be a non-empty string"
    }
    assert ftp.json() == {"message": "body.url 'ftp://x/y' is not an http or https URL"}
    assert media.status_code == 501


def recorder() -> tuple[type[BaseHTTPRequestHandler], list[object], threading.Event]:
    """A request handler class that keeps the JSON bodies posted to it."""
    bodies: list[object] = []
    arrived = threading.Event()

    class Recorder(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers["Content-Length"])
            bodies.append(json.loads(self.rfile.read(length)))
            self.send_response(200)
            self.end_headers()
            arrived.set()

        def log_message(self, *args: object) -> None:
            pass

    return Recorder, bodies, arrived


def test_postback_receives_the_finished_job(http: httpx.Client) -> None:
    handler, bodies, arrived = recorder()
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/done"
        job = upload(http, "golf", tiny_package("Posted"), postbackUrl=url)
        assert arrived.wait(5)
    finally:
        server.shutdown()
        server.server_close()

    assert bodies == [job]
    assert job["status"] == "COMPLETE"
