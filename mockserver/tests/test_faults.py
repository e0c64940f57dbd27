"""Injected faults, and the SDK's retries proven against them."""

from __future__ import annotations

import threading
import time

import httpx
import pytest
from mock_http import BASE_URL, create_registration, import_course

from scormcloud import (
    APIConnectionError,
    InternalServerError,
    RateLimitError,
    ScormCloud,
)
from scormcloud_mock import Fault, MockScormCloud

GOLF = "golf_scorm12_runtime_basic_calls.zip"


@pytest.fixture
def golf(http: httpx.Client) -> str:
    import_course(http, "golf", GOLF)
    create_registration(http, "r1", "golf")
    return "golf"


def retrying_client(mock: MockScormCloud, sleeps: list[float]) -> ScormCloud:
    client = mock.client(retries=3)
    client._sleep = sleeps.append
    return client


def test_an_error_status_for_a_number_of_calls(
    mock: MockScormCloud, http: httpx.Client, golf: str
) -> None:
    mock.faults.add(Fault(path="/registrations/*", method="GET", status=503, times=2))

    statuses = [http.get("/registrations/r1").status_code for _ in range(3)]

    assert statuses == [503, 503, 200]
    assert http.get("/courses/golf").status_code == 200


def test_the_sdk_retries_through_transient_errors(
    mock: MockScormCloud, golf: str
) -> None:
    sleeps: list[float] = []
    mock.faults.add(Fault(path="/registrations/r1", status=503, times=2))

    progress = retrying_client(mock, sleeps).registrations.get("r1")

    assert progress.instance == 0
    assert len(sleeps) == 2


def test_the_sdk_honours_retry_after_from_a_429(
    mock: MockScormCloud, golf: str
) -> None:
    sleeps: list[float] = []
    mock.faults.add(Fault(path="/courses/*", status=429, retry_after=2, times=1))

    assert retrying_client(mock, sleeps).courses.get("golf").version == 0
    assert sleeps == [2.0]


def test_the_sdk_gives_up_after_its_bound(mock: MockScormCloud, golf: str) -> None:
    sleeps: list[float] = []
    mock.faults.add(Fault(path="/courses/*", status=429, retry_after=0))

    with pytest.raises(RateLimitError):
        retrying_client(mock, sleeps).courses.get("golf")
    assert len(sleeps) == 3


def test_a_dropped_connection_in_process_and_over_http(
    mock: MockScormCloud, golf: str
) -> None:
    mock.faults.add(Fault(path="/courses/golf", drop=True, times=2))
    client = mock.client()
    with pytest.raises(APIConnectionError):
        client.courses.get("golf")

    server = mock.serve()
    over_http = ScormCloud(
        app_id="a", secret_key="b", base_url=server.base_url, retries=0
    )
    with pytest.raises(APIConnectionError):
        over_http.courses.get("golf")
    assert over_http.courses.get("golf").version == 0


def test_creates_are_not_retried_through_faults(
    mock: MockScormCloud, golf: str
) -> None:
    sleeps: list[float] = []
    mock.faults.add(Fault(path="/registrations", method="POST", status=500, times=1))
    with pytest.raises(InternalServerError):
        retrying_client(mock, sleeps).registrations.create(
            course_id="golf", registration_id="r2", learner={"id": "x"}
        )
    assert sleeps == []


def test_latency_does_not_serialise_concurrent_requests(
    mock: MockScormCloud, golf: str
) -> None:
    # B13: 8 threads x 50 creates with 50 ms latency each must overlap.
    mock.faults.add(Fault(path="/registrations", method="POST", latency=0.05))
    client = mock.client()
    failures: list[BaseException] = []

    def create_many(worker: int) -> None:
        try:
            for n in range(50):
                client.registrations.create(
                    course_id="golf",
                    registration_id=f"w{worker}-{n}",
                    learner={"id": "x"},
                )
                client.registrations.get(f"w{worker}-{n}")
        except BaseException as error:  # noqa: B036 - reported below
            failures.append(error)

    started = time.monotonic()
    threads = [threading.Thread(target=create_many, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    elapsed = time.monotonic() - started

    assert failures == []
    assert mock.backend.registrations.count_registrations("golf") == 401
    assert elapsed < 400 * 0.05 / 2


def test_faults_are_checked_when_added() -> None:
    with MockScormCloud() as mock:
        for bad in (
            Fault(status=200),
            Fault(latency=-1),
            Fault(times=0),
        ):
            with pytest.raises(ValueError):
                mock.faults.add(bad)


def test_faults_given_at_construction(http: httpx.Client) -> None:
    with MockScormCloud(faults=[Fault(path="/ping", status=500)]) as mock:
        client = httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        )
        assert client.get("/ping").status_code == 500
        mock.faults.clear()
        assert client.get("/ping").status_code == 200


def test_faults_over_http(mock: MockScormCloud, golf: str) -> None:
    server = mock.serve()
    root = server.base_url.removesuffix("/api/v2")
    fault = {"path": "/courses/*", "status": 503, "times": 1}

    added = httpx.post(f"{root}/__mock__/faults", json=fault)
    listed = httpx.get(f"{root}/__mock__/faults").json()["faults"]
    hit = httpx.get(f"{server.base_url}/courses/golf", auth=("a", "b"))
    after = httpx.get(f"{server.base_url}/courses/golf", auth=("a", "b"))

    assert added.status_code == 200
    assert listed[0]["status"] == 503 and listed[0]["times"] == 1
    assert (hit.status_code, after.status_code) == (503, 200)
    assert httpx.delete(f"{root}/__mock__/faults").json() == {"faults": []}


@pytest.mark.parametrize(
    "body",
    [[], {"status": 200}, {"latency": "slow"}, {"colour": "red"}, {"times": 0}],
)
def test_bad_faults_over_http_are_400(mock: MockScormCloud, body: object) -> None:
    http = httpx.Client(transport=mock.transport())
    response = http.post("https://cloud.scorm.com/__mock__/faults", json=body)
    assert response.status_code == 400
    assert response.json()["message"].startswith(("Bad fault", "A fault", "Unknown"))
    assert mock.faults.list() == []


@pytest.mark.scormcloud(faults=[Fault(path="/ping", status=502)])
def test_faults_through_the_pytest_marker(scormcloud_mock: MockScormCloud) -> None:
    http = httpx.Client(transport=scormcloud_mock.transport(), auth=("a", "b"))
    assert http.get(f"{BASE_URL}/ping").status_code == 502
