"""``MockScormCloud``: one self-contained mock, with its own state and files."""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from scormcloud import AsyncScormCloud, ScormCloud

from . import _simulation as simulation
from ._adapters import attach_responses, attach_respx
from ._app import MockApplication
from ._backend import Backend, BackendOptions
from ._clock import Clock
from ._faults import Fault, FaultPlan
from ._server import MockServer
from ._transport import MockTransport

if TYPE_CHECKING:
    import responses
    import respx

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
        page_size: How many items one page of a list holds (SCORM Cloud: 100).
        faults: Faults to inject from the start (see :class:`Fault`).
        fetch_transport: An httpx transport that answers the URLs the mock is
            asked to fetch (imports and assets from a URL); None fetches them
            from the network.
        data_dir: Keep all state and course files in this folder (created if
            missing), loading what it holds; every change is on disk before the
            call that made it returns. Closing the mock keeps the folder. None: a
            temporary folder, deleted on close.
    """

    def __init__(
        self,
        *,
        app_id: str | None = None,
        secret_key: str | None = None,
        import_job_running_polls: int = 1,
        restart_requires_completion: bool = True,
        page_size: int = 100,
        fetch_transport: httpx.BaseTransport | None = None,
        faults: Sequence[Fault] = (),
        data_dir: str | Path | None = None,
    ) -> None:
        if (app_id is None) != (secret_key is None):
            raise ValueError("give both app_id and secret_key, or neither")
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.app_id = app_id
        self.secret_key = secret_key
        self.clock = Clock()
        self._servers: list[MockServer] = []

        options = BackendOptions(
            import_job_running_polls=import_job_running_polls,
            restart_requires_completion=restart_requires_completion,
            page_size=page_size,
            fetch_transport=fetch_transport,
        )
        files, state_dir = _folders(data_dir)
        self.backend = Backend(
            files, clock=self.clock, options=options, state_dir=state_dir
        )
        # Deletes temporary files, or releases the data folder, when the mock is
        # closed or garbage-collected.
        self._cleanup = weakref.finalize(
            self, _release, self.backend, temporary=state_dir is None
        )
        credentials = None if app_id is None else (app_id, secret_key or "")
        #: Injected faults; change them with ``mock.faults.add(Fault(...))``.
        self.faults = FaultPlan(faults)
        self.app = MockApplication(
            self.backend, credentials=credentials, faults=self.faults
        )

    def transport(self) -> MockTransport:
        """An httpx transport (sync and async) answered by this mock."""
        return MockTransport(self.app)

    def client(
        self, *, base_url: str = DEFAULT_BASE_URL, retries: int = 0
    ) -> ScormCloud:
        """A :class:`scormcloud.ScormCloud` whose requests this mock answers.

        Retries are off by default: against a mock they only hide failures.
        """
        return ScormCloud(
            app_id=self.app_id or "mock-app-id",
            secret_key=self.secret_key or "mock-secret-key",
            base_url=base_url,
            transport=self.transport(),
            retries=retries,
        )

    def async_client(
        self, *, base_url: str = DEFAULT_BASE_URL, retries: int = 0
    ) -> AsyncScormCloud:
        """A :class:`scormcloud.AsyncScormCloud` whose requests this mock answers.

        The same as :meth:`client`, for async code; retries are off by default.
        """
        return AsyncScormCloud(
            app_id=self.app_id or "mock-app-id",
            secret_key=self.secret_key or "mock-secret-key",
            base_url=base_url,
            transport=self.transport(),
            retries=retries,
        )

    def attach_respx(
        self,
        router: respx.MockRouter | respx.Router,
        *,
        base_url: str = DEFAULT_BASE_URL,
    ) -> respx.Route:
        """Serve ``base_url``'s host from this mock inside a respx router.

        Launch links the mock hands out live on the same host, so they are served
        too. Returns the route, whose ``calls`` record every request.
        """
        return attach_respx(self.transport(), router, base_url)

    def attach_responses(
        self, mock: responses.RequestsMock, *, base_url: str = DEFAULT_BASE_URL
    ) -> None:
        """Serve ``requests`` calls to ``base_url``'s host from this mock."""
        attach_responses(self.transport(), mock, base_url)

    def serve(self, *, host: str = "127.0.0.1", port: int = 0) -> MockServer:
        """Start a threaded HTTP server for this mock; stop it when done."""
        server = MockServer(self.app, host=host, port=port)
        server.start()
        self._servers.append(server)
        return server

    def reset(self) -> None:
        """Forget all courses, jobs, registrations and files (in ``data_dir`` too)."""
        self.backend.reset()

    def launch(self, registration_id: str) -> dict[str, Any]:
        """Launch a registration as a learner opening a launch link would.

        The restart rule runs, and the launched SCO starts a session. Returns
        ``instance``, ``courseVersion``, ``restarted``, ``launchId`` and
        ``activityId``.
        """
        return simulation.launch(self.backend, registration_id)

    def commit_runtime(
        self,
        registration_id: str,
        values: Mapping[str, object],
        *,
        instance: int | None = None,
        activity_id: str | None = None,
        terminate: bool = False,
    ) -> dict[str, Any]:
        """Commit CMI values (``{"cmi.core.lesson_status": "passed"}``) as a SCO.

        Goes to the latest instance and its last launched SCO unless told
        otherwise; ``terminate`` ends the SCO's session. Returns the instance's
        progress with full activity details; raises on malformed values.
        """
        return simulation.commit_runtime(
            self.backend,
            registration_id,
            values,
            instance=instance,
            activity_id=activity_id,
            terminate=terminate,
        )

    def dump_state(self) -> dict[str, Any]:
        """Every course and registration the mock holds, as JSON-ready data."""
        return simulation.dump_state(self.backend)

    def close(self) -> None:
        """Stop the servers it started and delete its files; repeatable.

        A mock with a ``data_dir`` keeps it, and lets another mock open it.
        """
        for server in self._servers:
            server.stop()
        self._servers.clear()
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


def _folders(data_dir: str | Path | None) -> tuple[Path, Path | None]:
    """Where course files go, and where state is kept (None: nowhere)."""
    if data_dir is None:
        return Path(tempfile.mkdtemp(prefix="scormcloud-mock-")), None
    # Absolute: records name their course files by path.
    folder = Path(data_dir).resolve()
    (folder / "files").mkdir(parents=True, exist_ok=True)
    return folder / "files", folder / "state"


def _release(backend: Backend, *, temporary: bool) -> None:
    backend.close()
    if temporary:
        shutil.rmtree(backend.root, ignore_errors=True)
