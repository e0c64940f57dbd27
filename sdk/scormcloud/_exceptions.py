"""Errors raised by the SDK.

Every error derives from `ScormCloudError`:

    ScormCloudError
    ├── MissingCredentialsError       no app id / secret key given or in the environment
    ├── APIConnectionError            the request never got an HTTP answer
    │   └── APITimeoutError
    ├── APIResponseValidationError    a 2xx answer the SDK could not read
    ├── APIStatusError                the service answered with a non-2xx status
    │   ├── BadRequestError           400
    │   │   └── CourseAlreadyExistsError   400 whose message says "already exists"
    │   ├── AuthenticationError       401
    │   ├── PermissionDeniedError     403
    │   ├── NotFoundError             404
    │   ├── ConflictError             409
    │   ├── RateLimitError            429
    │   ├── NotImplementedByServerError    501
    │   └── InternalServerError       any other status >= 500
    ├── ImportFailedError             an import job ended in ERROR
    ├── ImportTimeoutError            waiting for an import job gave up
    └── RepeatedPageTokenError        a list's `more` token came back a second time

Error text is always a single line. Headers and bodies stay on the attributes
(`request`, `response`) and never reach `str()`, so logging an error cannot leak
credentials or learner data.
"""

from __future__ import annotations

import json
from http import HTTPStatus

import httpx

# Non-JSON error bodies (proxy pages, parser traces) are cut to keep messages short.
_RAW_MESSAGE_LIMIT = 200


def reason_phrase(status_code: int) -> str:
    """The standard phrase for a status; servers spell their own differently."""
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "Unknown Status"


class ScormCloudError(Exception):
    """Base class of every error the SDK raises."""


class MissingCredentialsError(ScormCloudError):
    """No app id or secret key was passed and none is set in the environment."""


class APIConnectionError(ScormCloudError):
    """The request failed before any HTTP response arrived."""

    def __init__(self, *, request: httpx.Request, detail: str = "") -> None:
        self.request = request
        text = f"Connection error ({describe_request(request)})"
        super().__init__(f"{text}: {detail}" if detail else text)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__(request=request, detail="request timed out")


class APIStatusError(ScormCloudError):
    """The service answered with an error status.

    Attributes:
        status_code: The HTTP status code.
        message: The service's own error message (or the reason phrase when the
            response had no body).
        request: The request that failed.
        response: The full response, for callers that need headers or the body.
    """

    def __init__(self, *, message: str, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.message = message
        self.request = response.request
        self.response = response
        super().__init__(
            f"{response.status_code} {reason_phrase(response.status_code)}: {message} "
            f"({describe_request(response.request)})"
        )


class APIResponseValidationError(ScormCloudError):
    """The service answered, but not with the body the SDK expected.

    Attributes:
        request: The request that was sent.
        response: The response, when one was received whole.
        status_code: Its status, when there was a response.
    """

    def __init__(
        self,
        *,
        request: httpx.Request,
        detail: str,
        response: httpx.Response | None = None,
    ) -> None:
        self.request = request
        self.response = response
        self.status_code = response.status_code if response is not None else None
        status = f"{self.status_code} " if self.status_code is not None else ""
        super().__init__(
            f"Unexpected {status}response ({describe_request(request)}): "
            f"{_one_line(detail)[:_RAW_MESSAGE_LIMIT]}"
        )


class BadRequestError(APIStatusError):
    """400: the service rejected the request's parameters or body."""


class CourseAlreadyExistsError(BadRequestError):
    """400: an import targeted an existing course without allowing a new version."""


class AuthenticationError(APIStatusError):
    """401: the app id or secret key is wrong or missing."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials lack the permission (or OAuth scope) the call needs."""


class NotFoundError(APIStatusError):
    """404: the course, version, registration or instance does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state of a resource."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class NotImplementedByServerError(APIStatusError):
    """501: the server does not implement this call (the offline mock says so)."""


class InternalServerError(APIStatusError):
    """A status of 500 or above, other than 501."""


class ImportFailedError(ScormCloudError):
    """An import job finished with status ERROR.

    Attributes:
        job_id: The import job's id.
        message: The job's message, when the service gave one.
    """

    def __init__(self, *, job_id: str, message: str | None) -> None:
        self.job_id = job_id
        self.message = message
        super().__init__(
            f"Import job {job_id!r} failed: {message or 'no message from the service'}"
        )


class ImportTimeoutError(ScormCloudError):
    """An import job was still running when the wait gave up.

    Attributes:
        job_id: The import job's id; it may still finish later.
        timeout: The number of seconds waited.
    """

    def __init__(self, *, job_id: str, timeout: float) -> None:
        self.job_id = job_id
        self.timeout = timeout
        super().__init__(f"Import job {job_id!r} still running after {timeout:g} s")


class RepeatedPageTokenError(ScormCloudError):
    """The service sent a `more` token it had already sent for this list.

    Following it would loop forever, so iteration stops here.

    Attributes:
        token: The repeated token.
    """

    def __init__(self, *, token: str) -> None:
        self.token = token
        super().__init__(f"The service repeated page token {token!r}")


_STATUS_ERRORS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
    501: NotImplementedByServerError,
}


def make_status_error(response: httpx.Response) -> APIStatusError:
    """Build the typed error for a non-2xx response whose body has been read."""
    message = error_message(response)
    error_class = _STATUS_ERRORS.get(response.status_code, APIStatusError)
    if error_class is APIStatusError and response.status_code >= 500:
        error_class = InternalServerError

    # The service signals a duplicate course import only through the 400's text.
    if error_class is BadRequestError and "already exists" in message.lower():
        error_class = CourseAlreadyExistsError
    return error_class(message=message, response=response)


def error_message(response: httpx.Response) -> str:
    """Return the service's error message on a single line.

    SCORM Cloud sends `{"message": ...}`, except for 401 which sends
    `{"error": ...}`; anything else is shown as (truncated) text.
    """
    text = response.text.strip()
    if not text:
        return reason_phrase(response.status_code)

    try:
        body = json.loads(text)
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        for key in ("message", "error"):
            if isinstance(body.get(key), str):
                return _one_line(body[key])
    return _one_line(text)[:_RAW_MESSAGE_LIMIT]


def describe_request(request: httpx.Request) -> str:
    """Return `METHOD /path` without the query string, host or credentials."""
    path = request.url.raw_path.decode("ascii", errors="replace").partition("?")[0]
    return f"{request.method} {path}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
