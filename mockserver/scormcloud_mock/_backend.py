"""The mock's state: one SCORM Cloud application, shared by every adapter.

The state lives in two stores, one per API resource, that share one lock, one clock
and one configuration. Nothing here knows about HTTP.
"""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import httpx

from ._clock import Clock
from ._configuration import Configuration
from ._course_store import CourseStore
from ._oauth import TokenIssuer
from ._registration_store import RegistrationStore


@dataclass(frozen=True)
class BackendOptions:
    """Behaviour switches; see the mock guide for what each one reproduces."""

    #: How many status reads an import job answers RUNNING before it finishes.
    import_job_running_polls: int = 1
    #: "When Failed" and "When Passed" also require the registration to be complete.
    restart_requires_completion: bool = True
    #: How many items a page of a list holds before a ``more`` token is sent.
    page_size: int = 100
    #: Where the mock's own downloads (import or asset from a URL) go; None: network.
    fetch_transport: httpx.BaseTransport | None = None


class Backend:
    """One SCORM Cloud application's worth of state, with files under ``root``."""

    def __init__(self, root: Path, *, clock: Clock, options: BackendOptions) -> None:
        self.root = root
        self.clock = clock
        self.options = options
        # Reentrant: store methods call each other while holding it.
        self.lock = threading.RLock()
        #: Grows at each reset, so work that began before one can tell.
        self.generation = 0
        self.configuration = Configuration()
        # The OAuth signing key: tokens issued before a reset stay valid.
        self.tokens = TokenIssuer()
        self.courses = CourseStore(self)
        self.registrations = RegistrationStore(self)

    def reset(self) -> None:
        """Forget everything, files included, as a fresh mock would be."""
        with self.lock:
            self.generation += 1
            self.courses.clear()
            self.registrations.clear()
            self.configuration.clear()
            for child in self.root.iterdir():
                shutil.rmtree(child, ignore_errors=True)

    def delete_course_version(self, course_id: str, version: int) -> None:
        """Delete one version; deleting the last one deletes the whole course."""
        with self.lock:
            if not self.courses.remove_version(course_id, version):
                self.delete_course(course_id)
                return
            scope = ("version", course_id, str(version))
            self.configuration.forget(lambda candidate: candidate == scope)

    def delete_course(self, course_id: str) -> None:
        """Delete a course with its versions, files, registrations and settings."""
        with self.lock:
            self.courses.remove_course(course_id)
            removed = set(self.registrations.remove_course_registrations(course_id))
            self.configuration.forget(
                lambda scope: (
                    (scope[0] in ("course", "version") and scope[1] == course_id)
                    or (
                        scope[0] in ("registration", "instance") and scope[1] in removed
                    )
                )
            )
