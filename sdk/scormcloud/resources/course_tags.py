"""Course tags: `client.courses.tags`."""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from pydantic import Field

from .._base_client import build_path, require_id
from .._models import Model, parse_response
from .._resource import AsyncAPIResource, Call, SyncAPIResource, copy_doc, no_content
from ._params import tag_list


class _TagList(Model):
    tags: list[str] = Field(default_factory=list)


class CourseTags(SyncAPIResource):
    """The tags of courses: `client.courses.tags`."""

    def list(self, course_id: str) -> builtins.list[str]:
        """Return a course's tags.

        Raises:
            NotFoundError: The course does not exist.
        """
        return self._client._call(_list(course_id))

    def add(self, course_id: str, tags: Iterable[str]) -> None:
        """Add tags to a course; tags it already has stay once.

        Raises:
            NotFoundError: The course does not exist.
        """
        self._client._call(_change("PUT", course_id, tags))

    def remove(self, course_id: str, tags: Iterable[str]) -> None:
        """Remove tags from a course; tags it does not have are no error.

        The tags travel as a JSON body on DELETE, as the service expects.

        Raises:
            NotFoundError: The course does not exist.
        """
        self._client._call(_change("DELETE", course_id, tags))

    def add_to_courses(self, course_ids: Iterable[str], tags: Iterable[str]) -> None:
        """Add the same tags to several courses in one call.

        Raises:
            NotFoundError: A course does not exist; no course is changed.
        """
        self._client._call(_add_to_courses(course_ids, tags))


class AsyncCourseTags(AsyncAPIResource):
    """The tags of courses: `client.courses.tags` of the async client."""

    @copy_doc(CourseTags.list)
    async def list(self, course_id: str) -> builtins.list[str]:
        return await self._client._call(_list(course_id))

    @copy_doc(CourseTags.add)
    async def add(self, course_id: str, tags: Iterable[str]) -> None:
        await self._client._call(_change("PUT", course_id, tags))

    @copy_doc(CourseTags.remove)
    async def remove(self, course_id: str, tags: Iterable[str]) -> None:
        await self._client._call(_change("DELETE", course_id, tags))

    @copy_doc(CourseTags.add_to_courses)
    async def add_to_courses(
        self, course_ids: Iterable[str], tags: Iterable[str]
    ) -> None:
        await self._client._call(_add_to_courses(course_ids, tags))


def _tags_path(course_id: str) -> str:
    return build_path("/courses/{course_id}/tags", course_id=course_id)


def _list(course_id: str) -> Call[builtins.list[str]]:
    return Call(
        "GET",
        _tags_path(course_id),
        lambda response: parse_response(_TagList, response).tags,
    )


def _change(method: str, course_id: str, tags: Iterable[str]) -> Call[None]:
    body = {"tags": tag_list(tags)}
    return Call(method, _tags_path(course_id), no_content, json=body)


def _add_to_courses(course_ids: Iterable[str], tags: Iterable[str]) -> Call[None]:
    ids = [require_id("course_id", course_id) for course_id in course_ids]
    body = {"ids": ids, "tags": tag_list(tags)}
    return Call("PUT", "/courses/tags", no_content, json=body)
