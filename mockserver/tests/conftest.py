"""Fixtures for the mock's own tests: a fresh mock and a raw httpx client on it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from mock_http import BASE_URL

from scormcloud_mock import MockScormCloud

pytest_plugins = ["pytester"]


@pytest.fixture
def mock() -> Iterator[MockScormCloud]:
    with MockScormCloud(import_job_running_polls=1) as mock:
        yield mock


@pytest.fixture
def http(mock: MockScormCloud) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=BASE_URL, transport=mock.transport(), auth=("app", "secret")
    ) as client:
        yield client
