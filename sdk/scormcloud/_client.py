"""The synchronous client."""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType

import httpx

from ._base_client import DEFAULT_TIMEOUT, BaseClient, Files
from .resources.courses import Courses
from .resources.registrations import Registrations


class ScormCloud(BaseClient):
    """Client for the SCORM Cloud REST API v2.

    Credentials and the base URL not passed as arguments are read from the
    environment variables `SCORMCLOUD_APP_ID`, `SCORMCLOUD_SECRET_KEY` and
    `SCORMCLOUD_BASE_URL` when the client is built.

    Use it as a context manager, or call `close()` when done:

        with ScormCloud(app_id="...", secret_key="...") as client:
            course = client.courses.get("golf-explained")

    Attributes:
        courses: Course imports, versions and configuration.
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

        Raises:
            MissingCredentialsError: No app id or secret key was found.
            ValueError: Both `transport` and `http_client` were given.
        """
        if transport is not None and http_client is not None:
            raise ValueError("pass either transport or http_client, not both")
        super().__init__(
            app_id=app_id, secret_key=secret_key, base_url=base_url, timeout=timeout
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(transport=transport)
        self.courses = Courses(self)
        self.registrations = Registrations(self)

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

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: object = None,
        files: Files | None = None,
    ) -> httpx.Response:
        """Send one request; return the response or raise its typed error."""
        request = self._build_request(
            self._http, method, path, params=params, json=json, files=files
        )
        try:
            response = self._http.send(request, auth=self._auth)
        except httpx.TransportError as error:
            raise self._connection_error(error, request) from error
        return self._check_response(response)
