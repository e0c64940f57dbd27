"""The course list: `client.courses.list` and `list_page`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

import httpx
from pydantic import Field

from .._models import Model, parse_response
from .._resource import Call, copy_doc, total_count
from ..pagination import AsyncPaginator, Page, Paginator
from ..types.course import Course, CoursePage
from ._params import filtered_page_calls, include_flags, page_params

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud

_PATH = "/courses"


class _CoursePageBody(Model):
    courses: list[Course] = Field(default_factory=list)
    more: str | None = None


class CourseListing:
    """Listing courses; a part of `client.courses`."""

    _client: ScormCloud

    def list(
        self,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_course_metadata: bool = False,
        include_registration_count: bool = False,
        include_total_count: bool = False,
    ) -> Paginator[Course]:
        """Iterate over the application's courses, fetching pages as needed.

        Each course appears at its latest version. Pages are requested lazily,
        so stopping early saves requests; nothing is sent before iteration
        starts. Arguments are those of `list_page`; with
        `include_total_count`, the paginator's `total_count()` has the count.

        Raises:
            RepeatedPageTokenError: The service sent a page token twice.
        """
        filters = _filters(since, until, datetime_filter, tags, filter, filter_by)
        flags = _flags(include_course_metadata, include_registration_count)
        calls = filtered_page_calls(
            _PATH,
            _parse_page,
            {**filters, "orderBy": order_by},
            flags,
            include_total_count,
        )
        return Paginator(lambda more: self._client._call(calls(more)))

    def list_page(
        self,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_course_metadata: bool = False,
        include_registration_count: bool = False,
        include_total_count: bool = False,
        more: str | None = None,
    ) -> CoursePage:
        """Return one page of the course list.

        Args:
            since: Only courses created or updated (see `datetime_filter`) at or
                after this moment; a naive datetime is taken as UTC.
            until: Only courses up to this moment, inclusive.
            datetime_filter: Which date `since` and `until` apply to:
                `"updated"` (the service's default) or `"created"`.
            tags: Only courses having at least one of these tags.
            filter: Only courses whose `filter_by` field contains this text.
            filter_by: `"course_id"` (the default) or `"course_title"`.
            order_by: For example `"created_desc"` (the default),
                `"updated_asc"` or `"title_asc"`.
            include_course_metadata: Also return each course's `metadata`.
            include_registration_count: Also return `registration_count`.
            include_total_count: Ask for the number of matching courses, in
                `total_count` (first page only).
            more: The previous page's `more` token. It carries the first
                request's filters, so it cannot be combined with them.

        Raises:
            BadRequestError: A filter value is not valid.
            ValueError: Filters were given together with `more`.
        """
        filters = _filters(since, until, datetime_filter, tags, filter, filter_by)
        flags = _flags(include_course_metadata, include_registration_count)
        flags.update(include_flags(includeTotalCount=include_total_count))
        params = page_params(more, {**filters, "orderBy": order_by}, flags)
        return self._client._call(_list_page(params))


class AsyncCourseListing:
    """Listing courses; a part of the async client's `client.courses`."""

    _client: AsyncScormCloud

    @copy_doc(CourseListing.list)
    def list(
        self,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_course_metadata: bool = False,
        include_registration_count: bool = False,
        include_total_count: bool = False,
    ) -> AsyncPaginator[Course]:
        filters = _filters(since, until, datetime_filter, tags, filter, filter_by)
        flags = _flags(include_course_metadata, include_registration_count)
        calls = filtered_page_calls(
            _PATH,
            _parse_page,
            {**filters, "orderBy": order_by},
            flags,
            include_total_count,
        )
        return AsyncPaginator(lambda more: self._client._call(calls(more)))

    @copy_doc(CourseListing.list_page)
    async def list_page(
        self,
        *,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_course_metadata: bool = False,
        include_registration_count: bool = False,
        include_total_count: bool = False,
        more: str | None = None,
    ) -> CoursePage:
        filters = _filters(since, until, datetime_filter, tags, filter, filter_by)
        flags = _flags(include_course_metadata, include_registration_count)
        flags.update(include_flags(includeTotalCount=include_total_count))
        params = page_params(more, {**filters, "orderBy": order_by}, flags)
        return await self._client._call(_list_page(params))


def _filters(
    since: datetime | str | None,
    until: datetime | str | None,
    datetime_filter: str | None,
    tags: Iterable[str] | None,
    filter: str | None,
    filter_by: str | None,
) -> dict[str, datetime | str | Iterable[str] | None]:
    return {
        "since": since,
        "until": until,
        "datetimeFilter": datetime_filter,
        "tags": tags,
        "filter": filter,
        "filterBy": filter_by,
    }


def _flags(metadata: bool, registration_count: bool) -> dict[str, str]:
    # Include flags are not filters: they go with every page, token or not.
    return include_flags(
        includeCourseMetadata=metadata, includeRegistrationCount=registration_count
    )


def _parse_page(response: httpx.Response) -> Page[Course]:
    body = parse_response(_CoursePageBody, response)
    return Page(body.courses, body.more, total_count(response))


def _list_page(params: dict[str, str]) -> Call[CoursePage]:
    def parse(response: httpx.Response) -> CoursePage:
        page = _parse_page(response)
        return CoursePage(
            courses=page.items, more=page.more, total_count=page.total_count
        )

    return Call("GET", _PATH, parse, params=params)
