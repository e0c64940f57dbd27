"""The asynchronous client: `ScormCloud`'s twin, with every call awaited."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import TypeVar

import httpx

from ._base_client import DEFAULT_TIMEOUT, BaseClient, Files
from ._resource import PING, Call
from ._retries import RetryPolicy
from .resources.application import AsyncApplication
from .resources.courses import AsyncCourses
from .resources.oauth import AsyncOAuth
from .resources.registrations import AsyncRegistrations

T = TypeVar("T")


class AsyncScormCloud(BaseClient):
    """Asynchronous client for the SCORM Cloud REST API v2.

    It has the options, resources and method names of `ScormCloud`; each call
    is a coroutine returning the same models. Use it as an async context
    manager, or await `aclose()` when done:

        async with AsyncScormCloud(app_id="...", secret_key="...") as client:
            course = await client.courses.get("golf-explained")

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
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        retries: RetryPolicy | int = 2,
        oauth_scopes: Sequence[str] | None = None,
        bearer_token: str | None = None,
    ) -> None:
        """Create a client; the arguments are those of `ScormCloud`.

        Args:
            app_id: The application id, or `SCORMCLOUD_APP_ID`.
            secret_key: The secret key, or `SCORMCLOUD_SECRET_KEY`.
            base_url: The API root, or `SCORMCLOUD_BASE_URL`.
            transport: An async httpx transport, for example the offline
                mock's or `httpx.MockTransport` with an async handler.
            timeout: Applied to every request, also through `http_client`.
            http_client: A ready-made `httpx.AsyncClient`, instead of
                `transport`; its owner closes it.
            retries: Retries of a failed idempotent request, or a `RetryPolicy`.
            oauth_scopes: Send OAuth bearer tokens with these scopes instead
                of the secret key, fetched and renewed by the client.
            bearer_token: Send this OAuth token instead of credentials.

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
        self._http = http_client or httpx.AsyncClient(transport=transport)
        # Swapped by tests so that retries need no real waiting.
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self.courses = AsyncCourses(self)
        self.application = AsyncApplication(self)
        self.registrations = AsyncRegistrations(self)
        self.oauth = AsyncOAuth(self)

    async def ping(self) -> str:
        """Check the base URL and credentials; returns the service's message.

        Raises:
            AuthenticationError: The app id or secret key is wrong.
            NotFoundError: Nothing serves the API at the base URL.
        """
        return await self._call(PING)

    async def aclose(self) -> None:
        """Close the connections this client opened."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> AsyncScormCloud:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def _call(self, call: Call[T]) -> T:
        """Send a resource's call and read its answer."""
        response = await self._request(
            call.method,
            call.path,
            params=call.params,
            json=call.json,
            data=call.data,
            files=call.files,
        )
        return call.parse(response)

    async def _request(
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
            return await self._send_once(request)

        retrying = self._retry_policy.async_retrying(key, self._sleep)
        response: httpx.Response | None = None
        async for attempt in retrying:
            with attempt:
                response = await self._send_once(request)
        assert response is not None
        return response

    async def _send_once(self, request: httpx.Request) -> httpx.Response:
        with self._transport_errors(request):
            response = await self._http.send(request, auth=self._auth)
        return self._check_response(response)
