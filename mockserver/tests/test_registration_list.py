"""GET /registrations: filters, order, ``more`` pages and X-Total-Count."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mock_http import BASE_URL, create_registration, import_course

from scormcloud_mock import MockScormCloud

GOLF = "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_12 = "golf_scorm12_runtime_basic_calls.zip"


@pytest.fixture
def paged() -> Iterator[tuple[MockScormCloud, httpx.Client]]:
    """A mock with pages of two, holding five registrations on two courses."""
    with MockScormCloud(import_job_running_polls=0, page_size=2) as mock:
        with httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as http:
            import_course(http, "golf", GOLF)
            import_course(http, "golf12", GOLF_12)
            for number in range(5):
                course = "golf" if number % 2 == 0 else "golf12"
                body: dict[str, Any] = {"registrationTags": [f"t{number}"]}
                create_registration(http, f"r{number}", course, **body)
                mock.clock.advance(10)
            yield mock, http


def ids(response: httpx.Response) -> list[str]:
    return [r["id"] for r in response.json()["registrations"]]


def test_pages_follow_the_more_token_with_the_first_filters(
    paged: tuple[MockScormCloud, httpx.Client],
) -> None:
    _, http = paged
    first = http.get("/registrations", params={"orderBy": "created_asc"})
    token = first.json()["more"]
    second = http.get("/registrations", params={"more": token})
    third = http.get("/registrations", params={"more": second.json()["more"]})

    assert ids(first) == ["r0", "r1"]
    assert ids(second) == ["r2", "r3"]
    assert ids(third) == ["r4"]
    assert "more" not in third.json()
    assert "x-total-count" not in first.headers


def test_total_count_is_on_the_first_page_only(
    paged: tuple[MockScormCloud, httpx.Client],
) -> None:
    _, http = paged
    first = http.get(
        "/registrations", params={"courseId": "golf", "includeTotalCount": "true"}
    )
    second = http.get(
        "/registrations",
        params={"more": first.json()["more"], "includeTotalCount": "true"},
    )

    assert first.headers["X-Total-Count"] == "3"
    assert ids(first) == ["r4", "r2"]  # created_desc is the default order
    assert "x-total-count" not in second.headers
    assert ids(second) == ["r0"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"learnerId": "learner-1", "orderBy": "created_asc"}, ["r0", "r1"]),
        ({"tags": "t1,t3"}, ["r3", "r1"]),
        ({"filter": "R2"}, ["r2"]),
        ({"filter": "golf12", "filterBy": "course_id"}, ["r3", "r1"]),
        ({"filter": "Basic Calls", "filterBy": "course_title"}, ["r4", "r3"]),
        ({"filter": "ada", "filterBy": "learner_first_name"}, ["r4", "r3"]),
    ],
)
def test_filters(
    paged: tuple[MockScormCloud, httpx.Client],
    params: dict[str, str],
    expected: list[str],
) -> None:
    _, http = paged
    assert ids(http.get("/registrations", params=params)) == expected


def test_since_and_until_are_inclusive_on_the_created_date(
    paged: tuple[MockScormCloud, httpx.Client],
) -> None:
    _, http = paged
    every = http.get("/registrations", params={"orderBy": "created_asc"})
    created = {r["id"]: r["createdDate"] for r in _all(http, every)}

    window = http.get(
        "/registrations",
        params={"since": created["r1"], "until": created["r2"]},
    )
    assert ids(window) == ["r2", "r1"]


def test_updated_filter_follows_runtime_changes(
    paged: tuple[MockScormCloud, httpx.Client],
) -> None:
    mock, http = paged
    mock.clock.advance(60)
    mock.commit_runtime("r0", {"cmi.completion_status": "incomplete"})
    latest = http.get("/registrations", params={"orderBy": "updated_desc"})
    assert ids(latest)[0] == "r0"


def _all(http: httpx.Client, first: httpx.Response) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = list(first.json()["registrations"])
    body = first.json()
    while "more" in body:
        body = http.get("/registrations", params={"more": body["more"]}).json()
        found += body["registrations"]
    return found


@pytest.mark.parametrize(
    "params",
    [
        {"orderBy": "title_sideways"},
        {"filterBy": "shoe_size"},
        {"datetimeFilter": "launched"},
        {"since": "yesterday"},
        {"more": "not-a-token"},
        {"more": "eyJ4IjoxfQ", "courseId": "golf"},
    ],
)
def test_bad_list_parameters_are_400(
    paged: tuple[MockScormCloud, httpx.Client], params: dict[str, str]
) -> None:
    _, http = paged
    response = http.get("/registrations", params=params)
    assert response.status_code == 400
    assert set(response.json()) == {"message"}


def test_detail_flags_add_activity_details_to_each_registration(
    paged: tuple[MockScormCloud, httpx.Client],
) -> None:
    _, http = paged
    plain = http.get("/registrations").json()["registrations"][0]
    detailed = http.get(
        "/registrations", params={"includeChildResults": "true"}
    ).json()["registrations"][0]

    assert "activityDetails" not in plain
    assert [c["id"] for c in detailed["activityDetails"]["children"]] == ["item_1"]
