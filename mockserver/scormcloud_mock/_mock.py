"""``MockScormCloud``: one self-contained mock, with its own state and files."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path
from types import TracebackType

from scormcloud import ScormCloud

from ._app import MockApplication
from ._backend import Backend, BackendOptions
from ._clock import Clock
from ._server import MockServer
from ._transport import MockTransport

DEFAULT_BASE_URL = "https://cloud.scorm.com/api/v2"


class MockScormCloud:
    """A stateful stand-in for SCORM Cloud's REST API v2.

    Each instance owns its state and a temporary directory for course files; nothing is
    shared between instances. Use it through :meth:`transport` (in-process, no
    network), :meth:`client` (a ready :class:`scormcloud.ScormCloud`) or :meth:`serve`
    (a real HTTP server on loopback).

    Args:
        app_id: With ``secret_key``, the only credentials accepted. Without them any
            basic-auth credentials are accepted (but some must be sent).
        secret_key: See ``app_id``.
        import_job_running_polls: How many status reads an import job stays RUNNING.
        restart_requires_completion: Whether "When Failed" and "When Passed" restarts
            also require the registration to be complete (SCORM Cloud's wording).
    """

    def __init__(
        self,
        *,
        app_id: str | None = None,
        secret_key: str | None = None,
        import_job_running_polls: int = 1,
        restart_requires_completion: bool = True,
    ) -> None:
        if (app_id is None) != (secret_key is None):
            raise ValueError("give both app_id and secret_key, or neither")
        self.app_id = app_id
        self.secret_key = secret_key
        self.clock = Clock()

        files = Path(tempfile.mkdtemp(prefix="scormcloud-mock-"))
        # Removes the files when the mock is closed or garbage-collected.
        self._cleanup = weakref.finalize(self, shutil.rmtree, files, True)
        options = BackendOptions(
            import_job_running_polls=import_job_running_polls,
            restart_requires_completion=restart_requires_completion,
        )
        self.backend = Backend(files, clock=self.clock, options=options)
        credentials = None if app_id is None else (app_id, secret_key or "")
        self.app = MockApplication(self.backend, credentials=credentials)

    def transport(self) -> MockTransport:
        """An httpx transport (sync and async) answered by this mock."""
        return MockTransport(self.app)

    def client(self, *, base_url: str = DEFAULT_BASE_URL) -> ScormCloud:
        """A :class:`scormcloud.ScormCloud` whose requests this mock answers."""
        return ScormCloud(
            app_id=self.app_id or "mock-app-id",
            secret_key=self.secret_key or "mock-secret-key",
            base_url=base_url,
            transport=self.transport(),
        )

    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> MockServer:
        """Start a threaded HTTP server for this mock; stop it when done."""
        server = MockServer(self.app, host=host, port=port)
        server.start()
        return server

    def reset(self) -> None:
        """Forget all courses, jobs, registrations and files."""
        self.backend.reset()

    def close(self) -> None:
        """Delete the mock's files; calling it again does nothing."""
        self._cleanup()

    def __enter__(self) -> MockScormCloud:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
