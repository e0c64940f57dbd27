"""Courses, their versions and files, and the import jobs that create them.

No HTTP here; methods are named after the API actions they serve. Every method holds
the backend's lock, except the slow part of an import (reading and extracting the
package), which happens before the lock is taken.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import uuid
from collections.abc import Callable, MutableMapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ._configuration import (
    APPLICATION,
    EffectiveSetting,
    Scope,
    course_scope,
    version_scope,
)
from ._course_asset_store import AssetStore
from ._errors import BadRequestError, NotFoundError
from ._fetch import FetchError, fetch
from ._package import Package, PackageError, read_package
from ._postback import PostbackSender
from ._records import Course, CourseVersion, ImportedCourse, ImportJob
from ._settings import RESTART_SETTING_ID

if TYPE_CHECKING:
    from ._backend import Backend
    from ._course_preview import PreviewTicket

logger = logging.getLogger(__name__)

#: The largest package the mock fetches from a URL.
MAX_PACKAGE_BYTES = 4 << 30


class CourseStore:
    """The courses of one mock application."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._lock = backend.lock
        self.assets = AssetStore(self)
        self.postbacks = PostbackSender()
        self._courses: MutableMapping[str, Course] = backend.table("courses")
        self._jobs: MutableMapping[str, ImportJob] = backend.table("import-jobs")
        self._storage_keys: MutableMapping[str, int] = backend.table("storage-keys")
        # Deleted versions that registration instances may still point at.
        self._retired: MutableMapping[tuple[str, int], CourseVersion] = backend.table(
            "retired-versions"
        )
        self.previews: MutableMapping[str, PreviewTicket] = backend.table("previews")

    @property
    def lock(self) -> AbstractContextManager[Any]:
        return self._lock

    @property
    def staging_root(self) -> Path:
        return self._root / "staging"

    def now(self) -> datetime:
        return self._backend.clock.now()

    def clear(self) -> None:
        with self._lock:
            self._courses.clear()
            self._jobs.clear()
            self._storage_keys.clear()
            self._retired.clear()
            self.previews.clear()

    @property
    def _root(self) -> Path:
        return self._backend.root

    def create_upload_import_job(
        self,
        course_id: str,
        *,
        may_create_new_version: bool,
        package: IO[bytes],
        tags: Sequence[str] = (),
        postback_url: str | None = None,
    ) -> str:
        """Start an import; refuse at once when it would silently replace a course."""
        job = self._new_job(course_id, may_create_new_version, tags, postback_url)
        return self._start_job(job, lambda staging: read_package(package, staging))

    def create_fetch_import_job(
        self,
        course_id: str,
        *,
        may_create_new_version: bool,
        url: str,
        tags: Sequence[str] = (),
        postback_url: str | None = None,
    ) -> str:
        """Start an import of the package at ``url``; it is downloaded to disk."""
        job = self._new_job(course_id, may_create_new_version, tags, postback_url)

        def fetch_and_read(staging_dir: Path) -> Package:
            with tempfile.TemporaryFile(dir=self.staging_root) as spool:
                fetch(
                    url,
                    spool,
                    transport=self._backend.options.fetch_transport,
                    max_bytes=MAX_PACKAGE_BYTES,
                )
                spool.seek(0)
                return read_package(spool, staging_dir)

        return self._start_job(job, fetch_and_read)

    def _start_job(self, job: ImportJob, read: Callable[[Path], Package]) -> str:
        self._refuse_existing_course(job.course_id, job.may_create_new_version)
        generation = self._backend.generation
        staging_dir = self.staging_root / job.job_id

        # Reading the package is the slow part; it needs no lock.
        try:
            staging_dir.mkdir(parents=True)
            parsed = read(staging_dir)
        except (PackageError, FetchError, OSError) as error:
            shutil.rmtree(staging_dir, ignore_errors=True)
            self._store_job(replace(job, failure=str(error)), generation)
            return job.job_id

        self._store_job(
            replace(job, staging_dir=staging_dir, package=parsed), generation
        )
        return job.job_id

    def claim_postback(self, job_id: str) -> ImportJob | None:
        """The finished job whose postback is now due, once per job."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job.status == "RUNNING" or job.postback_sent:
                return None
            if job.postback_url is None:
                return None
            self._jobs[job_id] = replace(job, postback_sent=True)
            return job

    def get_import_job(self, job_id: str) -> ImportJob:
        """Read a job's status; each read brings a running job closer to its end."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFoundError(f"Import job ID '{job_id}' does not exist")
            if job.status == "RUNNING":
                job = self._advance_job(job)
                self._jobs[job_id] = job
            return job

    def _new_job(
        self,
        course_id: str,
        may_create: bool,
        tags: Sequence[str],
        postback_url: str | None,
    ) -> ImportJob:
        return ImportJob(
            job_id=str(uuid.uuid4()),
            course_id=course_id,
            may_create_new_version=may_create,
            status="RUNNING",
            created=self._backend.clock.now(),
            polls_left=self._backend.options.import_job_running_polls,
            tags=tuple(tags),
            postback_url=postback_url,
        )

    def _store_job(self, job: ImportJob, generation: int) -> None:
        with self._lock:
            # A reset while the package was read forgot this job with everything
            # else; polling it then answers 404, as for any unknown job.
            if generation != self._backend.generation:
                self._discard_staging(job)
                return
            self._jobs[job.job_id] = job
            if job.polls_left <= 0:
                self._jobs[job.job_id] = self._finish_job(job)

    def _advance_job(self, job: ImportJob) -> ImportJob:
        if job.polls_left > 0:
            return replace(job, polls_left=job.polls_left - 1)
        return self._finish_job(job)

    def _finish_job(self, job: ImportJob) -> ImportJob:
        """End a job: commit its package as a course version, or report why not."""
        package, staging_dir = job.package, job.staging_dir
        if package is None or staging_dir is None:
            return replace(job, status="ERROR", message=job.failure, polls_left=0)
        try:
            imported = self._commit_version(job, package, staging_dir)
        except BadRequestError as error:
            self._discard_staging(job)
            return replace(job, status="ERROR", message=error.message, polls_left=0)
        except OSError as error:
            self._discard_staging(job)
            message = f"The imported files could not be stored: {error.strerror}"
            return replace(job, status="ERROR", message=message, polls_left=0)
        return replace(
            job,
            status="COMPLETE",
            message="Import Successful",
            polls_left=0,
            staging_dir=None,
            package=None,
            result=imported,
            parser_warnings=package.parser_warnings,
        )

    def _refuse_existing_course(self, course_id: str, may_create: bool) -> None:
        with self._lock:
            course = self._courses.get(course_id)
        if course is not None and not may_create:
            raise BadRequestError(
                "A course already exists with the specified id: "
                f"ApiCourseId|{course_id}!VersionId|{course.latest.version}"
            )

    def _commit_version(
        self, job: ImportJob, package: Package, staging_dir: Path
    ) -> ImportedCourse:
        """Turn a staged package into the course's next version (lock held)."""
        # A course created while this job ran counts, like one that existed before.
        existing = self._courses.get(job.course_id)
        self._refuse_existing_course(job.course_id, job.may_create_new_version)
        number = 0 if existing is None else existing.latest.version + 1
        files_dir = self._course_dir(job.course_id) / str(number)
        staging_dir.rename(files_dir)

        now = self._backend.clock.now()
        version = CourseVersion(
            version=number,
            title=package.title,
            learning_standard=package.learning_standard,
            root_activity=package.root_activity.to_wire(),
            manifest_identifier=package.manifest_identifier,
            parser_warnings=tuple(package.parser_warnings),
            launch_href=package.launch_href,
            metadata=package.metadata,
            languages=package.languages,
            files_dir=files_dir,
            created=now,
            updated=now,
        )
        if existing is None:
            course = Course(course_id=job.course_id, created=now, versions=(version,))
        else:
            course = replace(existing, versions=(*existing.versions, version))
        course = replace(course, tags=tuple(dict.fromkeys((*course.tags, *job.tags))))
        self._courses[job.course_id] = course
        logger.debug("imported course %r version %d", job.course_id, number)
        return ImportedCourse(course=course, version=version)

    def _course_dir(self, course_id: str) -> Path:
        # Course ids may hold any character, so files live under a counter instead.
        key = self._storage_keys.setdefault(course_id, len(self._storage_keys))
        path = self._root / "courses" / str(key)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _discard_staging(self, job: ImportJob) -> None:
        if job.staging_dir is not None:
            shutil.rmtree(job.staging_dir, ignore_errors=True)

    def paths_in_use(self) -> set[Path]:
        """Folders that records point at: version files and staged imports."""
        with self._lock:
            paths = {v.files_dir for c in self._courses.values() for v in c.versions}
            paths.update(j.staging_dir for j in self._jobs.values() if j.staging_dir)
        return paths

    def find(self, course_id: str) -> Course | None:
        with self._lock:
            return self._courses.get(course_id)

    def get_course(self, course_id: str) -> Course:
        course = self.find(course_id)
        if course is None:
            raise NotFoundError(f"Course ID '{course_id}' does not exist")
        return course

    def remove_course(self, course_id: str) -> Course:
        """Forget a course and delete its files (the backend deletes the rest)."""
        with self._lock:
            course = self.get_course(course_id)
            del self._courses[course_id]
            for key in [key for key in self._retired if key[0] == course_id]:
                del self._retired[key]
            for version in course.versions:
                self._backend.discard_files(version.files_dir)
        return course

    def get_course_version(self, course_id: str, version: int) -> CourseVersion:
        """A version of a course, also a deleted one that registrations still use."""
        course = self.get_course(course_id)
        found = course.version(version) or self._retired.get((course_id, version))
        if found is None:
            raise _no_such_version(course_id, version)
        return found

    def get_live_version(self, course_id: str, version: int) -> CourseVersion:
        """A version of a course that has not been deleted."""
        found = self.get_course(course_id).version(version)
        if found is None:
            raise _no_such_version(course_id, version)
        return found

    def remove_version(self, course_id: str, version: int) -> bool:
        """Delete one version and its files; False when it was the last one.

        The last version is left for the backend, which deletes the whole course.
        """
        with self._lock:
            course = self.get_course(course_id)
            removed = self.get_live_version(course_id, version)
            if len(course.versions) == 1:
                return False
            kept = tuple(v for v in course.versions if v.version != version)
            self._courses[course_id] = replace(course, versions=kept)
            self._retired[(course_id, version)] = removed
            self._backend.discard_files(removed.files_dir)
        logger.debug("deleted course %r version %d", course_id, version)
        return True

    def list_courses(self) -> list[Course]:
        with self._lock:
            return list(self._courses.values())

    def set_title(self, course_id: str, title: str) -> None:
        """Rename the latest version; older versions keep the title they had."""
        with self._lock:
            course = self.get_course(course_id)
            latest = replace(
                course.latest, title=title, updated=self._backend.clock.now()
            )
            self.store_version(course_id, latest)

    def get_tags(self, course_id: str) -> tuple[str, ...]:
        return self.get_course(course_id).tags

    def add_tags(self, course_ids: Sequence[str], tags: Sequence[str]) -> None:
        """Add tags to every course named; an unknown course changes nothing."""
        with self._lock:
            courses = [self.get_course(course_id) for course_id in course_ids]
            for course in courses:
                merged = tuple(dict.fromkeys((*course.tags, *tags)))
                self._courses[course.course_id] = replace(course, tags=merged)

    def remove_tags(self, course_id: str, tags: Sequence[str]) -> None:
        """Remove tags; tags the course does not have are no error."""
        with self._lock:
            course = self.get_course(course_id)
            kept = tuple(tag for tag in course.tags if tag not in set(tags))
            self._courses[course_id] = replace(course, tags=kept)

    def store_version(self, course_id: str, version: CourseVersion) -> None:
        """Store a changed version record (lock held)."""
        course = self.get_course(course_id)
        versions = tuple(
            version if v.version == version.version else v for v in course.versions
        )
        self._courses[course_id] = replace(course, versions=versions)

    def get_configuration(
        self, course_id: str, *, version: int | None = None
    ) -> list[EffectiveSetting]:
        """Effective settings of a course, or of one of its versions."""
        with self._lock:
            scope = self._configuration_scope(course_id, version)
            chain = [scope, course_scope(course_id), APPLICATION]
            return self._backend.configuration.effective(list(dict.fromkeys(chain)))

    def set_configuration(
        self,
        course_id: str,
        settings: Sequence[tuple[str, object]],
        *,
        version: int | None = None,
    ) -> None:
        with self._lock:
            scope = self._configuration_scope(course_id, version)
            self._backend.configuration.set(scope, settings)

    def delete_configuration_setting(
        self, course_id: str, setting_id: str, *, version: int | None = None
    ) -> None:
        with self._lock:
            scope = self._configuration_scope(course_id, version)
            self._backend.configuration.delete(scope, setting_id)

    def _configuration_scope(self, course_id: str, version: int | None) -> Scope:
        if version is None:
            self.get_course(course_id)
            return course_scope(course_id)
        self.get_live_version(course_id, version)
        return version_scope(course_id, version)

    def restart_policy(self, course_id: str) -> str:
        chain = [course_scope(course_id), APPLICATION]
        return self._backend.configuration.value(chain, RESTART_SETTING_ID)


def _no_such_version(course_id: str, version: int) -> NotFoundError:
    return NotFoundError(f"Version {version} of course ID '{course_id}' does not exist")
