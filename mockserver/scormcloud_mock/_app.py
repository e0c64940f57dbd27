"""The mock as a WSGI application: authorisation, routing and error bodies.

Paths are matched on the raw (still percent-encoded) request path, so a course id that
contains ``/`` stays one path segment. Everything in front of ``/api/v2`` is treated as
a prefix, which lets the mock sit behind a base URL such as ``http://host/lms/api/v2``.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.wrappers import Request, Response

from . import _mock_api
from ._backend import Backend
from ._errors import AuthorizationRequiredError, MockError, NotImplementedByMockError
from ._http import Call, json_response
from ._routes import API_ROUTES

logger = logging.getLogger(__name__)

API_MOUNT = ("api", "v2")
MOCK_MOUNT = "__mock__"

StartResponse = Callable[..., Any]


class MockApplication:
    """Serves one backend; checks basic auth when credentials are configured."""

    def __init__(
        self, backend: Backend, *, credentials: tuple[str, str] | None = None
    ) -> None:
        self.backend = backend
        self.credentials = credentials
        self._api = API_ROUTES.bind("mock")

    def __call__(
        self, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        request = Request(environ)
        try:
            response = self.respond(request)
        finally:
            # Uploaded files are spooled to temporary files; release them now.
            request.close()
        logger.debug("%s %s -> %d", request.method, request.path, response.status_code)
        return response(environ, start_response)

    def respond(self, request: Request) -> Response:
        segments = _raw_path(request).split("/")
        try:
            return self._dispatch(request, segments)
        except MockError as error:
            return json_response(error.body(), error.status)

    def _dispatch(self, request: Request, segments: list[str]) -> Response:
        api_at = _find(segments, API_MOUNT)
        if api_at is not None:
            self._authorize(request)
            prefix, rest = segments[:api_at], segments[api_at + len(API_MOUNT) :]
            return self._call_api(request, prefix, rest)

        mock_at = _find(segments, (MOCK_MOUNT,))
        if mock_at is not None:
            return self._call_mock(request, segments[mock_at + 1 :])
        raise NotImplementedByMockError(request.method, request.path)

    def _call_api(
        self, request: Request, prefix: list[str], rest: list[str]
    ) -> Response:
        try:
            handler, values = self._api.match("/" + "/".join(rest), request.method)
        except (NotFound, MethodNotAllowed):
            raise NotImplementedByMockError(request.method, request.path) from None

        site_root = request.host_url.rstrip("/") + "/".join(prefix)
        call = Call(request=request, backend=self.backend, site_root=site_root)
        arguments = {name: unquote(value) for name, value in values.items()}
        response: Response = handler(call, **arguments)
        return response

    def _call_mock(self, request: Request, rest: list[str]) -> Response:
        if len(rest) == 2 and rest[0] == "launch" and request.method == "GET":
            return _mock_api.launch(request, self.backend, unquote(rest[1]))
        if rest == ["reset"] and request.method == "POST":
            return _mock_api.reset(request, self.backend)
        raise NotImplementedByMockError(request.method, request.path)

    def _authorize(self, request: Request) -> None:
        auth = request.authorization
        if auth is None or auth.type != "basic":
            raise AuthorizationRequiredError()
        if self.credentials is None:
            return
        app_id, secret_key = self.credentials
        # Compare in constant time; the secret is a password.
        same_id = secrets.compare_digest(_utf8(auth.username), _utf8(app_id))
        same_key = secrets.compare_digest(_utf8(auth.password), _utf8(secret_key))
        if not (same_id and same_key):
            raise AuthorizationRequiredError()


def _utf8(text: str | None) -> bytes:
    return (text or "").encode("utf-8")


def _raw_path(request: Request) -> str:
    """The request path before percent-decoding, query string removed."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI")
    if not raw:
        return quote(request.path)
    return urlsplit(raw).path


def _find(segments: list[str], mount: tuple[str, ...]) -> int | None:
    width = len(mount)
    for index in range(len(segments) - width + 1):
        if tuple(segments[index : index + width]) == mount:
            return index
    return None
