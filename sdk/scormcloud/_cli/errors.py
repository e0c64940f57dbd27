"""How SDK errors become one-line messages and exit codes.

The exit codes tell apart what a user must fix differently:

| code | meaning |
| ---- | ------- |
| 0 | success |
| 1 | the service refused the request (bad input, failed import, ...) |
| 2 | authentication failed: wrong or missing app id or secret key |
| 3 | no connection: wrong host or port, or the network |
| 4 | the base URL is wrong: nothing answers the API's paths there |
| 5 | the course, version or registration does not exist |
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from .._exceptions import (
    APIConnectionError,
    APIStatusError,
    AuthenticationError,
    MissingCredentialsError,
    NotFoundError,
    ScormCloudError,
)


class CommandError(click.ClickException):
    """The service refused the request; one line on stderr, exit code 1."""

    exit_code = 1


class AuthenticationFailed(CommandError):
    exit_code = 2


class ConnectionFailed(CommandError):
    exit_code = 3


class WrongBaseUrl(CommandError):
    exit_code = 4


class ResourceNotFound(CommandError):
    exit_code = 5


def explain(error: ScormCloudError, base_url: str) -> CommandError:
    """The message and exit code for an SDK error."""
    if isinstance(error, MissingCredentialsError):
        return AuthenticationFailed(str(error))
    if isinstance(error, AuthenticationError):
        return AuthenticationFailed(
            "authentication failed (401): check the app id and secret key"
        )
    if isinstance(error, APIConnectionError):
        return ConnectionFailed(f"connection error: nothing answered at {base_url}")
    if isinstance(error, NotFoundError):
        if _is_service_message(error):
            return ResourceNotFound(f"not found: {error.message}")
        return WrongBaseUrl(
            f"endpoint not found (404): check the base URL {base_url} "
            "(it should end in /api/v2)"
        )
    if isinstance(error, APIStatusError):
        return CommandError(f"refused ({error.status_code}): {error.message}")
    return CommandError(str(error))


def _is_service_message(error: APIStatusError) -> bool:
    """Whether a 404 is SCORM Cloud's JSON answer about a missing resource.

    A wrong base URL reaches some other web page, whose 404 is not the API's
    ``{"message": ...}`` about a course or registration.
    """
    return "application/json" in error.response.headers.get("content-type", "")


@contextmanager
def reported(base_url: str) -> Iterator[None]:
    """Turn SDK errors raised inside the block into a one-line exit."""
    try:
        yield
    except ScormCloudError as error:
        raise explain(error, base_url) from None


def refuse_v1(base_url: str) -> None:
    """The v1 API (``.../api?method=...``) is a different protocol; say so early."""
    legacy = ("method=", "EngineWebServices")
    if any(mark in base_url for mark in legacy) or base_url.rstrip("/").endswith(
        "/api"
    ):
        raise WrongBaseUrl(
            "this looks like a SCORM Cloud v1 API URL; only the REST API v2 "
            "(https://cloud.scorm.com/api/v2) is supported"
        )
