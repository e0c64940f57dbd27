"""The mock as a WSGI application: authorisation, routing and error bodies.

Paths are matched on the raw (still percent-encoded) request path, so a course id that
contains ``/`` stays one path segment. Everything in front of ``/api/v2`` is treated as
a prefix, which lets the mock sit behind a base URL such as ``http://host/lms/api/v2``.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.wrappers import Request, Response

from . import _mock_api
from ._backend import Backend
from ._course_preview import open_preview
from ._errors import AuthorizationRequiredError, MockError, NotImplementedByMockError
from ._faults import DroppedConnection, FaultPlan, faults_endpoint
from ._http import Call, json_response
from ._routes import API_ROUTES

logger = logging.getLogger(__name__)

API_MOUNT = ("api", "v2")
PLAYER_ENDPOINTS = (
    "launch",
    "content",
    "runtime",
    "session",
    "exit",
    "exited",
    "preview",
)
TOKEN_PATHS = ("/appManagement/token", "/oauth/authenticate/application/token")
MOCK_MOUNT = "__mock__"

StartResponse = Callable[..., Any]


class MockApplication:
    """Serves one backend; checks basic auth when credentials are configured."""

    def __init__(
        self,
        backend: Backend,
        *,
        credentials: tuple[str, str] | None = None,
        faults: FaultPlan | None = None,
    ) -> None:
        self.backend = backend
        self.credentials = credentials
        self.faults = faults or FaultPlan()
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
        # Guarded: building request.path for a line nobody reads costs every call.
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %d", request.method, request.path, response.status_code
            )
        return response(environ, start_response)

    def respond(self, request: Request) -> Response:
        segments = _raw_path(request).split("/")
        try:
            return self._dispatch(request, segments)
        except MockError as error:
            return json_response(error.body(), error.status)
        except DroppedConnection:
            raise
        except HTTPException as error:
            # werkzeug's own refusals: form limits, a body shorter than announced.
            status = error.code or 400
            return json_response({"message": error.description or error.name}, status)
        except Exception:
            # A bug in the mock, never the caller's fault: say so in the API's shape.
            logger.exception("unexpected error in %s %s", request.method, request.path)
            message = f"The mock failed on {request.method} {request.path}"
            return json_response({"message": message}, 500)

    def _dispatch(self, request: Request, segments: list[str]) -> Response:
        api_at = _find(segments, API_MOUNT)
        if api_at is not None:
            prefix, rest = segments[:api_at], segments[api_at + len(API_MOUNT) :]
            api_path = "/" + "/".join(rest)
            injected = self._inject_fault(request.method, api_path)
            if injected is not None:
                return injected
            self._authorize(request, api_path)
            return self._call_api(request, prefix, rest)

        mock_at = _find(segments, (MOCK_MOUNT,))
        if mock_at is not None:
            return self._call_mock(request, segments[mock_at + 1 :])

        # Not an API path at all, as when a base URL lacks /api/v2: a plain web 404,
        # like the real host's, rather than an API error.
        return Response(
            f"Not Found: {request.path} is not under /api/v2",
            status=404,
            mimetype="text/plain",
        )

    def _call_api(
        self, request: Request, prefix: list[str], rest: list[str]
    ) -> Response:
        try:
            handler, values = self._api.match("/" + "/".join(rest), request.method)
        except (NotFound, MethodNotAllowed):
            raise NotImplementedByMockError(request.method, request.path) from None

        call = Call(request=request, backend=self.backend, prefix="/".join(prefix))
        arguments = {name: unquote(value) for name, value in values.items()}
        response: Response = handler(call, **arguments)
        return response

    def _call_mock(self, request: Request, rest: list[str]) -> Response:
        endpoint = unquote(rest[0]) if rest else ""
        # Controls change the whole mock: with credentials set, they need them too.
        # The player's own endpoints are reached through a launch id instead.
        if endpoint not in PLAYER_ENDPOINTS and self.credentials is not None:
            self._authorize(request, "/__mock__/" + endpoint)
        if endpoint == "faults" and len(rest) == 1:
            return faults_endpoint(request, self.faults)
        if len(rest) == 2 and endpoint == "preview" and request.method == "GET":
            return open_preview(self.backend, unquote(rest[1]))
        return _mock_api.dispatch(request, self.backend, rest)

    def _inject_fault(self, method: str, api_path: str) -> Response | None:
        """Apply a test's injected fault, like a flaky network or server would."""
        fault = self.faults.take(method, api_path)
        if fault is None:
            return None
        if fault.latency:
            time.sleep(fault.latency)
        if fault.drop:
            raise DroppedConnection(f"fault injected on {method} {api_path}")
        if fault.status is None:
            return None

        message = f"Fault injected by the mock on {method} {api_path}"
        response = json_response({"message": message}, fault.status)
        if fault.retry_after is not None:
            response.headers["Retry-After"] = f"{fault.retry_after:g}"
        return response

    def _authorize(self, request: Request, api_path: str) -> None:
        auth = request.authorization
        # Tokens are issued for basic credentials only, never for another token.
        if auth and auth.type == "bearer" and api_path not in TOKEN_PATHS:
            self._authorize_bearer(request, auth.token or "", api_path)
            return
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

    def _authorize_bearer(self, request: Request, token: str, api_path: str) -> None:
        tokens = self.backend.tokens
        grant = tokens.verify(token, self.backend.clock.now())
        if self.credentials is not None and grant.app_id != self.credentials[0]:
            raise AuthorizationRequiredError()
        tokens.check(grant, request.method, api_path)


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
