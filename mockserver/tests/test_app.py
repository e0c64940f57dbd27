"""The HTTP envelope: credentials, unknown routes, path encoding and prefixes."""

from __future__ import annotations

import asyncio
import threading
from urllib.parse import quote

import httpx
import pytest
from mock_http import BASE_URL, PACKAGES, create_registration, import_course

from scormcloud_mock import MockScormCloud

GOLF = "golf_scorm12_runtime_basic_calls.zip"


def test_requests_without_credentials_get_401(mock: MockScormCloud) -> None:
    http = httpx.Client(base_url=BASE_URL, transport=mock.transport())
    response = http.get("/courses/any")
    assert response.status_code == 401
    assert response.json() == {"error": "Authorization Required."}


def test_configured_credentials_are_enforced() -> None:
    with MockScormCloud(app_id="app", secret_key="sécret") as mock:

        def status(auth: tuple[str, str]) -> int:
            http = httpx.Client(
                base_url=BASE_URL, transport=mock.transport(), auth=auth
            )
            return http.get("/ping").status_code

        assert status(("app", "sécret")) == 200
        assert status(("app", "wrong")) == 401
        assert status(("other", "sécret")) == 401


def test_app_id_without_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        MockScormCloud(app_id="app")


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/courses/golf/xAPIStatements"),
        ("GET", "/dispatch/destinations"),
        ("GET", "/registrations/r1/xAPIStatements"),
        ("PUT", "/registrations/r1/instances"),
    ],
)
def test_unknown_routes_are_501_naming_method_and_path(
    http: httpx.Client, method: str, path: str
) -> None:
    response = http.request(method, path)
    assert response.status_code == 501
    assert response.json() == {
        "message": f"{method} /api/v2{path} is not implemented by mock"
    }


def test_paths_outside_the_api_are_a_plain_404(mock: MockScormCloud) -> None:
    http = httpx.Client(transport=mock.transport())
    response = http.get("https://cloud.scorm.com/elsewhere")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("course_id", ["a/b", "urn:course:1", "with space", "ünï"])
def test_ids_are_single_percent_encoded_segments(
    http: httpx.Client, course_id: str
) -> None:
    import_course(http, course_id, GOLF)
    response = http.get(f"/courses/{quote(course_id, safe='')}")
    assert response.status_code == 200
    assert response.json()["id"] == course_id


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:9/api/v2",
        "http://127.0.0.1:9/api/v2/",
        "http://127.0.0.1:9/lms/prefix/api/v2",
    ],
)
def test_a_path_prefix_is_kept_in_launch_links(
    mock: MockScormCloud, base_url: str
) -> None:
    http = httpx.Client(base_url=base_url, transport=mock.transport(), auth=("a", "b"))
    import_course(http, "golf", GOLF)
    create_registration(http, "r1", "golf")

    link = http.post("/registrations/r1/launchLink", json={}).json()["launchLink"]

    prefix = base_url.rstrip("/").removesuffix("/api/v2")
    assert link.startswith(prefix + "/__mock__/launch/")
    assert http.get(link).status_code == 200


def test_malformed_json_is_400(http: httpx.Client) -> None:
    response = http.post(
        "/registrations",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["message"]


def test_oversized_json_is_413(http: httpx.Client) -> None:
    response = http.post("/registrations", content=b"[" + b"0," * 600_000 + b"0]")
    assert response.status_code == 413


def test_reset_forgets_everything(mock: MockScormCloud, http: httpx.Client) -> None:
    import_course(http, "golf", GOLF)
    create_registration(http, "r1", "golf")

    assert http.post("https://cloud.scorm.com/__mock__/reset").status_code == 200

    assert http.get("/courses/golf").status_code == 404
    assert http.head("/registrations/r1").status_code == 404
    assert import_course(http, "golf", GOLF)["version"] == 0


def test_async_transport_serves_the_same_mock(mock: MockScormCloud) -> None:
    async def scenario() -> int:
        async with httpx.AsyncClient(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as http:
            started = await http.post(
                "/courses/importJobs/upload",
                params={"courseId": "golf"},
                files={"file": ("golf.zip", (PACKAGES / GOLF).read_bytes())},
            )
            job_id = started.json()["result"]
            while (await http.get(f"/courses/importJobs/{job_id}")).json()[
                "status"
            ] == "RUNNING":
                pass
            return (await http.get("/courses/golf")).status_code

    assert asyncio.run(scenario()) == 200


def test_concurrent_launches_number_instances_without_gaps(
    mock: MockScormCloud, http: httpx.Client
) -> None:
    import_course(http, "golf", GOLF)
    create_registration(http, "r1", "golf")
    policy = "WHEN_EXISTING_REG_IS_INCOMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS"
    setting = {"settingId": "WhenToRestartRegistration", "value": policy}
    http.post("/courses/golf/configuration", json={"settings": [setting]})
    versions = 4
    links = []
    for _ in range(versions):
        import_course(http, "golf", GOLF, new_version=True)
        links.append(
            http.post("/registrations/r1/launchLink", json={}).json()["launchLink"]
        )

    threads = [threading.Thread(target=http.get, args=(link,)) for link in links * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    numbers = [
        i["instance"]
        for i in http.get("/registrations/r1/instances").json()["registrations"]
    ]
    # Each launch sees the newest version, so at most one move happens in total.
    assert numbers == [0, 1]
