"""Malformed requests get a 4xx in SCORM Cloud's error shape and change nothing."""

from __future__ import annotations

import httpx
import pytest
from mock_http import create_registration, import_course

from scormcloud_mock import MockScormCloud

JSON = {"content-type": "application/json"}


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"expiry": ' + b"1" * 5000 + b"}",
        b'{"score": {"scaled": NaN}}',
        b'{"score": {"scaled": Infinity}}',
        b"\xff\xfe",
    ],
    ids=["deep", "huge int", "NaN", "Infinity", "bad utf-8"],
)
def test_json_the_service_would_not_accept_is_400(
    http: httpx.Client, body: bytes
) -> None:
    response = http.post("/registrations", content=body, headers=JSON)
    assert response.status_code == 400
    assert response.json()["message"].startswith("Request body is not valid JSON")


@pytest.mark.parametrize("value", [" 1", "1_0", "+0", "0x1", "99999999999999999999"])
def test_integers_in_paths_and_queries_parse_strictly(
    http: httpx.Client, value: str
) -> None:
    import_course(http, "golf", "golf_scorm12_runtime_basic_calls.zip")
    response = http.get(f"/courses/golf/versions/{value}")
    assert response.status_code == 400
    assert "is not a valid integer" in response.json()["message"]


def test_echoed_values_are_shortened(http: httpx.Client) -> None:
    response = http.get("/courses/golf/versions/" + "9" * 5000)
    assert len(response.json()["message"]) < 200


def test_a_streamed_upload_without_content_length_is_read(mock: MockScormCloud) -> None:
    from mock_http import BASE_URL, PACKAGES

    package = (PACKAGES / "golf_scorm12_runtime_basic_calls.zip").read_bytes()
    boundary = "streamboundary"
    parts = [
        f"--{boundary}\r\n".encode(),
        b'Content-Disposition: form-data; name="file"; filename="golf.zip"\r\n\r\n',
        package,
        f"\r\n--{boundary}--\r\n".encode(),
    ]

    def chunks():  # type: ignore[no-untyped-def]
        yield from parts

    http = httpx.Client(base_url=BASE_URL, transport=mock.transport(), auth=("a", "b"))
    response = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "streamed"},
        content=chunks(),
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 200, response.text


def test_a_body_shorter_than_announced_is_400(http: httpx.Client) -> None:
    request = http.build_request("POST", "/registrations", content=b"{}", headers=JSON)
    request.headers["content-length"] = "100"
    response = http.send(request)
    assert response.status_code == 400
    assert response.json()["message"]


def test_a_huge_form_field_is_413_in_the_api_shape(http: httpx.Client) -> None:
    response = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "c"},
        files={"file": ("golf.zip", b"PK")},
        data={"contentMetadata": "x" * 600_000},
    )
    assert response.status_code == 413
    assert response.json()["message"]


def test_a_bug_in_the_mock_is_a_json_500_not_a_traceback(
    mock: MockScormCloud, http: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(mock.backend.courses, "get_course", broken)
    response = http.get("/courses/golf")
    assert response.status_code == 500
    assert response.json() == {"message": "The mock failed on GET /api/v2/courses/golf"}


def test_nothing_changes_after_refused_requests(http: httpx.Client) -> None:
    import_course(http, "golf", "golf_scorm12_runtime_basic_calls.zip")
    create_registration(http, "r1", "golf")
    before = (
        http.get("/courses/golf/versions").json(),
        http.get("/registrations/r1").json(),
    )

    http.post("/registrations", content=b"[" * 100_000, headers=JSON)
    http.post("/registrations/r1/launchLink", content=b'{"expiry": NaN}', headers=JSON)
    http.post("/courses/golf/configuration", content=b"{", headers=JSON)

    after = (
        http.get("/courses/golf/versions").json(),
        http.get("/registrations/r1").json(),
    )
    assert after == before


@pytest.mark.parametrize(
    "moment",
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "yesterday"],
)
def test_dates_that_cannot_be_stored_are_400(http: httpx.Client, moment: str) -> None:
    import_course(http, "golf", "golf_scorm12_runtime_basic_calls.zip")
    state = {"firstAccessDate": moment}
    response = create_registration(http, "r1", "golf", initialRegistrationState=state)
    assert response.status_code == 400
    assert http.head("/registrations/r1").status_code == 404


def test_a_naive_date_is_taken_as_utc(http: httpx.Client) -> None:
    import_course(http, "golf", "golf_scorm12_runtime_basic_calls.zip")
    state = {"firstAccessDate": "2024-05-06T07:08:09"}
    create_registration(http, "r1", "golf", initialRegistrationState=state)
    body = http.get("/registrations/r1").json()
    assert body["firstAccessDate"] == "2024-05-06T07:08:09.000Z"


def test_an_old_launch_link_never_opens_a_recreated_registration(
    http: httpx.Client,
) -> None:
    import_course(http, "golf", "golf_scorm12_runtime_basic_calls.zip")
    create_registration(http, "r1", "golf")
    link = http.post("/registrations/r1/launchLink", json={}).json()["launchLink"]
    http.delete("/registrations/r1")
    create_registration(http, "r1", "golf")

    page = http.get(link)

    assert page.status_code == 404
    assert "firstAccessDate" not in http.get("/registrations/r1").json()


def test_controls_need_the_configured_credentials() -> None:
    from mock_http import BASE_URL

    with MockScormCloud(app_id="app", secret_key="secret") as mock:
        root = BASE_URL.removesuffix("/api/v2")
        anonymous = httpx.Client(transport=mock.transport())
        trusted = httpx.Client(transport=mock.transport(), auth=("app", "secret"))

        assert anonymous.post(f"{root}/__mock__/reset").status_code == 401
        assert anonymous.get(f"{root}/__mock__/state").status_code == 401
        assert trusted.post(f"{root}/__mock__/reset").status_code == 200
