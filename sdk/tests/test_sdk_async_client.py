"""AsyncScormCloud on the wire: requests, streams, retries, auth and lifecycle.

Every request goes through `httpx.MockTransport` with an async handler, so these
tests see exactly what the async client sends.
"""

from __future__ import annotations

import base64
import io
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sdk_fakes import BASE_URL, FakeService, json_of, path_of, query_of

from scormcloud import (
    APIConnectionError,
    AsyncPaginator,
    AsyncScormCloud,
    ImportTimeoutError,
    InternalServerError,
    NotFoundError,
    RetryPolicy,
)

pytestmark = pytest.mark.anyio


def async_handler(service: FakeService) -> Any:
    async def handle(request: httpx.Request) -> httpx.Response:
        # The body of an async request is an async stream: read it the async way.
        await request.aread()
        return service.handle(request)

    return handle


def make_client(service: FakeService, **options: Any) -> AsyncScormCloud:
    options.setdefault("retries", 0)
    return AsyncScormCloud(
        app_id="app-id",
        secret_key="secret-key",
        base_url=BASE_URL,
        transport=httpx.MockTransport(async_handler(service)),
        **options,
    )


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
async def client(
    service: FakeService, sleeps: list[float]
) -> AsyncIterator[AsyncScormCloud]:
    async with make_client(service) as client:

        async def record(seconds: float) -> None:
            sleeps.append(seconds)

        client._sleep = record
        client.courses._sleep = record
        yield client


async def test_get_sends_encoded_path_flags_and_basic_auth(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(json={"id": "a/b", "version": 2})

    course = await client.courses.get("a/b", include_registration_count=True)

    assert course.version == 2
    request = service.last
    assert (request.method, path_of(request)) == ("GET", "/api/v2/courses/a%2Fb")
    assert query_of(request) == {"includeRegistrationCount": "true"}
    expected = base64.b64encode(b"app-id:secret-key").decode()
    assert request.headers["authorization"] == f"Basic {expected}"
    assert request.headers["user-agent"].startswith("scormcloud-python/")


async def test_ping_and_json_bodies(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(json={"apiMessage": "pong"})
    service.reply(204)

    assert await client.ping() == "pong"
    await client.courses.tags.remove("golf", ["a", "b"])

    assert service.last.method == "DELETE"
    assert json_of(service.last) == {"tags": ["a", "b"]}


async def test_registration_create_and_launch_link_bodies(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(204)
    service.reply(json={"launchLink": "https://cloud.scorm.com/launch/x"})

    await client.registrations.create(
        course_id="golf",
        registration_id="r1",
        learner={"id": "ada", "first_name": "Ada"},
        course_version=1,
    )
    link = await client.registrations.launch_link("r1", additional_values={"k": "v"})

    create, launch = service.requests
    assert query_of(create) == {"courseVersion": "1"}
    assert json_of(create) == {
        "courseId": "golf",
        "registrationId": "r1",
        "learner": {"id": "ada", "firstName": "Ada"},
    }
    assert json_of(launch) == {
        "expiry": 120,
        "redirectOnExitUrl": "message",
        "additionalvalues": [{"item": "k", "value": "v"}],
    }
    assert link == "https://cloud.scorm.com/launch/x"


async def test_exists_is_a_head_and_false_on_404(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(404)

    assert await client.registrations.exists("nobody") is False
    assert service.last.method == "HEAD"


async def test_list_is_lazy_and_sends_the_token_alone(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(
        json={"registrations": [{"id": "r1"}], "more": "t1"},
        headers={"X-Total-Count": "2"},
    )
    service.reply(json={"registrations": [{"id": "r2"}]})

    found = client.registrations.list(
        course_id="golf", include_runtime=True, include_total_count=True
    )
    assert isinstance(found, AsyncPaginator)
    assert service.requests == []

    assert await found.total_count() == 2
    assert [r.id async for r in found] == ["r1", "r2"]
    first, second = service.requests
    assert query_of(first) == {
        "courseId": "golf",
        "includeRuntime": "true",
        "includeTotalCount": "true",
    }
    assert query_of(second) == {"more": "t1", "includeRuntime": "true"}


async def test_instances_list_follows_every_page(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(json={"registrations": [{"instance": 0}], "more": "m"})
    service.reply(json={"registrations": [{"instance": 1}]})

    instances = await client.registrations.instances.list("r1")

    assert [i.instance for i in instances] == [0, 1]
    assert [query_of(r) for r in service.requests] == [{}, {"more": "m"}]


class ReadRecorder(io.BytesIO):
    """A binary file that remembers how much each read asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.sizes: list[int | None] = []
        self.name = "/tmp/golf.zip"

    def read(self, size: int | None = -1) -> bytes:
        self.sizes.append(size)
        return super().read(size)


async def test_uploads_stream_the_file_in_chunks(
    client: AsyncScormCloud, service: FakeService
) -> None:
    package = ReadRecorder(b"z" * 300_000)
    service.reply(json={"result": "job-1"})

    job_id = await client.courses.import_package("golf", package, tags=["a"])

    assert job_id == "job-1"
    assert query_of(service.last) == {
        "courseId": "golf",
        "mayCreateNewVersion": "false",
        "tags": "a",
    }
    body = service.last.content
    assert b'name="file"; filename="golf.zip"' in body
    assert b"z" * 300_000 in body
    # httpx read the file piece by piece; it was never read whole.
    assert len(package.sizes) > 2
    assert all(size is not None and 0 < size < 300_000 for size in package.sizes)


async def test_uploads_are_never_retried(service: FakeService) -> None:
    service.reply(503, json={"message": "busy"})

    async with make_client(service, retries=3) as client:
        with pytest.raises(InternalServerError):
            await client.courses.assets.upload("golf", "/a.txt", io.BytesIO(b"a"))

    assert len(service.requests) == 1


def chunked(*chunks: bytes) -> AsyncIterator[bytes]:
    async def stream() -> AsyncIterator[bytes]:
        for chunk in chunks:
            yield chunk

    return stream()


class WriteRecorder(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, data: Any) -> int:
        self.writes += 1
        return super().write(data)


async def test_b12_downloads_stream_chunk_by_chunk(service: FakeService) -> None:
    # An async body: reading `.content` without `aread()` would raise.
    chunks = [b"a" * 65536, b"b" * 65536, b"c" * 100]

    async def handle(request: httpx.Request) -> httpx.Response:
        service.requests.append(request)
        return httpx.Response(
            200,
            content=chunked(*chunks),
            headers={"Content-Length": str(sum(map(len, chunks)))},
        )

    dest = WriteRecorder()
    async with AsyncScormCloud(
        app_id="a", secret_key="s", transport=httpx.MockTransport(handle)
    ) as client:
        written = await client.courses.versions.download_zip("golf", 3, dest)

    assert written == len(dest.getvalue()) == 131172
    assert dest.getvalue() == b"".join(chunks)
    assert dest.writes > 1
    assert path_of(service.last) == "/api/v2/courses/golf/versions/3/zip"


async def test_a_failed_download_writes_nothing(
    client: AsyncScormCloud, service: FakeService, tmp_path: Path
) -> None:
    service.reply(404, json={"message": "no such file"})
    dest = tmp_path / "out.html"

    with pytest.raises(NotFoundError, match="no such file"):
        await client.courses.assets.download("golf", "index.html", dest)

    assert query_of(service.last) == {"relativePath": "index.html"}
    assert not dest.exists() or dest.read_bytes() == b""


async def test_wait_for_import_sleeps_with_the_injected_sleep(
    client: AsyncScormCloud, service: FakeService, sleeps: list[float]
) -> None:
    service.reply(json={"status": "RUNNING"})
    service.reply(json={"status": "RUNNING"})
    service.reply(json={"status": "COMPLETE", "importResult": {"course": {"id": "g"}}})

    course = await client.courses.wait_for_import("job-1", initial_interval=0.5)

    assert course.id == "g"
    assert sleeps == [0.5, 0.75]


async def test_wait_for_import_times_out(
    client: AsyncScormCloud, service: FakeService
) -> None:
    service.reply(json={"status": "RUNNING"})

    with pytest.raises(ImportTimeoutError):
        await client.courses.wait_for_import("job-1", timeout=0)


async def test_idempotent_calls_are_retried_with_the_async_sleep(
    service: FakeService, sleeps: list[float]
) -> None:
    service.reply(503, json={"message": "busy"}, headers={"Retry-After": "1"})
    service.reply(json={"id": "golf"})

    async with make_client(service, retries=RetryPolicy(max_retries=2)) as client:

        async def record(seconds: float) -> None:
            sleeps.append(seconds)

        client._sleep = record
        course = await client.courses.get("golf")

    assert course.id == "golf"
    assert sleeps == [1.0]
    assert len(service.requests) == 2


async def test_transport_failures_become_connection_errors() -> None:
    async def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with AsyncScormCloud(
        app_id="a", secret_key="s", transport=httpx.MockTransport(refuse), retries=0
    ) as client:
        with pytest.raises(APIConnectionError, match="ConnectError"):
            await client.ping()


async def test_oauth_tokens_are_fetched_once_and_renewed_after_a_401(
    service: FakeService,
) -> None:
    for reply in (
        {"json": {"access_token": "t1", "expires_in": 300}},
        {"json": {"id": "a"}},
        {"json": {"id": "b"}},
        {"status": 401, "json": {"message": "expired"}},
        {"json": {"access_token": "t2", "expires_in": 300}},
        {"json": {"id": "c"}},
    ):
        service.reply(**reply)
    # The retried request is the same object, so note each header as it is sent.
    sent: list[str] = []
    handle = async_handler(service)

    async def note(request: httpx.Request) -> httpx.Response:
        sent.append(f"{path_of(request)} {request.headers['authorization']}")
        return await handle(request)

    async with AsyncScormCloud(
        app_id="app-id",
        secret_key="secret-key",
        transport=httpx.MockTransport(note),
        oauth_scopes=["read:course"],
        retries=0,
    ) as client:
        ids = [(await client.courses.get(name)).id for name in "abc"]

    assert ids == ["a", "b", "c"]
    basic = base64.b64encode(b"app-id:secret-key").decode()
    token = f"/api/v2/oauth/authenticate/application/token Basic {basic}"
    assert sent == [
        token,
        "/api/v2/courses/a Bearer t1",
        "/api/v2/courses/b Bearer t1",
        "/api/v2/courses/c Bearer t1",
        token,
        "/api/v2/courses/c Bearer t2",
    ]
    assert dict(httpx.QueryParams(service.requests[0].content.decode())) == {
        "scope": "read:course",
        "expiration": "300",
    }


async def test_a_given_bearer_token_is_sent_as_is(service: FakeService) -> None:
    service.reply(json={"apiMessage": "ok"})

    async with AsyncScormCloud(
        bearer_token="tok",
        transport=httpx.MockTransport(async_handler(service)),
    ) as client:
        await client.ping()

    assert service.last.headers["authorization"] == "Bearer tok"


async def test_empty_ids_fail_before_any_request(
    client: AsyncScormCloud, service: FakeService
) -> None:
    with pytest.raises(ValueError):
        await client.courses.get("")
    with pytest.raises(ValueError):
        await client.registrations.instances.list("")

    assert service.requests == []


def test_transport_and_http_client_are_exclusive() -> None:
    with pytest.raises(ValueError, match="either transport or http_client"):
        AsyncScormCloud(
            app_id="a",
            secret_key="s",
            transport=httpx.MockTransport(lambda r: httpx.Response(200)),
            http_client=httpx.AsyncClient(),
        )


async def test_a_supplied_http_client_is_used_and_left_open(
    service: FakeService,
) -> None:
    service.reply(json={"apiMessage": "ok"})
    http = httpx.AsyncClient(transport=httpx.MockTransport(async_handler(service)))

    async with AsyncScormCloud(
        app_id="a", secret_key="s", http_client=http, timeout=5.0
    ) as client:
        assert await client.ping() == "ok"

    assert not http.is_closed
    assert service.last.extensions["timeout"]["read"] == 5.0
    await http.aclose()


async def test_aclose_closes_the_client_it_created(service: FakeService) -> None:
    client = make_client(service)

    await client.aclose()

    assert client._http.is_closed


def test_credentials_and_base_url_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SCORMCLOUD_APP_ID", "env-app")
    monkeypatch.setenv("SCORMCLOUD_SECRET_KEY", "env-secret")
    monkeypatch.setenv("SCORMCLOUD_BASE_URL", "http://127.0.0.1:8080/api/v2/")

    client = AsyncScormCloud()

    assert client.base_url == "http://127.0.0.1:8080/api/v2"
    assert repr(client) == "AsyncScormCloud(base_url='http://127.0.0.1:8080/api/v2')"
