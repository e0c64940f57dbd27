"""The synchronous client."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import TypeVar

import httpx

from ._base_client import DEFAULT_TIMEOUT, BaseClient, Files
from ._resource import PING, Call
from ._retries import RetryPolicy
from .resources.application import Application
from .resources.courses import Courses
from .resources.oauth import OAuth
from .resources.registrations import Registrations

T = TypeVar("T")


class ScormCloud(BaseClient):
    """Client for the SCORM Cloud REST API v2.

    Credentials and the base URL not passed as arguments are read from the
    environment variables `SCORMCLOUD_APP_ID`, `SCORMCLOUD_SECRET_KEY` and
    `SCORMCLOUD_BASE_URL` when the client is built.

    Use it as a context manager, or call `close()` when done:

        with ScormCloud(app_id="...", secret_key="...") as client:
            course = client.courses.get("golf-explained")

    Attributes:
        courses: Course imports, versions, files, tags and configuration.
        application: Application-level configuration.
        registrations: Registrations, their instances and launch links.
    """

    def __init__(
        self,
        *,
        app_id: str | None = None,
        secret_key: str | None = None,
        base_url: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
        retries: RetryPolicy | int = 2,
        oauth_scopes: Sequence[str] | None = None,
        bearer_token: str | None = None,
    ) -> None:
        """Create a client.

        Args:
            app_id: The application id (HTTP basic user name).
            secret_key: The application's secret key (HTTP basic password).
            base_url: The API root, by default `https://cloud.scorm.com/api/v2`.
                A trailing slash and a path prefix are both fine.
            transport: The httpx transport to send requests through, for
                example the offline mock's or `httpx.MockTransport`.
            timeout: Applied to every request, also through `http_client`.
            http_client: A ready-made httpx client, instead of `transport`. It
                stays open when this client is closed; its owner closes it.
            retries: How many times to retry a failed idempotent request
                (connection errors, 408, 429, 5xx other than 501), or a
                `RetryPolicy`. 0 switches retries off.
            oauth_scopes: Send OAuth bearer tokens with these scopes instead of
                the secret key. The client fetches them with its credentials and
                renews them before they expire.
            bearer_token: Send this OAuth token instead of credentials; no app
                id or secret key is needed, and the token is not renewed.

        Raises:
            MissingCredentialsError: No app id or secret key was found.
            ValueError: Both `transport` and `http_client` were given.
        """
        if transport is not None and http_client is not None:
            raise ValueError("pass either transport or http_client, not both")
        super().__init__(
            app_id=app_id,
            secret_key=secret_key,
            base_url=base_url,
            timeout=timeout,
            retries=retries,
            oauth_scopes=oauth_scopes,
            bearer_token=bearer_token,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=transport)
        # Swapped by tests so that retries need no real waiting.
        self._sleep: Callable[[float], None] = time.sleep
        self.courses = Courses(self)
        self.application = Application(self)
        self.registrations = Registrations(self)
        self.oauth = OAuth(self)

    def ping(self) -> str:
        """Check the base URL and credentials; returns the service's message.

        Raises:
            AuthenticationError: The app id or secret key is wrong.
            NotFoundError: Nothing serves the API at the base URL.
        """
        return self._call(PING)

    def close(self) -> None:
        """Close the connections this client opened."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ScormCloud:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _call(self, call: Call[T]) -> T:
        """Send a resource's call and read its answer."""
        response = self._request(
            call.method,
            call.path,
            params=call.params,
            json=call.json,
            data=call.data,
            files=call.files,
        )
        return call.parse(response)

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = None,
        data: Mapping[str, str] | None = None,
        files: Files | None = None,
    ) -> httpx.Response:
        """Send one request; return the response or raise its typed error."""
        request = self._build_request(
            self._http, method, path, params=params, json=json, data=data, files=files
        )
        key = self._retry_key(method, files)
        # One attempt needs no retry loop; skipping it saves time on every call.
        if self._retry_policy.attempts(key) == 1:
            return self._send_once(request)

        retrying = self._retry_policy.retrying(key, self._sleep)
        response: httpx.Response | None = None
        for attempt in retrying:
            with attempt:
                response = self._send_once(request)
        assert response is not None
        return response

    def _send_once(self, request: httpx.Request) -> httpx.Response:
        with self._transport_errors(request):
            response = self._http.send(request, auth=self._auth)
        return self._check_response(response)
