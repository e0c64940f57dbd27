"""Courses: package imports, versions and course-level configuration."""

from __future__ import annotations

import builtins
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO

from pydantic import Field

from .._base_client import bool_param, build_path, require_id
from .._exceptions import ImportFailedError, ImportTimeoutError
from .._models import Model, parse_response
from ..types.course import Course
from ..types.import_job import ImportJob
from ..types.settings import RESTART_SETTING_ID, RestartPolicy, SettingList

if TYPE_CHECKING:
    from .._client import ScormCloud

logger = logging.getLogger(__name__)

Package = str | os.PathLike[str] | BinaryIO
"""A course package: a path to a file, or a file opened in binary mode."""

# The upload's file name when an open file does not carry one.
_FALLBACK_FILENAME = "package.zip"
# Poll intervals grow by this factor until they reach `max_interval`.
_BACKOFF = 1.5
_DEFAULT_IMPORT_TIMEOUT = 300.0


class _StringResult(Model):
    result: str


class _CourseList(Model):
    courses: list[Course] = Field(default_factory=list)


class Courses:
    """Course operations: `client.courses`.

    Attributes:
        versions: Every version of a course.
        configuration: Course-level settings.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client
        self.versions = CourseVersions(client)
        self.configuration = CourseConfiguration(client)
        # Seams for tests of `wait_for_import`, which should not really sleep.
        self._sleep: Callable[[float], None] = time.sleep
        self._clock: Callable[[], float] = time.monotonic

    def import_package(
        self,
        course_id: str,
        package: Package,
        *,
        may_create_new_version: bool = False,
    ) -> str:
        """Upload a course package and start an import job.

        The package is streamed from disk, never read into memory whole.

        Args:
            course_id: The id of the course to create, or to add a version to.
            package: A path to the package, or a file opened in binary mode. The
                upload is named after the file's base name.
            may_create_new_version: Allow importing into an existing course as
                its next version. When False, an existing course id is an error.

        Returns:
            The import job's id, for `get_import_job` or `wait_for_import`.

        Raises:
            FileNotFoundError: `package` is a path that does not exist.
            CourseAlreadyExistsError: The course exists and a new version was
                not allowed.
        """
        params = {
            "courseId": require_id("course_id", course_id),
            "mayCreateNewVersion": bool_param(may_create_new_version),
        }
        with _open_package(package) as (filename, stream):
            response = self._client._request(
                "POST",
                "/courses/importJobs/upload",
                params=params,
                files={"file": (filename, stream)},
            )
        return parse_response(_StringResult, response).result

    def get_import_job(self, job_id: str) -> ImportJob:
        """Return the current state of an import job.

        Args:
            job_id: The id `import_package` returned. Ids expire a week after
                the import finishes.
        """
        path = build_path("/courses/importJobs/{job_id}", job_id=job_id)
        return parse_response(ImportJob, self._client._request("GET", path))

    def wait_for_import(
        self,
        job_id: str,
        *,
        timeout: float = _DEFAULT_IMPORT_TIMEOUT,
        initial_interval: float = 0.5,
        max_interval: float = 10.0,
    ) -> Course:
        """Poll an import job until it finishes.

        The wait between polls starts at `initial_interval` and grows by half
        each time, up to `max_interval`. The job is polled once more when the
        timeout is reached.

        Args:
            job_id: The id `import_package` returned.
            timeout: Seconds to wait in total.
            initial_interval: Seconds before the second poll.
            max_interval: The longest wait between two polls.

        Returns:
            The imported course, at the version the import created.

        Raises:
            ImportFailedError: The job ended in ERROR, or completed without a
                course in its result.
            ImportTimeoutError: The job was still running after `timeout`.
        """
        deadline = self._clock() + timeout
        interval = initial_interval
        while True:
            job = self.get_import_job(job_id)
            if job.status in ("COMPLETE", "ERROR"):
                return _imported_course(job_id, job)

            remaining = deadline - self._clock()
            if remaining <= 0:
                raise ImportTimeoutError(job_id=job_id, timeout=timeout)
            logger.debug(
                "import job %s is %s; next poll in %.2fs", job_id, job.status, interval
            )
            self._sleep(min(interval, remaining))
            interval = min(interval * _BACKOFF, max_interval)

    def import_and_wait(
        self,
        course_id: str,
        package: Package,
        *,
        may_create_new_version: bool = False,
        timeout: float = _DEFAULT_IMPORT_TIMEOUT,
    ) -> Course:
        """Import a package and wait for the job; see `import_package`.

        Returns:
            The imported course, at the version the import created.

        Raises:
            CourseAlreadyExistsError: The course exists and a new version was
                not allowed.
            ImportFailedError: The import job ended in ERROR.
            ImportTimeoutError: The job was still running after `timeout`.
        """
        job_id = self.import_package(
            course_id, package, may_create_new_version=may_create_new_version
        )
        return self.wait_for_import(job_id, timeout=timeout)

    def get(
        self,
        course_id: str,
        *,
        include_registration_count: bool = False,
        include_course_metadata: bool = False,
    ) -> Course:
        """Return a course at its latest version.

        Args:
            course_id: The course's id.
            include_registration_count: Also return `registration_count`.
            include_course_metadata: Also return `metadata`.

        Raises:
            NotFoundError: The course does not exist.
        """
        params = _include_flags(
            includeRegistrationCount=include_registration_count,
            includeCourseMetadata=include_course_metadata,
        )
        path = build_path("/courses/{course_id}", course_id=course_id)
        return parse_response(Course, self._client._request("GET", path, params=params))

    def delete(self, course_id: str) -> None:
        """Delete a course with all its versions.

        Everything attached to the course goes too, registrations included.

        Raises:
            NotFoundError: The course does not exist.
        """
        path = build_path("/courses/{course_id}", course_id=course_id)
        self._client._request("DELETE", path)

    def set_restart_policy(self, course_id: str, policy: RestartPolicy | str) -> None:
        """Choose when existing registrations move to a newer version.

        Shorthand for setting `WhenToRestartRegistration` on the course.

        Args:
            course_id: The course's id.
            policy: A `RestartPolicy`, or another value the service accepts.
        """
        self.configuration.set(course_id, {RESTART_SETTING_ID: policy})


class CourseVersions:
    """The versions of a course: `client.courses.versions`."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def list(self, course_id: str) -> builtins.list[Course]:
        """Return every version of a course, one `Course` per version.

        Raises:
            NotFoundError: The course does not exist.
        """
        path = build_path("/courses/{course_id}/versions", course_id=course_id)
        return parse_response(_CourseList, self._client._request("GET", path)).courses

    def get(self, course_id: str, version: int) -> Course:
        """Return one version of a course.

        Args:
            course_id: The course's id.
            version: The version number, counted from 0.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        path = build_path(
            "/courses/{course_id}/versions/{version}",
            course_id=course_id,
            version=version,
        )
        return parse_response(Course, self._client._request("GET", path))


class CourseConfiguration:
    """Course-level settings: `client.courses.configuration`."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def get(self, course_id: str, *, include_metadata: bool = False) -> SettingList:
        """Return the course's effective settings.

        Settings not set on the course show the value they inherit.

        Args:
            course_id: The course's id.
            include_metadata: Also describe each setting (`metadata`).
        """
        params = _include_flags(includeMetadata=include_metadata)
        path = build_path("/courses/{course_id}/configuration", course_id=course_id)
        response = self._client._request("GET", path, params=params)
        return parse_response(SettingList, response)

    def set(self, course_id: str, settings: Mapping[str, str]) -> None:
        """Set settings explicitly on the course, overriding inherited values.

        Args:
            course_id: The course's id.
            settings: Setting ids mapped to values, for example
                `{RESTART_SETTING_ID: RestartPolicy.ALWAYS}`.

        Raises:
            BadRequestError: A setting id or value is not valid.
        """
        body = {
            "settings": [
                {"settingId": setting_id, "value": str(value)}
                for setting_id, value in settings.items()
            ]
        }
        path = build_path("/courses/{course_id}/configuration", course_id=course_id)
        self._client._request("POST", path, json=body)


@contextmanager
def _open_package(package: Package) -> Iterator[tuple[str, BinaryIO]]:
    """Yield the upload's file name and a binary stream of the package."""
    if isinstance(package, (str, os.PathLike)):
        # Open (and later close) the file ourselves; httpx reads it in chunks.
        with open(package, "rb") as stream:
            yield os.path.basename(os.fspath(package)), stream
        return

    if not callable(getattr(package, "read", None)):
        raise TypeError(f"package must be a path or a binary file, not {package!r}")
    name = getattr(package, "name", None)
    filename = os.path.basename(name) if isinstance(name, str) else ""
    yield filename or _FALLBACK_FILENAME, package


def _imported_course(job_id: str, job: ImportJob) -> Course:
    if job.status == "ERROR":
        raise ImportFailedError(job_id=job_id, message=job.message)
    if job.import_result is None or job.import_result.course is None:
        raise ImportFailedError(
            job_id=job_id, message="the job completed without a course in its result"
        )
    return job.import_result.course


def _include_flags(**flags: bool) -> dict[str, str]:
    """Query parameters for the flags that are on; off is the service default."""
    return {name: "true" for name, on in flags.items() if on}
