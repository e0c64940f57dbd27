"""Bearer authentication with OAuth tokens that the client fetches and renews.

With ``ScormCloud(oauth_scopes=[...])`` the client trades its app id and secret key
for a token carrying just those scopes (``POST /oauth/authenticate/application/token``),
sends that token instead of the secret, and fetches a new one shortly before it
expires, or once when the service answers 401 to a token it issued.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Sequence

import httpx

from ._exceptions import make_status_error

TOKEN_PATH = "/oauth/authenticate/application/token"


class OAuthTokenAuth(httpx.Auth):
    """An httpx auth flow: fetch a token when needed, then send it as a bearer."""

    requires_response_body = True

    def __init__(
        self,
        *,
        basic: httpx.BasicAuth,
        token_url: str,
        scopes: Sequence[str],
        lifetime: int = 300,
        renew_before: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._basic = basic
        self._token_url = token_url
        self._scope = " ".join(scopes)
        self._lifetime = lifetime
        self._renew_before = min(renew_before, lifetime / 2)
        self._clock = clock
        # One lock per client kind: a sync client's threads, an async one's tasks.
        self._lock = threading.Lock()
        self._async_lock = asyncio.Lock()
        self._token: str | None = None
        self._expires_at = 0.0

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        with self._lock:
            if self._needs_renewal():
                reply = yield self._token_request()
                reply.read()
                self._accept(reply)
            token = self._token

        response = yield self._with_bearer(request, token)
        if response.status_code != 401:
            return

        # The service may drop a token early; fetch a new one and try once more.
        with self._lock:
            if self._token == token:
                reply = yield self._token_request()
                reply.read()
                self._accept(reply)
            token = self._token
        yield self._with_bearer(request, token)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        async with self._async_lock:
            if self._needs_renewal():
                reply = yield self._token_request()
                await reply.aread()
                self._accept(reply)
            token = self._token

        response = yield self._with_bearer(request, token)
        if response.status_code != 401:
            return

        # As in `sync_auth_flow`: one new token and one more try after a 401.
        async with self._async_lock:
            if self._token == token:
                reply = yield self._token_request()
                await reply.aread()
                self._accept(reply)
            token = self._token
        yield self._with_bearer(request, token)

    def _needs_renewal(self) -> bool:
        return self._token is None or self._clock() >= self._expires_at

    def _token_request(self) -> httpx.Request:
        form = {"scope": self._scope, "expiration": str(self._lifetime)}
        request = httpx.Request("POST", self._token_url, data=form)
        return next(self._basic.auth_flow(request))

    def _accept(self, response: httpx.Response) -> None:
        """Store the token from a read token response; raise its error if any."""
        if not response.is_success:
            raise make_status_error(response)
        payload = response.json()
        expires_in = float(payload.get("expires_in", self._lifetime))
        self._token = str(payload["access_token"])
        self._expires_at = self._clock() + expires_in - self._renew_before

    @staticmethod
    def _with_bearer(request: httpx.Request, token: str | None) -> httpx.Request:
        request.headers["Authorization"] = f"Bearer {token}"
        return request


class BearerTokenAuth(httpx.Auth):
    """A token obtained elsewhere, sent as is; it is not renewed."""

    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request
