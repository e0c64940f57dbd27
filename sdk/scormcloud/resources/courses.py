"""Courses: one course, titles, zips, previews; the list, imports, sub-resources."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from .._base_client import build_path
from .._models import Model, parse_response
from .._resource import Call, copy_doc, no_content, returns
from ..types.course import Course
from ..types.settings import RESTART_SETTING_ID, RestartPolicy
from ._downloads import Destination, adownload, download
from ._params import include_flags
from .course_assets import AsyncCourseAssets, CourseAssets
from .course_configuration import AsyncCourseConfiguration, CourseConfiguration
from .course_imports import AsyncCourseImports, CourseImports
from .course_list import AsyncCourseListing, CourseListing
from .course_tags import AsyncCourseTags, CourseTags
from .course_versions import AsyncCourseVersions, CourseVersions

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud


class _LaunchLink(Model):
    launch_link: str


class Courses(CourseImports, CourseListing):
    """Course operations: `client.courses`.

    Attributes:
        versions: Every version of a course.
        configuration: Course and course-version settings.
        tags: Course tags.
        assets: The files of a course, changed in place.
    """

    def __init__(self, client: ScormCloud) -> None:
        self._client = client
        self.versions = CourseVersions(client)
        self.configuration = CourseConfiguration(client)
        self.tags = CourseTags(client)
        self.assets = CourseAssets(client)
        # Seams for tests of `wait_for_import`, which should not really sleep.
        self._sleep: Callable[[float], None] = time.sleep
        self._clock: Callable[[], float] = time.monotonic

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
        call = _get(course_id, include_registration_count, include_course_metadata)
        return self._client._call(call)

    def preview_link(
        self,
        course_id: str,
        *,
        version: int | None = None,
        expiry: int = 120,
        redirect_on_exit_url: str | None = None,
        start_sco: str | None = None,
        culture: str | None = None,
        css_url: str | None = None,
    ) -> str:
        """Return a link that launches the course without a registration.

        Nothing the learner does in a preview is tracked.

        Args:
            course_id: The course's id.
            version: Preview this version instead of the latest.
            expiry: Seconds the link stays valid (10 to 300).
            redirect_on_exit_url: Where the player goes on exit, or one of
                `"closer"`, `"blank"`, `"message"`.
            start_sco: The SCO to start at.
            culture: The player's language, e.g. `"en-US"`.
            css_url: A stylesheet for the player.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        call = _preview_link(
            course_id,
            version,
            expiry,
            redirect_on_exit_url,
            start_sco,
            culture,
            css_url,
        )
        return self._client._call(call)

    def set_title(self, course_id: str, title: str) -> None:
        """Change the title of a course (its latest version).

        Raises:
            NotFoundError: The course does not exist.
        """
        self._client._call(_set_title(course_id, title))

    def download_zip(self, course_id: str, dest: Destination) -> int:
        """Download the latest version's files as a zip, streamed to `dest`.

        The zip holds the files originally imported plus any asset changes.

        Args:
            course_id: The course's id.
            dest: A path to write, or a file opened for binary writing.

        Returns:
            The number of bytes written.

        Raises:
            NotFoundError: The course does not exist.
        """
        return download(self._client, _course_path(course_id) + "/zip", dest)

    def delete(self, course_id: str) -> None:
        """Delete a course with all its versions.

        Everything attached to the course goes too, registrations included.

        Raises:
            NotFoundError: The course does not exist.
        """
        self._client._call(Call("DELETE", _course_path(course_id), no_content))

    def set_restart_policy(self, course_id: str, policy: RestartPolicy | str) -> None:
        """Choose when existing registrations move to a newer version.

        Shorthand for setting `WhenToRestartRegistration` on the course.

        Args:
            course_id: The course's id.
            policy: A `RestartPolicy`, or another value the service accepts.
        """
        self.configuration.set(course_id, {RESTART_SETTING_ID: policy})


class AsyncCourses(AsyncCourseImports, AsyncCourseListing):
    """Course operations of the async client: `client.courses`.

    Attributes:
        versions: Every version of a course.
        configuration: Course and course-version settings.
        tags: Course tags.
        assets: The files of a course, changed in place.
    """

    def __init__(self, client: AsyncScormCloud) -> None:
        self._client = client
        self.versions = AsyncCourseVersions(client)
        self.configuration = AsyncCourseConfiguration(client)
        self.tags = AsyncCourseTags(client)
        self.assets = AsyncCourseAssets(client)
        # Seams for tests of `wait_for_import`, which should not really sleep.
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._clock: Callable[[], float] = time.monotonic

    @copy_doc(Courses.get)
    async def get(
        self,
        course_id: str,
        *,
        include_registration_count: bool = False,
        include_course_metadata: bool = False,
    ) -> Course:
        call = _get(course_id, include_registration_count, include_course_metadata)
        return await self._client._call(call)

    @copy_doc(Courses.preview_link)
    async def preview_link(
        self,
        course_id: str,
        *,
        version: int | None = None,
        expiry: int = 120,
        redirect_on_exit_url: str | None = None,
        start_sco: str | None = None,
        culture: str | None = None,
        css_url: str | None = None,
    ) -> str:
        call = _preview_link(
            course_id,
            version,
            expiry,
            redirect_on_exit_url,
            start_sco,
            culture,
            css_url,
        )
        return await self._client._call(call)

    @copy_doc(Courses.set_title)
    async def set_title(self, course_id: str, title: str) -> None:
        await self._client._call(_set_title(course_id, title))

    @copy_doc(Courses.download_zip)
    async def download_zip(self, course_id: str, dest: Destination) -> int:
        return await adownload(self._client, _course_path(course_id) + "/zip", dest)

    @copy_doc(Courses.delete)
    async def delete(self, course_id: str) -> None:
        await self._client._call(Call("DELETE", _course_path(course_id), no_content))

    @copy_doc(Courses.set_restart_policy)
    async def set_restart_policy(
        self, course_id: str, policy: RestartPolicy | str
    ) -> None:
        await self.configuration.set(course_id, {RESTART_SETTING_ID: policy})


def _course_path(course_id: str) -> str:
    return build_path("/courses/{course_id}", course_id=course_id)


def _get(course_id: str, registration_count: bool, metadata: bool) -> Call[Course]:
    params = include_flags(
        includeRegistrationCount=registration_count, includeCourseMetadata=metadata
    )
    return Call("GET", _course_path(course_id), returns(Course), params=params)


def _preview_link(
    course_id: str,
    version: int | None,
    expiry: int,
    redirect_on_exit_url: str | None,
    start_sco: str | None,
    culture: str | None,
    css_url: str | None,
) -> Call[str]:
    body = {
        "expiry": expiry,
        "redirectOnExitUrl": redirect_on_exit_url,
        "startSco": start_sco,
        "culture": culture,
        "cssUrl": css_url,
    }
    path = _course_path(course_id)
    if version is not None:
        path += build_path("/versions/{version}", version=version)
    payload = {key: value for key, value in body.items() if value is not None}
    return Call(
        "POST",
        path + "/preview",
        lambda response: parse_response(_LaunchLink, response).launch_link,
        json=payload,
    )


def _set_title(course_id: str, title: str) -> Call[None]:
    path = _course_path(course_id) + "/title"
    return Call("PUT", path, no_content, json={"title": title})
