"""Answers the SDK cannot read become typed errors, never raw library exceptions."""

from __future__ import annotations

import gzip

import httpx
import pytest
from sdk_fakes import FakeService

from scormcloud import APIResponseValidationError, ScormCloud, ScormCloudError


@pytest.mark.parametrize(
    "reply",
    [
        {"content": b"<html>maintenance</html>"},
        {"content": b""},
        {"json": ["not", "an", "object"]},
        {"json": {"id": "golf", "version": "seven"}},
        {"content": b'{"id": "golf", "version": ' + b"1" * 5000 + b"}"},
        {"content": b'{"id": ' + b"[" * 5000 + b"]" * 5000 + b"}"},
    ],
    ids=["html", "empty", "list", "wrong type", "huge number", "deep nesting"],
)
def test_an_unreadable_200_is_a_response_validation_error(
    client: ScormCloud, service: FakeService, reply: dict[str, object]
) -> None:
    service.reply(200, **reply)  # type: ignore[arg-type]

    with pytest.raises(APIResponseValidationError) as caught:
        client.courses.get("golf")

    assert caught.value.status_code == 200
    assert "GET /api/v2/courses/golf" in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


def test_missing_required_fields_are_a_response_validation_error(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(200, json={"unexpected": True})
    with pytest.raises(APIResponseValidationError):
        client.registrations.launch_link("r1")


def test_a_body_that_does_not_match_its_encoding_is_typed() -> None:
    def corrupt(request: httpx.Request) -> httpx.Response:
        stream = httpx.ByteStream(b"not gzip at all")
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=stream)

    client = ScormCloud(
        app_id="a", secret_key="b", transport=httpx.MockTransport(corrupt)
    )
    with pytest.raises(APIResponseValidationError):
        client.courses.get("golf")


def test_a_deeply_nested_error_body_still_gives_a_typed_status_error(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(400, content=b"[" * 100_000)
    with pytest.raises(ScormCloudError) as caught:
        client.courses.get("golf")
    assert getattr(caught.value, "status_code", None) == 400


def test_gzip_bodies_that_are_fine_still_parse(
    client: ScormCloud, service: FakeService
) -> None:
    body = gzip.compress(b'{"id": "golf", "version": 2}')
    service.reply(200, content=body, headers={"Content-Encoding": "gzip"})
    assert client.courses.get("golf").version == 2


@pytest.mark.parametrize(("course_id", "segment"), [(".", "%2E"), ("..", "%2E%2E")])
def test_dot_ids_stay_one_path_segment(
    client: ScormCloud, service: FakeService, course_id: str, segment: str
) -> None:
    service.reply(200, json={"id": course_id, "version": 0})
    client.courses.get(course_id)
    assert service.requests[-1].url.raw_path == f"/api/v2/courses/{segment}".encode()


def test_sdk_and_httpx_agree_on_dot_segments() -> None:
    # The reason for the special case: httpx removes literal dot segments.
    assert httpx.Request("GET", "https://h/a/..").url.raw_path == b"/"
