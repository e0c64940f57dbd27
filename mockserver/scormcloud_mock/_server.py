"""The mock as a threaded HTTP server on loopback, for tools that need a real socket."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from types import TracebackType
from typing import IO, Any, cast

from werkzeug.exceptions import BadRequest
from werkzeug.serving import (
    BaseWSGIServer,
    DechunkedInput,
    WSGIRequestHandler,
    make_server,
)

from ._app import MockApplication

logger = logging.getLogger(__name__)


class _Dechunked(DechunkedInput):
    """werkzeug's chunked body reader, whose malformed-chunk OSError is a 400."""

    def readinto(self, buf: bytearray) -> int:  # type: ignore[override]
        try:
            return super().readinto(buf)
        except OSError as error:
            # The client's framing is wrong, not the mock: the app answers 400.
            raise BadRequest(
                f"The chunked request body is malformed: {error}"
            ) from None


class _AccessLog(WSGIRequestHandler):
    """Sends werkzeug's access lines to this module's logger, quiet by default.

    werkzeug would otherwise attach its own coloured stderr handler.
    """

    # Requests refused before the app runs (a header line too long, too many headers,
    # a garbled request line) get the API's JSON error shape, not an HTML page.
    error_content_type = "application/json"
    error_message_format = '{"message": "%(message)s"}'

    def send_error(
        self, code: int, message: str | None = None, explain: str | None = None
    ) -> None:
        # The format is filled with HTML-escaped text; JSON-escape it first, so any
        # echoed request line stays a valid JSON string.
        text = message or self.responses.get(code, ("Bad request",))[0]
        super().send_error(code, json.dumps(text[:200])[1:-1], explain)

    def make_environ(self) -> dict[str, Any]:
        environ = super().make_environ()
        if isinstance(environ["wsgi.input"], DechunkedInput):
            environ["wsgi.input"] = _Dechunked(cast(IO[bytes], self.rfile))
        return environ

    def connection_dropped(
        self, error: BaseException, environ: dict[str, Any] | None = None
    ) -> None:
        # An injected "dropped connection": close at once, so the client sees it.
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def log(self, type: str, message: str, *args: object) -> None:
        level = logging.INFO if type == "info" else logging.WARNING
        logger.log(level, "%s %s", self.address_string(), message % args)


class MockServer:
    """Runs a :class:`MockApplication` in a background thread.

    Binds ``127.0.0.1`` by default; port 0 picks a free port, which :attr:`base_url`
    then reports.
    """

    def __init__(self, app: MockApplication, *, host: str = "127.0.0.1", port: int = 0):
        self._app = app
        self._host = host
        self._port = port
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """The API root, ``http://HOST:PORT/api/v2``."""
        if self._server is None:
            raise RuntimeError("the server is not running; call start() first")
        return f"http://{self._host}:{self._server.server_port}/api/v2"

    def start(self) -> str:
        if self._server is None:
            self._server = make_server(
                self._host,
                self._port,
                self._app,
                threaded=True,
                request_handler=_AccessLog,
            )
            # Daemon: a forgotten server must never keep the interpreter alive.
            self._thread = threading.Thread(
                target=self._server.serve_forever, name="scormcloud-mock", daemon=True
            )
            self._thread.start()
            logger.debug("mock server listening at %s", self.base_url)
        return self.base_url

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (the CLI's mode)."""
        self.start()
        assert self._thread is not None
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving; calling it again does nothing."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> MockServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
