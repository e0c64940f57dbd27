"""The mock's state: one SCORM Cloud application, shared by every adapter.

The state lives in two stores, one per API resource, that share one lock, one clock
and one configuration. Nothing here knows about HTTP. With a state folder the stores'
tables write through to it (``_persistence``).
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import MutableMapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ._clock import Clock
from ._configuration import (
    Configuration,
    Scope,
    instance_scope,
    registration_scope,
    version_scope,
)
from ._course_store import CourseStore
from ._oauth import TokenIssuer
from ._persistence import Journal, PersistenceError
from ._registration_store import RegistrationStore

logger = logging.getLogger(__name__)


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
    """One SCORM Cloud application's worth of state, with files under ``root``.

    With ``state_dir`` every record is kept there too, and loaded from it at start.
    """

    def __init__(
        self,
        root: Path,
        *,
        clock: Clock,
        options: BackendOptions,
        state_dir: Path | None = None,
    ) -> None:
        self.root = root
        self.clock = clock
        self.options = options
        self._journal = None if state_dir is None else Journal(state_dir)
        # Reentrant: store methods call each other while holding it.
        self.lock: AbstractContextManager[Any] = (
            threading.RLock() if self._journal is None else self._journal.lock
        )
        #: Grows at each reset, so work that began before one can tell.
        self.generation = 0
        self.configuration = Configuration(self.table("configuration"))
        self._meta: MutableMapping[str, Any] = self.table("meta")
        # The OAuth signing key: tokens issued before a reset stay valid.
        self.tokens = TokenIssuer(self._meta.get("oauth-key"))
        self.courses = CourseStore(self)
        self.registrations = RegistrationStore(self)
        if self._journal is not None:
            try:
                self._restore()
            except BaseException:
                self._journal.close()  # so that the folder can be opened again
                raise

    def table(self, name: str) -> MutableMapping[Any, Any]:
        """A store's mapping of records: a dict, or one kept in the state folder."""
        return {} if self._journal is None else self._journal.table(name)

    def _restore(self) -> None:
        self._remove_stray_files()
        self._meta.setdefault("oauth-key", self.tokens.key)
        self.clock.advance(self._meta.get("clock-offset", 0.0))
        self.clock.on_advance = self._save_clock

    def _save_clock(self) -> None:
        with self.lock:
            self._meta["clock-offset"] = self.clock.offset.total_seconds()

    def _remove_stray_files(self) -> None:
        """Delete what a crash left between a file step and its record."""
        keep = self.courses.paths_in_use()
        # Records name files by absolute path; in a moved folder all would look stray.
        if not all(path.is_relative_to(self.root) for path in keep):
            raise PersistenceError(
                f"{self.root.parent} was moved after it was written; move it back"
            )
        staged = list((self.root / "staging").glob("*"))
        for path in staged + list((self.root / "courses").glob("*/*")):
            if path not in keep:
                logger.debug("removing %s, which no record uses", path)
                _remove(path)

    def discard_files(self, folder: Path) -> None:
        """Delete a folder once no record on disk points at it any more."""
        if self._journal is None:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            self._journal.after_commit(
                lambda: shutil.rmtree(folder, ignore_errors=True)
            )

    def close(self) -> None:
        """Release the state folder, if any, for another mock; repeatable."""
        if self._journal is not None:
            self._journal.close()

    def reset(self) -> None:
        """Forget everything, files included, as a fresh mock would be."""
        with self.lock:
            self.generation += 1
            self.courses.clear()
            self.registrations.clear()
            self.configuration.clear()
            # The state forgets the files before they go, so no record outlives them.
            for action in self._journal.commit() if self._journal else ():
                action()
            for child in self.root.iterdir():
                shutil.rmtree(child, ignore_errors=True)

    def delete_course_version(self, course_id: str, version: int) -> None:
        """Delete one version with its data; deleting the last deletes the course.

        "Its data" includes the registration instances that ran it, as SCORM
        Cloud's caution on this call says; a registration left without an
        instance is deleted, the others fall back to their previous instance.
        """
        with self.lock:
            if not self.courses.remove_version(course_id, version):
                self.delete_course(course_id)
                return
            registrations, instances = self.registrations.remove_version_instances(
                course_id, version
            )
            gone: set[Scope] = {version_scope(course_id, version)}
            gone |= {registration_scope(key) for key in registrations}
            gone |= {instance_scope(key, number) for key, number in instances}
            self.configuration.forget(lambda scope: scope in gone)

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


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
