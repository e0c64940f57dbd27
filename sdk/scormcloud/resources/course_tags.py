"""Course tags: `client.courses.tags`."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import Field

from .._base_client import build_path, require_id
from .._models import Model, parse_response

if TYPE_CHECKING:
    from .._client import ScormCloud


class _TagList(Model):
    tags: list[str] = Field(default_factory=list)


class CourseTags:
    """The tags of courses: `client.courses.tags`."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def list(self, course_id: str) -> builtins.list[str]:
        """Return a course's tags.

        Raises:
            NotFoundError: The course does not exist.
        """
        path = build_path("/courses/{course_id}/tags", course_id=course_id)
        return parse_response(_TagList, self._client._request("GET", path)).tags

    def add(self, course_id: str, tags: Iterable[str]) -> None:
        """Add tags to a course; tags it already has stay once.

        Raises:
            NotFoundError: The course does not exist.
        """
        path = build_path("/courses/{course_id}/tags", course_id=course_id)
        self._client._request("PUT", path, json={"tags": _tag_list(tags)})

    def remove(self, course_id: str, tags: Iterable[str]) -> None:
        """Remove tags from a course; tags it does not have are no error.

        The tags travel as a JSON body on DELETE, as the service expects.

        Raises:
            NotFoundError: The course does not exist.
        """
        path = build_path("/courses/{course_id}/tags", course_id=course_id)
        self._client._request("DELETE", path, json={"tags": _tag_list(tags)})

    def add_to_courses(self, course_ids: Iterable[str], tags: Iterable[str]) -> None:
        """Add the same tags to several courses in one call.

        Raises:
            NotFoundError: A course does not exist; no course is changed.
        """
        ids = [require_id("course_id", course_id) for course_id in course_ids]
        body = {"ids": ids, "tags": _tag_list(tags)}
        self._client._request("PUT", "/courses/tags", json=body)


def _tag_list(tags: Iterable[str]) -> builtins.list[str]:
    # A lone string would otherwise become one tag per character.
    if isinstance(tags, str):
        raise TypeError("tags must be an iterable of strings, not a string")
    return builtins.list(tags)
