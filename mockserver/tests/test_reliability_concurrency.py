"""Many threads at once, in-process and over HTTP: no lost write, no 5xx, and version
and instance numbers unique and without gaps.

test_app.py covers concurrent openings of launch links for one registration, and
test_faults.py concurrent creates under latency; these add imports, new versions,
registrations, new instances and launches all racing in one run.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator

import httpx
import pytest
from mock_http import BASE_URL
from reliability_cases import upload

from scormcloud_mock import MockScormCloud

THREADS = 8
REGISTRATIONS_PER_THREAD = 12
VERSIONS_PER_THREAD = 2
MOVE_ON_NEWER = "WHEN_EXISTING_REG_IS_INCOMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS"

Client = Callable[[], httpx.Client]


@pytest.fixture(params=["transport", "server"])
def client(request: pytest.FixtureRequest) -> Iterator[tuple[MockScormCloud, Client]]:
    with MockScormCloud(import_job_running_polls=0) as mock:
        if request.param == "transport":
            yield mock, lambda: _client(BASE_URL, mock.transport())
        else:
            server = mock.serve()
            yield mock, lambda: _client(server.base_url, None)
            server.stop()


def _client(base_url: str, transport: httpx.BaseTransport | None) -> httpx.Client:
    return httpx.Client(
        base_url=base_url, transport=transport, auth=("app", "key"), timeout=30
    )


def race(work: Callable[[httpx.Client, int], None], new_client: Client) -> None:
    """Run ``work`` in THREADS threads released together; re-raise any failure."""
    barrier = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def run(worker: int) -> None:
        with new_client() as http:
            try:
                barrier.wait()
                work(http, worker)
            except BaseException as error:  # noqa: B036 - reported below
                failures.append(error)

    threads = [threading.Thread(target=run, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []


def ok(response: httpx.Response) -> httpx.Response:
    assert response.status_code < 400, (response.request.url, response.text)
    return response


def import_version(http: httpx.Client, course_id: str) -> None:
    started = ok(upload(http, course_id, new_version=True)).json()["result"]
    job = ok(http.get(f"/courses/importJobs/{started}")).json()
    assert job["status"] == "COMPLETE", job


def seed(new_client: Client) -> None:
    with new_client() as http:
        import_version(http, "shared")
        setting = {"settingId": "WhenToRestartRegistration", "value": MOVE_ON_NEWER}
        ok(http.post("/courses/shared/configuration", json={"settings": [setting]}))
        body = {"courseId": "shared", "registrationId": "hot", "learner": {"id": "l"}}
        ok(http.post("/registrations", json=body))


def test_imports_registrations_and_launches_race_without_loss(
    client: tuple[MockScormCloud, Client],
) -> None:
    mock, new_client = client
    seed(new_client)

    def work(http: httpx.Client, worker: int) -> None:
        import_version(http, f"own-{worker}")
        for n in range(REGISTRATIONS_PER_THREAD):
            course = "shared" if n % 2 else f"own-{worker}"
            registration = f"w{worker}-{n}"
            body = {"courseId": course, "registrationId": registration}
            ok(http.post("/registrations", json={**body, "learner": {"id": "l"}}))
            link = ok(http.post(f"/registrations/{registration}/launchLink", json={}))
            ok(http.get(link.json()["launchLink"]))
            if n % 4 == 0:
                import_version(http, "shared")

    race(work, new_client)

    state = mock.dump_state()
    registrations = {r["id"]: r for r in state["registrations"]}
    expected = {f"w{w}-{n}" for w in range(THREADS) for n in range(12)} | {"hot"}
    assert set(registrations) == expected
    for name in expected - {"hot"}:
        launches = registrations[name]["instances"][-1]["launchHistory"]
        assert len(launches) == 1, name
    versions = {
        c["id"]: [v["version"] for v in c["versions"]] for c in state["courses"]
    }
    imports_of_shared = 1 + THREADS * len(range(0, REGISTRATIONS_PER_THREAD, 4))
    assert versions["shared"] == list(range(imports_of_shared))
    assert all(versions[f"own-{w}"] == [0] for w in range(THREADS))


def test_one_registration_launched_from_every_thread_while_versions_arrive(
    client: tuple[MockScormCloud, Client],
) -> None:
    mock, new_client = client
    seed(new_client)
    launches = 6

    def work(http: httpx.Client, worker: int) -> None:
        for n in range(launches):
            if worker == 0 and n % 2 == 0:
                import_version(http, "shared")
            if worker == 1:
                ok(http.post("/registrations/hot/instances"))
            link = ok(http.post("/registrations/hot/launchLink", json={}))
            ok(http.get(link.json()["launchLink"]))

    race(work, new_client)

    with new_client() as http:
        listed = ok(http.get("/registrations/hot/instances")).json()["registrations"]
        history = ok(http.get("/registrations/hot/launchHistory")).json()
    numbers = [instance["instance"] for instance in listed]
    assert numbers == list(range(len(numbers)))
    # Worker 1 alone adds `launches` instances; version moves can only add more.
    assert len(numbers) > launches
    counted = Counter(entry["instance"] for entry in history["launchHistory"])
    assert sum(counted.values()) == THREADS * launches
    assert set(counted) <= set(numbers)
    assert mock.dump_state()["courses"][0]["versions"][-1]["version"] == launches // 2
