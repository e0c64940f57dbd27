"""The versions of a course: `client.courses.versions`."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from pydantic import Field

from .._base_client import build_path
from .._models import Model, parse_response
from ..types.course import Course
from ._downloads import Destination, download

if TYPE_CHECKING:
    from .._client import ScormCloud


class CourseList(Model):
    courses: list[Course] = Field(default_factory=list)


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
        return parse_response(CourseList, self._client._request("GET", path)).courses

    def get(self, course_id: str, version: int) -> Course:
        """Return one version of a course.

        Args:
            course_id: The course's id.
            version: The version number, counted from 0.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        path = _version_path(course_id, version)
        return parse_response(Course, self._client._request("GET", path))

    def delete(self, course_id: str, version: int) -> None:
        """Delete one version of a course.

        Deleting the last remaining version deletes the course, with its
        registrations.

        Raises:
            NotFoundError: The course or version does not exist.
        """
        self._client._request("DELETE", _version_path(course_id, version))

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
        path = _version_path(course_id, version) + "/zip"
        return download(self._client, path, dest)


def _version_path(course_id: str, version: int) -> str:
    return build_path(
        "/courses/{course_id}/versions/{version}", course_id=course_id, version=version
    )
