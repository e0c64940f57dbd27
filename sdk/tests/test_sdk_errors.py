"""Status codes and error bodies map onto one typed error tree."""

from __future__ import annotations

import pytest
from sdk_fakes import FakeService

import scormcloud
from scormcloud import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CourseAlreadyExistsError,
    InternalServerError,
    NotFoundError,
    NotImplementedByServerError,
    PermissionDeniedError,
    RateLimitError,
    ScormCloud,
    ScormCloudError,
)


@pytest.mark.parametrize(
    ("status", "body", "error_class", "message"),
    [
        (400, {"message": "Course ID 'x' is invalid"}, BadRequestError, None),
        (401, {"error": "Authorization Required."}, AuthenticationError, None),
        (403, {"message": "Token lacks read:course"}, PermissionDeniedError, None),
        (404, {"message": "Course ID 'x' does not exist"}, NotFoundError, None),
        (409, {"message": "Conflict"}, ConflictError, None),
        (429, {"message": "Slow down"}, RateLimitError, None),
        (500, {"message": "Oops"}, InternalServerError, None),
        (502, {"message": "Bad gateway"}, InternalServerError, None),
        (503, {"message": "Maintenance"}, InternalServerError, None),
        (501, {"message": "not implemented"}, NotImplementedByServerError, None),
        (418, {"message": "teapot"}, APIStatusError, None),
        (404, {"message": "gone", "error": "ignored"}, NotFoundError, "gone"),
    ],
)
def test_status_codes_map_to_error_classes(
    client: ScormCloud,
    service: FakeService,
    status: int,
    body: dict[str, str],
    error_class: type[APIStatusError],
    message: str | None,
) -> None:
    service.reply(status, json=body)

    with pytest.raises(APIStatusError) as caught:
        client.courses.get("x")

    error = caught.value
    assert type(error) is error_class
    assert error.status_code == status
    assert error.message == (message or body.get("message") or body["error"])
    assert error.request is service.last
    assert error.response.status_code == status


def test_not_implemented_is_not_an_internal_server_error() -> None:
    assert not issubclass(NotImplementedByServerError, InternalServerError)


def test_error_text_is_one_line_with_status_message_and_request(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(
        404,
        json={"message": "Registration ID 'x' does not exist", "detail": "body-only"},
        headers={"X-Request-Id": "header-only"},
    )

    with pytest.raises(NotFoundError) as caught:
        client.registrations.get("x")

    assert str(caught.value) == (
        "404 Not Found: Registration ID 'x' does not exist "
        "(GET /api/v2/registrations/x)"
    )
    assert caught.value.response.headers["x-request-id"] == "header-only"


def test_error_text_never_shows_credentials(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(401, json={"error": "Authorization Required."})

    with pytest.raises(AuthenticationError) as caught:
        client.courses.get("c1")

    assert str(caught.value) == (
        "401 Unauthorized: Authorization Required. (GET /api/v2/courses/c1)"
    )
    assert "secret-key" not in repr(caught.value)


def test_non_json_body_becomes_truncated_single_line_text(
    client: ScormCloud, service: FakeService
) -> None:
    page = "<html>\n<body>\n" + "Proxy error " * 50 + "\n</body></html>"
    service.reply(502, content=page.encode(), headers={"Content-Type": "text/html"})

    with pytest.raises(InternalServerError) as caught:
        client.courses.get("c1")

    assert caught.value.message.startswith("<html> <body> Proxy error Proxy error")
    assert len(caught.value.message) == 200
    assert "\n" not in str(caught.value)


def test_json_body_without_a_message_is_shown_as_text(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(400, content=b'["unexpected","shape"]')

    with pytest.raises(BadRequestError) as caught:
        client.courses.get("c1")

    assert caught.value.message == '["unexpected","shape"]'


def test_empty_body_uses_the_reason_phrase(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(503)

    with pytest.raises(InternalServerError) as caught:
        client.courses.get("c1")

    assert caught.value.message == "Service Unavailable"


def test_duplicate_course_import_is_course_already_exists(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(
        400,
        json={
            "message": "A course already exists with the specified id: "
            "ApiCourseId|golf!VersionId|0"
        },
    )

    with pytest.raises(CourseAlreadyExistsError) as caught:
        client.courses.import_package("golf", __file__)

    assert isinstance(caught.value, BadRequestError)
    assert caught.value.message.startswith("A course already exists")


def test_redirects_are_not_followed_but_reported(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(302, headers={"Location": "https://elsewhere.example/"})

    with pytest.raises(APIStatusError) as caught:
        client.courses.get("c1")

    assert type(caught.value) is APIStatusError
    assert len(service.requests) == 1


def test_every_public_error_derives_from_the_base() -> None:
    errors = [
        value
        for value in vars(scormcloud).values()
        if isinstance(value, type) and issubclass(value, Exception)
    ]

    assert len(errors) == 18
    assert all(issubclass(error, ScormCloudError) for error in errors)
