"""The versions of a course: `client.courses.versions`."""

from __future__ import annotations

import builtins

from pydantic import Field

from .._base_client import build_path
from .._models import Model, parse_response
from .._resource import (
    AsyncAPIResource,
    Call,
    SyncAPIResource,
    copy_doc,
    no_content,
    returns,
)
from ..types.course import Course
from ._downloads import Destination, adownload, download


class CourseList(Model):
    courses: list[Course] = Field(default_factory=list)


class CourseVersions(SyncAPIResource):
    """The versions of a course: `client.courses.versions`."""

    def list(self, course_id: str) -> builtins.list[Course]:
        """Return every version of a course, one `Course` per version.

        Raises:
            NotFoundError: The course does not exist.
        """
        return self._client._call(_list(course_id))

    def get(self, course_id: str, version: int) -> Course:
        """Return one version of a course.

        Args:
            course_id: The course's id.
            version: The version number, counted from 0.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        return self._client._call(_get(course_id, version))

    def delete(self, course_id: str, version: int) -> None:
        """Delete one version of a course.

        Deleting the last remaining version deletes the course, with its
        registrations.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        self._client._call(_delete(course_id, version))

    def download_zip(self, course_id: str, version: int, dest: Destination) -> int:
        """Download one version's files as a zip, streamed to `dest`.

        The zip holds the files originally imported plus any asset changes.

        Args:
            course_id: The course's id.
            version: The version number.
            dest: A path to write, or a file opened for binary writing.

        Returns:
            The number of bytes written.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        return download(self._client, _version_path(course_id, version) + "/zip", dest)


class AsyncCourseVersions(AsyncAPIResource):
    """The versions of a course, for the async client."""

    @copy_doc(CourseVersions.list)
    async def list(self, course_id: str) -> builtins.list[Course]:
        return await self._client._call(_list(course_id))

    @copy_doc(CourseVersions.get)
    async def get(self, course_id: str, version: int) -> Course:
        return await self._client._call(_get(course_id, version))

    @copy_doc(CourseVersions.delete)
    async def delete(self, course_id: str, version: int) -> None:
        await self._client._call(_delete(course_id, version))

    @copy_doc(CourseVersions.download_zip)
    async def download_zip(
        self, course_id: str, version: int, dest: Destination
    ) -> int:
        path = _version_path(course_id, version) + "/zip"
        return await adownload(self._client, path, dest)


def _version_path(course_id: str, version: int) -> str:
    return build_path(
        "/courses/{course_id}/versions/{version}", course_id=course_id, version=version
    )


def _list(course_id: str) -> Call[builtins.list[Course]]:
    return Call(
        "GET",
        build_path("/courses/{course_id}/versions", course_id=course_id),
        lambda response: parse_response(CourseList, response).courses,
    )


def _get(course_id: str, version: int) -> Call[Course]:
    return Call("GET", _version_path(course_id, version), returns(Course))


def _delete(course_id: str, version: int) -> Call[None]:
    return Call("DELETE", _version_path(course_id, version), no_content)
