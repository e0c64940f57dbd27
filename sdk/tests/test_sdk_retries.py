"""Retries: which failures are repeated, how long the client waits, when it stops."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest
from sdk_fakes import BASE_URL, FakeService

from scormcloud import (
    APIConnectionError,
    BadRequestError,
    InternalServerError,
    NotImplementedByServerError,
    RateLimitError,
    RetryPolicy,
    ScormCloud,
)

COURSE = {"id": "golf", "version": 0}


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make_client(
    service: FakeService, sleeps: list[float], retries: RetryPolicy | int = 2
) -> ScormCloud:
    client = ScormCloud(
        app_id="a",
        secret_key="b",
        base_url=BASE_URL,
        transport=httpx.MockTransport(service.handle),
        retries=retries,
    )
    client._sleep = sleeps.append
    return client


@pytest.fixture
def client(service: FakeService, sleeps: list[float]) -> Iterator[ScormCloud]:
    with make_client(service, sleeps) as client:
        yield client


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_idempotent_calls_are_retried_on_transient_statuses(
    client: ScormCloud, service: FakeService, sleeps: list[float], status: int
) -> None:
    service.reply(status, json={"message": "busy"})
    service.reply(200, json=COURSE)

    assert client.courses.get("golf").version == 0
    assert len(service.requests) == 2
    assert len(sleeps) == 1


def test_retries_stop_at_the_bound_and_raise_the_last_error(
    client: ScormCloud, service: FakeService, sleeps: list[float]
) -> None:
    for _ in range(3):
        service.reply(503, json={"message": "down"})

    with pytest.raises(InternalServerError, match="down"):
        client.courses.get("golf")
    assert len(service.requests) == 3
    # Exponential backoff with jitter, within the policy's bound.
    assert 0.5 <= sleeps[0] <= sleeps[1] + 1 and max(sleeps) <= 8.0


@pytest.mark.parametrize(
    ("status", "error"), [(400, BadRequestError), (501, NotImplementedByServerError)]
)
def test_permanent_failures_are_not_retried(
    client: ScormCloud,
    service: FakeService,
    sleeps: list[float],
    status: int,
    error: type[Exception],
) -> None:
    service.reply(status, json={"message": "no"})
    with pytest.raises(error):
        client.courses.get("golf")
    assert len(service.requests) == 1 and sleeps == []


def test_creates_are_not_retried(
    client: ScormCloud, service: FakeService, sleeps: list[float]
) -> None:
    service.reply(503, json={"message": "down"})
    with pytest.raises(InternalServerError):
        client.registrations.create(
            course_id="golf", registration_id="r1", learner={"id": "a"}
        )
    assert len(service.requests) == 1 and sleeps == []


def test_uploads_are_never_retried(
    service: FakeService, sleeps: list[float], tmp_path: object
) -> None:
    everything = frozenset({"GET", "POST", "PUT", "DELETE", "HEAD"})
    policy = RetryPolicy(max_retries=3, methods=everything)
    client = make_client(service, sleeps, policy)
    service.reply(503, json={"message": "down"})

    with pytest.raises(InternalServerError):
        client.courses.import_package("golf", __file__)
    assert len(service.requests) == 1


def test_retry_after_seconds_is_honoured(
    client: ScormCloud, service: FakeService, sleeps: list[float]
) -> None:
    service.reply(429, json={"message": "slow down"}, headers={"Retry-After": "3"})
    service.reply(200, json=COURSE)
    client.courses.get("golf")
    assert sleeps == [3.0]


def test_retry_after_date_is_honoured_and_capped(
    service: FakeService, sleeps: list[float]
) -> None:
    client = make_client(service, sleeps, RetryPolicy(max_delay=5.0))
    later = datetime.now(timezone.utc) + timedelta(seconds=60)
    service.reply(
        429,
        json={"message": "x"},
        headers={"Retry-After": format_datetime(later, usegmt=True)},
    )
    service.reply(200, json=COURSE)
    client.courses.get("golf")
    assert sleeps == [5.0]


def test_rate_limit_error_after_the_last_retry(
    service: FakeService, sleeps: list[float]
) -> None:
    client = make_client(service, sleeps, 1)
    service.reply(429, json={"message": "slow"}, headers={"Retry-After": "0"})
    service.reply(429, json={"message": "slow"}, headers={"Retry-After": "0"})
    with pytest.raises(RateLimitError):
        client.courses.get("golf")
    assert sleeps == [0.0]


def test_connection_errors_are_retried(sleeps: list[float]) -> None:
    attempts = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        if len(attempts) < 3:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=COURSE)

    client = ScormCloud(
        app_id="a", secret_key="b", transport=httpx.MockTransport(flaky)
    )
    client._sleep = sleeps.append
    assert client.courses.get("golf").id == "golf"
    assert len(attempts) == 3


def test_zero_switches_retries_off(service: FakeService, sleeps: list[float]) -> None:
    client = make_client(service, sleeps, 0)
    service.reply(503, json={"message": "down"})
    with pytest.raises(InternalServerError):
        client.courses.get("golf")
    assert len(service.requests) == 1


def test_a_connection_error_that_persists_is_raised(sleeps: list[float]) -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = ScormCloud(
        app_id="a", secret_key="b", transport=httpx.MockTransport(refused)
    )
    client._sleep = sleeps.append
    with pytest.raises(APIConnectionError):
        client.courses.get("golf")
    assert len(sleeps) == 2


def test_decisions_are_logged_at_debug(
    client: ScormCloud, service: FakeService, caplog: pytest.LogCaptureFixture
) -> None:
    service.reply(503, json={"message": "down"})
    service.reply(200, json=COURSE)
    with caplog.at_level(logging.DEBUG, logger="scormcloud"):
        client.courses.get("golf")
    retry_lines = [r for r in caplog.records if "retrying" in r.getMessage()]
    assert [r.levelno for r in retry_lines] == [logging.DEBUG]
    assert "b" not in retry_lines[0].getMessage().split()  # no secret in the line
