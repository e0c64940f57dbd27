"""The parts of a client that do no I/O, shared by the sync and async clients.

That is: reading the configuration, building URLs and requests, and turning
responses and transport failures into SDK errors.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

import httpx

from ._auth import TOKEN_PATH, BearerTokenAuth, OAuthTokenAuth
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    MissingCredentialsError,
    describe_request,
    make_status_error,
)
from ._retries import RetryPolicy
from ._version import __version__

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://cloud.scorm.com/api/v2"
DEFAULT_TIMEOUT = 30.0
APP_ID_ENV = "SCORMCLOUD_APP_ID"
SECRET_KEY_ENV = "SCORMCLOUD_SECRET_KEY"
BASE_URL_ENV = "SCORMCLOUD_BASE_URL"

_HEADERS = {
    "Accept": "application/json",
    "User-Agent": f"scormcloud-python/{__version__}",
}

# What httpx accepts as `files=`; kept loose because its own alias is private.
Files = Mapping[str, Any]


class BaseClient:
    """Configuration, request building and response checking, without I/O."""

    def __init__(
        self,
        *,
        app_id: str | None,
        secret_key: str | None,
        base_url: str | None,
        timeout: float | httpx.Timeout,
        retries: RetryPolicy | int,
        oauth_scopes: Sequence[str] | None = None,
        bearer_token: str | None = None,
    ) -> None:
        self._base_url = _resolve_base_url(base_url)
        self._auth = self._choose_auth(app_id, secret_key, oauth_scopes, bearer_token)
        self._timeout = timeout
        if isinstance(retries, int):
            retries = RetryPolicy(max_retries=retries)
        self._retry_policy = retries

    def _choose_auth(
        self,
        app_id: str | None,
        secret_key: str | None,
        oauth_scopes: Sequence[str] | None,
        bearer_token: str | None,
    ) -> httpx.Auth:
        if bearer_token is not None:
            return BearerTokenAuth(bearer_token)
        basic = httpx.BasicAuth(*_resolve_credentials(app_id, secret_key))
        if not oauth_scopes:
            return basic
        return OAuthTokenAuth(
            basic=basic, token_url=self._base_url + TOKEN_PATH, scopes=oauth_scopes
        )

    @property
    def base_url(self) -> str:
        """The API root every path is appended to, without a trailing slash."""
        return self._base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._base_url!r})"

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = None,
        data: Mapping[str, str] | None = None,
        files: Files | None = None,
    ) -> httpx.Request:
        # Plain concatenation: URL.join would drop the base's last segment.
        return http.build_request(
            method,
            self._base_url + path,
            params=params,
            json=json,
            data=data,
            files=files,
            headers=_HEADERS,
            timeout=self._timeout,
        )

    @staticmethod
    def _retry_key(method: str, files: Files | None) -> str:
        """The method the retry policy judges; an upload is never repeated."""
        # An upload's body is a stream that cannot be sent twice.
        return method if files is None else "upload"

    @contextmanager
    def _transport_errors(self, request: httpx.Request) -> Iterator[None]:
        """Turn httpx's failures while sending `request` into SDK errors."""
        try:
            yield
        except httpx.TransportError as error:
            raise self._connection_error(error, request) from error
        except httpx.DecodingError as error:
            # For example a body whose Content-Encoding does not match its bytes.
            raise APIResponseValidationError(
                request=request, detail=str(error)
            ) from error

    def _check_response(self, response: httpx.Response) -> httpx.Response:
        """Log a read response; raise its typed error unless the status is 2xx."""
        logger.debug(
            "%s -> %d", describe_request(response.request), response.status_code
        )
        if not response.is_success:
            raise make_status_error(response)
        return response

    def _connection_error(
        self, error: httpx.TransportError, request: httpx.Request
    ) -> APIConnectionError:
        logger.debug("%s failed: %r", describe_request(request), error)
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(request=request)
        return APIConnectionError(request=request, detail=type(error).__name__)


def build_path(template: str, **segments: str | int) -> str:
    """Fill a path template such as "/courses/{course_id}" with encoded ids.

    Every id is percent-encoded as a single segment, so ids containing "/",
    ":" or spaces address the right resource.

    Raises:
        ValueError: An id is empty or not a string or int.
    """
    encoded = {
        name: _encode_segment(require_id(name, value))
        for name, value in segments.items()
    }
    return template.format(**encoded)


def _encode_segment(value: str) -> str:
    # "." and ".." would be read as path steps and removed; encode them as data.
    if value in (".", ".."):
        return value.replace(".", "%2E")
    return quote(value, safe="")


def require_id(name: str, value: object) -> str:
    """Return `value` as text; raise ValueError when it cannot be an id."""
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise ValueError(f"{name} must be a non-empty id, got {value!r}")
    return str(value)


def bool_param(value: bool) -> str:
    """Format a boolean query parameter the way the service expects."""
    return "true" if value else "false"


def _resolve_credentials(app_id: str | None, secret_key: str | None) -> tuple[str, str]:
    app_id = app_id or os.environ.get(APP_ID_ENV)
    secret_key = secret_key or os.environ.get(SECRET_KEY_ENV)
    if app_id and secret_key:
        return app_id, secret_key

    missing = [
        f"{argument} (or {variable})"
        for argument, variable, value in (
            ("app_id", APP_ID_ENV, app_id),
            ("secret_key", SECRET_KEY_ENV, secret_key),
        )
        if not value
    ]
    raise MissingCredentialsError(
        "Missing SCORM Cloud credentials: pass " + " and ".join(missing)
    )


def _resolve_base_url(base_url: str | None) -> str:
    return (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
