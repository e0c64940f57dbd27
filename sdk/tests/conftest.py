"""Fixtures: a canned-response service and a client wired to it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sdk_fakes import BASE_URL, FakeService

from scormcloud import ScormCloud


@pytest.fixture(autouse=True)
def _no_scormcloud_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # Settings in the developer's shell must not change what the tests send.
    for name in ("SCORMCLOUD_APP_ID", "SCORMCLOUD_SECRET_KEY", "SCORMCLOUD_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def service() -> FakeService:
    return FakeService()


@pytest.fixture
def client(service: FakeService) -> Iterator[ScormCloud]:
    with ScormCloud(
        app_id="app-id",
        secret_key="secret-key",
        base_url=BASE_URL,
        transport=httpx.MockTransport(service.handle),
        # Each canned response answers one request; retries get their own tests.
        retries=0,
    ) as client:
        yield client


@pytest.fixture
def anyio_backend() -> str:
    # anyio's pytest plugin (installed with httpx) runs `@pytest.mark.anyio` tests;
    # asyncio only, since the SDK does not promise trio.
    return "asyncio"
