"""GET /courses: filters, order, ``more`` pages and the total count header."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from course_zips import import_tiny
from mock_http import BASE_URL

from scormcloud_mock import MockScormCloud


@pytest.fixture
def paged() -> Iterator[tuple[MockScormCloud, httpx.Client]]:
    with MockScormCloud(import_job_running_polls=0, page_size=2) as mock:
        transport = mock.transport()
        with httpx.Client(base_url=BASE_URL, transport=transport, auth=("a", "b")) as h:
            yield mock, h


def import_spaced(mock: MockScormCloud, http: httpx.Client, *ids: str) -> None:
    """Import courses one minute apart, so dates order them."""
    for course_id in ids:
        import_tiny(http, course_id, title=f"Title {course_id}")
        mock.clock.advance(60)


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [course["id"] for course in response.json()["courses"]]


def test_pages_follow_more_tokens_and_keep_the_filters(paged) -> None:  # type: ignore[no-untyped-def]
    mock, http = paged
    import_spaced(mock, http, "a", "b", "c", "d", "e")
    http.put("/courses/tags", json={"ids": ["a", "c", "d"], "tags": ["x"]})

    first = http.get(
        "/courses",
        params={"tags": "x", "orderBy": "created_asc", "includeTotalCount": "true"},
    )
    assert ids(first) == ["a", "c"]
    assert first.headers["X-Total-Count"] == "3"
    token = first.json()["more"]

    second = http.get("/courses", params={"more": token, "includeTotalCount": "true"})
    assert ids(second) == ["d"]
    assert "more" not in second.json()
    # The count is sent on the first page only.
    assert "X-Total-Count" not in second.headers


def test_filters_with_more_are_refused(paged) -> None:  # type: ignore[no-untyped-def]
    mock, http = paged
    import_spaced(mock, http, "a", "b", "c")
    token = http.get("/courses").json()["more"]

    response = http.get("/courses", params={"more": token, "tags": "x"})

    assert response.status_code == 400
    assert response.json() == {
        "message": "No other filter parameters can be sent with 'more' (got tags)"
    }


def test_a_forged_token_is_400(http: httpx.Client) -> None:
    response = http.get("/courses", params={"more": "not-a-token"})

    assert response.status_code == 400
    assert response.json() == {"message": "'not-a-token' is not a valid 'more' token"}


def test_default_order_is_newest_created_first(paged) -> None:  # type: ignore[no-untyped-def]
    mock, http = paged
    import_spaced(mock, http, "a", "b", "c")

    page = http.get("/courses")

    assert ids(page) == ["c", "b"]
    assert ids(http.get("/courses", params={"more": page.json()["more"]})) == ["a"]


@pytest.mark.parametrize(
    ("order_by", "expected"),
    [
        ("created_asc", ["b1", "a2"]),
        ("title_asc", ["a2", "b1"]),
        ("title_desc", ["b1", "a2"]),
        ("updated_desc", ["a2", "b1"]),
    ],
)
def test_order_by(
    mock: MockScormCloud, http: httpx.Client, order_by: str, expected: list[str]
) -> None:
    import_spaced(mock, http, "b1", "a2")

    assert ids(http.get("/courses", params={"orderBy": order_by})) == expected


def test_since_until_and_datetime_filter(
    mock: MockScormCloud, http: httpx.Client
) -> None:
    import_spaced(mock, http, "old", "new")
    new = http.get("/courses/new").json()

    since_new = {"since": new["created"], "datetimeFilter": "created"}
    until_old = {"until": http.get("/courses/old").json()["updated"]}

    assert ids(http.get("/courses", params=since_new)) == ["new"]
    assert ids(http.get("/courses", params=until_old)) == ["old"]


def test_filter_by_id_and_title(mock: MockScormCloud, http: httpx.Client) -> None:
    import_tiny(http, "golf-basics", title="Putting")
    import_tiny(http, "tennis", title="Golf for tennis players")

    by_id = http.get("/courses", params={"filter": "GOLF"})
    by_title = http.get(
        "/courses", params={"filter": "golf", "filterBy": "course_title"}
    )

    assert ids(by_id) == ["golf-basics"]
    assert ids(by_title) == ["tennis"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"since": "yesterday"},
            "'yesterday' is either not a timestamp or seems to be not formatted "
            "according to ISO 8601",
        ),
        (
            {"orderBy": "size"},
            "'size' is not a valid value for orderBy (created_asc, created_desc, "
            "updated_asc, updated_desc, title_asc, title_desc)",
        ),
        (
            {"filterBy": "tags"},
            "'tags' is not a valid value for filterBy (course_id, course_title)",
        ),
    ],
)
def test_bad_list_parameters_are_400(
    http: httpx.Client, params: dict[str, str], message: str
) -> None:
    response = http.get("/courses", params=params)

    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_include_flags_add_metadata_and_registration_count(http: httpx.Client) -> None:
    import_tiny(http, "golf", title="Golf")
    params = {"includeCourseMetadata": "true", "includeRegistrationCount": "true"}

    listed = http.get("/courses", params=params).json()["courses"][0]
    single = http.get("/courses/golf", params=params).json()
    plain = http.get("/courses/golf").json()

    assert listed == single
    assert single["metadata"]["title"] == "Golf"
    assert single["registrationCount"] == 0
    assert "metadata" not in plain and "registrationCount" not in plain
