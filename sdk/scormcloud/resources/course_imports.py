"""Course imports: uploads, fetches from a URL, and waiting for the job."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import IO, TYPE_CHECKING

import httpx

from .._base_client import bool_param, build_path, require_id
from .._exceptions import ImportFailedError, ImportTimeoutError
from .._models import Model, parse_response
from .._resource import Call, copy_doc, returns
from ..types.course import Course
from ..types.import_job import ImportJob
from ._uploads import Package, open_upload

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud

logger = logging.getLogger(__name__)

# Poll intervals grow by this factor until they reach `max_interval`.
_BACKOFF = 1.5
_DEFAULT_IMPORT_TIMEOUT = 300.0


class _StringResult(Model):
    result: str


class CourseImports:
    """The import calls of `client.courses` (`Courses` inherits them)."""

    _client: ScormCloud
    # Seams for tests of `wait_for_import`, which should not really sleep.
    _sleep: Callable[[float], None]
    _clock: Callable[[], float]

    def import_package(
        self,
        course_id: str,
        package: Package,
        *,
        may_create_new_version: bool = False,
        tags: Iterable[str] | None = None,
        postback_url: str | None = None,
    ) -> str:
        """Upload a course package and start an import job.

        The package is streamed from disk, never read into memory whole.

        Args:
            course_id: The id of the course to create, or to add a version to.
            package: A path to the package, or a file opened in binary mode. The
                upload is named after the file's base name.
            may_create_new_version: Allow importing into an existing course as
                its next version. When False, an existing course id is an error.
            tags: Tags to add to the course.
            postback_url: A URL the service posts the finished job to.

        Returns:
            The import job's id, for `get_import_job` or `wait_for_import`.

        Raises:
            FileNotFoundError: `package` is a path that does not exist.
            CourseAlreadyExistsError: The course exists and a new version was
                not allowed.
        """
        params = _import_params(course_id, may_create_new_version, tags, postback_url)
        with open_upload(package) as (filename, stream):
            return self._client._call(_upload(params, filename, stream))

    def import_from_url(
        self,
        course_id: str,
        url: str,
        *,
        may_create_new_version: bool = False,
        tags: Iterable[str] | None = None,
        postback_url: str | None = None,
        no_upload: bool = False,
    ) -> str:
        """Have the service download a package from a URL and import it.

        Args:
            course_id: The id of the course to create, or to add a version to.
            url: Where the service fetches the zip from.
            may_create_new_version: As for `import_package`.
            tags: Tags to add to the course.
            postback_url: A URL the service posts the finished job to.
            no_upload: Send it as the "no upload" variant
                (`POST /courses/importJobs/noUpload` with a `fetchRequest`)
                instead of `POST /courses/importJobs`; the result is the same.

        Returns:
            The import job's id.

        Raises:
            CourseAlreadyExistsError: The course exists and a new version was
                not allowed.
        """
        params = _import_params(course_id, may_create_new_version, tags, postback_url)
        return self._client._call(_from_url(url, params, no_upload))

    def get_import_job(self, job_id: str) -> ImportJob:
        """Return the current state of an import job.

        Args:
            job_id: The id `import_package` returned. Ids expire a week after
                the import finishes.
        """
        return self._client._call(_get_import_job(job_id))

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
        wait = _ImportWait(job_id, timeout, initial_interval, max_interval, self._clock)
        while True:
            job = self.get_import_job(job_id)
            pause = wait.pause_after(job)
            if pause is None:
                return _imported_course(job_id, job)
            self._sleep(pause)

    def import_and_wait(
        self,
        course_id: str,
        package: Package,
        *,
        may_create_new_version: bool = False,
        tags: Iterable[str] | None = None,
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
            course_id, package, may_create_new_version=may_create_new_version, tags=tags
        )
        return self.wait_for_import(job_id, timeout=timeout)


class AsyncCourseImports:
    """The import calls of the async client's `client.courses`."""

    _client: AsyncScormCloud
    _sleep: Callable[[float], Awaitable[None]]
    _clock: Callable[[], float]

    @copy_doc(CourseImports.import_package)
    async def import_package(
        self,
        course_id: str,
        package: Package,
        *,
        may_create_new_version: bool = False,
        tags: Iterable[str] | None = None,
        postback_url: str | None = None,
    ) -> str:
        params = _import_params(course_id, may_create_new_version, tags, postback_url)
        # httpx reads the open file in chunks while sending; it is never whole.
        with open_upload(package) as (filename, stream):
            return await self._client._call(_upload(params, filename, stream))

    @copy_doc(CourseImports.import_from_url)
    async def import_from_url(
        self,
        course_id: str,
        url: str,
        *,
        may_create_new_version: bool = False,
        tags: Iterable[str] | None = None,
        postback_url: str | None = None,
        no_upload: bool = False,
    ) -> str:
        params = _import_params(course_id, may_create_new_version, tags, postback_url)
        return await self._client._call(_from_url(url, params, no_upload))

    @copy_doc(CourseImports.get_import_job)
    async def get_import_job(self, job_id: str) -> ImportJob:
        return await self._client._call(_get_import_job(job_id))

    @copy_doc(CourseImports.wait_for_import)
    async def wait_for_import(
        self,
        job_id: str,
        *,
        timeout: float = _DEFAULT_IMPORT_TIMEOUT,
        initial_interval: float = 0.5,
        max_interval: float = 10.0,
    ) -> Course:
        wait = _ImportWait(job_id, timeout, initial_interval, max_interval, self._clock)
        while True:
            job = await self.get_import_job(job_id)
            pause = wait.pause_after(job)
            if pause is None:
                return _imported_course(job_id, job)
            await self._sleep(pause)

    @copy_doc(CourseImports.import_and_wait)
    async def import_and_wait(
        self,
        course_id: str,
        package: Package,
        *,
        may_create_new_version: bool = False,
        tags: Iterable[str] | None = None,
        timeout: float = _DEFAULT_IMPORT_TIMEOUT,
    ) -> Course:
        job_id = await self.import_package(
            course_id, package, may_create_new_version=may_create_new_version, tags=tags
        )
        return await self.wait_for_import(job_id, timeout=timeout)


class _ImportWait:
    """One wait for an import job: its deadline and the growing poll interval."""

    def __init__(
        self,
        job_id: str,
        timeout: float,
        initial_interval: float,
        max_interval: float,
        clock: Callable[[], float],
    ) -> None:
        self._job_id = job_id
        self._timeout = timeout
        self._clock = clock
        self._deadline = clock() + timeout
        self._interval = initial_interval
        self._max_interval = max_interval

    def pause_after(self, job: ImportJob) -> float | None:
        """Seconds to sleep before the next poll; None once the job finished.

        Raises:
            ImportTimeoutError: The job is still running at the deadline.
        """
        if job.status in ("COMPLETE", "ERROR"):
            return None

        remaining = self._deadline - self._clock()
        if remaining <= 0:
            raise ImportTimeoutError(job_id=self._job_id, timeout=self._timeout)
        logger.debug(
            "import job %s is %s; next poll in %.2fs",
            self._job_id,
            job.status,
            self._interval,
        )
        pause = min(self._interval, remaining)
        self._interval = min(self._interval * _BACKOFF, self._max_interval)
        return pause


def _imported_course(job_id: str, job: ImportJob) -> Course:
    if job.status == "ERROR":
        raise ImportFailedError(job_id=job_id, message=job.message)
    if job.import_result is None or job.import_result.course is None:
        raise ImportFailedError(
            job_id=job_id, message="the job completed without a course in its result"
        )
    return job.import_result.course


def _import_params(
    course_id: str,
    may_create_new_version: bool,
    tags: Iterable[str] | None,
    postback_url: str | None,
) -> dict[str, str]:
    params = {
        "courseId": require_id("course_id", course_id),
        "mayCreateNewVersion": bool_param(may_create_new_version),
    }
    if tags is not None:
        if isinstance(tags, str):
            raise TypeError("tags must be an iterable of strings, not a string")
        # Comma-separated, as the service reads list parameters.
        params["tags"] = ",".join(tags)
    if postback_url is not None:
        params["postbackUrl"] = postback_url
    return params


def _result(response: httpx.Response) -> str:
    return parse_response(_StringResult, response).result


def _upload(params: dict[str, str], filename: str, stream: IO[bytes]) -> Call[str]:
    files = {"file": (filename, stream)}
    path = "/courses/importJobs/upload"
    return Call("POST", path, _result, params=params, files=files)


def _from_url(url: str, params: dict[str, str], no_upload: bool) -> Call[str]:
    fetch: dict[str, object] = {"url": url, "contentType": "application/zip"}
    path = "/courses/importJobs"
    body: dict[str, object] = fetch
    if no_upload:
        path, body = path + "/noUpload", {"fetchRequest": fetch}
    return Call("POST", path, _result, params=params, json=body)


def _get_import_job(job_id: str) -> Call[ImportJob]:
    path = build_path("/courses/importJobs/{job_id}", job_id=job_id)
    return Call("GET", path, returns(ImportJob))
