"""Field cases about living inside other people's test setups (B11, B14, B15)."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
import textwrap
import threading

import httpx
import pytest
from mock_http import BASE_URL, PACKAGES, create_registration, import_course

from scormcloud import ScormCloud
from scormcloud_mock import MockScormCloud, UploadedFile, decode_multipart

GOLF = PACKAGES / "golf_scorm12_runtime_basic_calls.zip"
CLOSED_PORT_URL = "http://127.0.0.1:9/api/v2"


class Recorder:
    """Wraps the mock's transport and keeps every request it served."""

    def __init__(self, mock: MockScormCloud) -> None:
        self.transport = mock.transport()
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        # Read first, so the body can still be inspected after the mock used it.
        request.read()
        self.requests.append(request)
        return self.transport.handle_request(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        self.requests.append(request)
        return await self.transport.handle_async_request(request)


@pytest.mark.parametrize("kind", ["bytes", "open file", "path"])
def test_sync_uploads_can_be_inspected_after_the_fact(
    mock: MockScormCloud, kind: str
) -> None:
    recorder = Recorder(mock)
    client = ScormCloud(
        app_id="a", secret_key="b", transport=httpx.MockTransport(recorder.handle)
    )

    with GOLF.open("rb") as file:
        package = {"bytes": io.BytesIO(GOLF.read_bytes()), "open file": file}.get(
            kind, GOLF
        )
        client.courses.import_package("c", package)

    parts = decode_multipart(recorder.requests[-1])
    assert isinstance(parts["file"], UploadedFile)
    assert parts["file"].content == GOLF.read_bytes()
    assert parts["file"].filename.endswith(".zip")


def test_async_uploads_can_be_inspected_after_the_fact(mock: MockScormCloud) -> None:
    recorder = Recorder(mock)

    async def upload() -> int:
        transport = httpx.MockTransport(recorder.handle_async)
        async with httpx.AsyncClient(base_url=BASE_URL, transport=transport) as http:
            with GOLF.open("rb") as file:
                response = await http.post(
                    "/courses/importJobs/upload",
                    params={"courseId": "c"},
                    files={"file": ("golf.zip", file)},
                    auth=("a", "b"),
                )
            return response.status_code

    assert asyncio.run(upload()) == 200
    parts = decode_multipart(recorder.requests[-1])
    assert isinstance(parts["file"], UploadedFile)
    assert parts["file"].filename == "golf.zip"
    assert parts["file"].content == GOLF.read_bytes()


def test_concurrent_resets_all_succeed_and_forget_everything(
    mock: MockScormCloud,
) -> None:
    server = mock.serve()
    http = httpx.Client(base_url=server.base_url, auth=("a", "b"))
    import_course(http, "golf", GOLF.name)
    create_registration(http, "r1", "golf")
    root = server.base_url.removesuffix("/api/v2")

    statuses: list[int] = []

    def reset() -> None:
        statuses.append(httpx.post(f"{root}/__mock__/reset").status_code)

    threads = [threading.Thread(target=reset) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200] * 8
    assert http.get("/courses/golf").status_code == 404
    assert http.head("/registrations/r1").status_code == 404
    assert import_course(http, "golf", GOLF.name)["version"] == 0


def test_cli_reset_against_a_running_server(mock: MockScormCloud) -> None:
    server = mock.serve()
    http = httpx.Client(base_url=server.base_url, auth=("a", "b"))
    import_course(http, "golf", GOLF.name)

    result = subprocess.run(
        [sys.executable, "-m", "scormcloud_mock", "reset", "--url", server.base_url],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 0, result.stderr
    assert http.get("/courses/golf").status_code == 404


def test_cli_state_prints_the_servers_state(mock: MockScormCloud) -> None:
    server = mock.serve()
    http = httpx.Client(base_url=server.base_url, auth=("a", "b"))
    import_course(http, "golf", GOLF.name)

    result = subprocess.run(
        [sys.executable, "-m", "scormcloud_mock", "state", "--url", server.base_url],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 0, result.stderr
    assert "golf" in json.loads(result.stdout)["courses"][0]["id"]


def test_cli_reset_without_a_server_is_a_clear_error() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "scormcloud_mock",
            "reset",
            "--url",
            "http://127.0.0.1:9/api/v2",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "no mock server answered" in result.stderr


@pytest.mark.parametrize("flavour", ["sync", "async", "server"])
def test_a_forgotten_client_does_not_hang_the_process(flavour: str) -> None:
    # A module-level client, one call, and no close(): the process must still exit.
    script = textwrap.dedent(
        f"""
        import asyncio, httpx
        from scormcloud_mock import MockScormCloud
        mock = MockScormCloud()
        flavour = {flavour!r}
        if flavour == "sync":
            client = mock.client()
            assert client.registrations.exists("nobody") is False
        elif flavour == "async":
            http = httpx.AsyncClient(transport=mock.transport(), auth=("a", "b"))
            url = "https://cloud.scorm.com/api/v2/ping"
            assert asyncio.run(http.get(url)).status_code == 200
        else:
            server = mock.serve()
            ping = httpx.get(server.base_url + "/ping", auth=("a", "b"))
            assert ping.status_code == 200
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=20
    )
    assert result.returncode == 0, result.stderr


def test_stopping_twice_is_harmless(mock: MockScormCloud) -> None:
    server = mock.serve()
    server.stop()
    server.stop()
    mock.close()
    mock.close()


def test_downloads_stream_in_chunks_sync_and_async(mock: MockScormCloud) -> None:
    # B12: one mocked response object serves both kinds of client, chunk by chunk.
    http = httpx.Client(base_url=BASE_URL, transport=mock.transport(), auth=("a", "b"))
    import_course(http, "golf", GOLF.name)

    with http.stream("GET", "/courses/golf/zip") as response:
        sync_chunks = list(response.iter_raw())

    async def download() -> list[bytes]:
        async with httpx.AsyncClient(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as client:
            async with client.stream("GET", "/courses/golf/zip") as response:
                return [chunk async for chunk in response.aiter_raw()]

    async_chunks = asyncio.run(download())

    assert len(sync_chunks) > 1
    assert b"".join(sync_chunks) == b"".join(async_chunks)
    assert b"".join(sync_chunks).startswith(b"PK")


def test_cli_reset_and_state_pass_credentials() -> None:
    with MockScormCloud(app_id="app", secret_key="sec") as mock:
        server = mock.serve()
        base = [sys.executable, "-m", "scormcloud_mock"]
        url = ["--url", server.base_url]

        anonymous = subprocess.run(
            [*base, "reset", *url], capture_output=True, text=True, timeout=30
        )
        trusted = subprocess.run(
            [*base, "state", *url, "--app-id", "app", "--secret-key", "sec"],
            capture_output=True,
            text=True,
            timeout=30,
        )

        assert anonymous.returncode == 1 and "(401)" in anonymous.stderr
        assert trusted.returncode == 0, trusted.stderr
        assert json.loads(trusted.stdout)["courses"] == []
