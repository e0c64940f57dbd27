"""client.courses list, title, tags, version delete and zips on the wire."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sdk_fakes import FakeService, json_of, path_of, query_of

from scormcloud import NotFoundError, ScormCloud, ScormCloudError


def course(course_id: str) -> dict[str, object]:
    return {"id": course_id, "version": 0}


def test_list_is_lazy_and_follows_more_with_the_token_alone(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"courses": [course("a"), course("b")], "more": "t1"})
    service.reply(json={"courses": [course("c")]})

    courses = client.courses.list(
        tags=["x", "y"],
        since=datetime(2024, 1, 2, 3, 4, 5),
        order_by="title_asc",
        include_registration_count=True,
    )
    assert service.requests == []
    assert [c.id for c in courses] == ["a", "b", "c"]

    first, second = service.requests
    assert path_of(first) == "/api/v2/courses"
    assert query_of(first) == {
        "tags": "x,y",
        "since": "2024-01-02T03:04:05Z",
        "orderBy": "title_asc",
        "includeRegistrationCount": "true",
    }
    assert query_of(second) == {"more": "t1", "includeRegistrationCount": "true"}


def test_list_stops_on_a_repeated_token(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(json={"courses": [], "more": "t1"})
    service.reply(json={"courses": [], "more": "t1"})

    with pytest.raises(ScormCloudError, match="repeated page token"):
        list(client.courses.list())


def test_list_page_reads_the_total_count_header(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(
        json={"courses": [course("a")], "more": "t1"}, headers={"X-Total-Count": "7"}
    )

    page = client.courses.list_page(
        until=datetime(2024, 1, 1, tzinfo=timezone.utc),
        datetime_filter="created",
        filter="golf",
        filter_by="course_title",
        include_total_count=True,
    )

    assert (page.total_count, page.more) == (7, "t1")
    assert query_of(service.last) == {
        "until": "2024-01-01T00:00:00Z",
        "datetimeFilter": "created",
        "filter": "golf",
        "filterBy": "course_title",
        "includeTotalCount": "true",
    }


def test_list_page_refuses_filters_with_more(client: ScormCloud) -> None:
    with pytest.raises(ValueError, match="more cannot be combined"):
        client.courses.list_page(more="t1", tags=["x"])


def test_set_title_and_tags(client: ScormCloud, service: FakeService) -> None:
    for _ in range(4):
        service.reply(204)
    service.reply(json={"tags": ["a", "b"]})

    client.courses.set_title("golf/1", "New title")
    client.courses.tags.add("golf/1", ["a", "b"])
    client.courses.tags.remove("golf/1", ["c"])
    client.courses.tags.add_to_courses(["golf/1", "tennis"], ["z"])
    tags = client.courses.tags.list("golf/1")

    calls = [
        (r.method, path_of(r), json_of(r) if r.content else None)
        for r in service.requests
    ]
    assert calls == [
        ("PUT", "/api/v2/courses/golf%2F1/title", {"title": "New title"}),
        ("PUT", "/api/v2/courses/golf%2F1/tags", {"tags": ["a", "b"]}),
        ("DELETE", "/api/v2/courses/golf%2F1/tags", {"tags": ["c"]}),
        ("PUT", "/api/v2/courses/tags", {"ids": ["golf/1", "tennis"], "tags": ["z"]}),
        ("GET", "/api/v2/courses/golf%2F1/tags", None),
    ]
    assert tags == ["a", "b"]


def test_a_string_is_not_a_tag_list(client: ScormCloud) -> None:
    with pytest.raises(TypeError):
        client.courses.tags.add("golf", "abc")


def test_delete_version(client: ScormCloud, service: FakeService) -> None:
    service.reply(204)

    client.courses.versions.delete("golf", 2)

    assert (service.last.method, path_of(service.last)) == (
        "DELETE",
        "/api/v2/courses/golf/versions/2",
    )


def test_zips_stream_to_a_path_or_a_file(
    client: ScormCloud, service: FakeService, tmp_path: Path
) -> None:
    body = b"PK\x03\x04" + bytes(200_000)
    service.reply(content=body, headers={"Content-Type": "application/zip"})
    service.reply(content=body, headers={"Content-Type": "application/zip"})

    written = client.courses.download_zip("golf", tmp_path / "golf.zip")
    buffer = io.BytesIO()
    client.courses.versions.download_zip("golf", 1, buffer)

    assert written == len(body)
    assert (tmp_path / "golf.zip").read_bytes() == body == buffer.getvalue()
    assert [path_of(r) for r in service.requests] == [
        "/api/v2/courses/golf/zip",
        "/api/v2/courses/golf/versions/1/zip",
    ]


def test_a_failed_download_raises_and_writes_nothing(
    client: ScormCloud, service: FakeService, tmp_path: Path
) -> None:
    service.reply(404, json={"message": "Course ID 'golf' does not exist"})

    with pytest.raises(NotFoundError, match="does not exist"):
        client.courses.download_zip("golf", tmp_path / "golf.zip")

    assert not (tmp_path / "golf.zip").exists()
