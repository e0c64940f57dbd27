"""The registration list: `client.registrations.list` and `list_page`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

import httpx
from pydantic import Field

from .._models import Model, parse_response
from .._resource import Call, copy_doc, total_count
from ..pagination import AsyncPaginator, Page, Paginator
from ..types.registration import Registration, RegistrationPage
from ._params import (
    detail_flags,
    filtered_page_calls,
    include_flags,
    page_params,
    tag_list,
)

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud

_PATH = "/registrations"


class _RegistrationPageBody(Model):
    registrations: list[Registration] = Field(default_factory=list)
    more: str | None = None


class RegistrationListing:
    """Listing registrations; a part of `client.registrations`."""

    _client: ScormCloud

    def list(
        self,
        *,
        course_id: str | None = None,
        learner_id: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
        include_total_count: bool = False,
    ) -> Paginator[Registration]:
        """Iterate over registrations (latest instances), fetching pages lazily.

        Stopping early saves requests; nothing is sent before iteration starts.
        Arguments are those of `list_page`; with `include_total_count`, the
        paginator's `total_count()` has the count.

        Raises:
            RepeatedPageTokenError: The service sent a page token twice.
        """
        filters = _filters(
            course_id,
            learner_id,
            since,
            until,
            datetime_filter,
            tags,
            filter,
            filter_by,
            order_by,
        )
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        calls = filtered_page_calls(
            _PATH, parse_registration_page, filters, flags, include_total_count
        )
        return Paginator(lambda more: self._client._call(calls(more)))

    def list_page(
        self,
        *,
        course_id: str | None = None,
        learner_id: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
        include_total_count: bool = False,
        more: str | None = None,
    ) -> RegistrationPage:
        """Return one page of the registration list.

        Args:
            course_id: Only registrations for this course.
            learner_id: Only registrations of this learner.
            since: Only registrations created or updated (see
                `datetime_filter`) at or after this moment; naive means UTC.
            until: Only registrations up to this moment, inclusive.
            datetime_filter: `"created"` (the service's default) or `"updated"`.
            tags: Only registrations having at least one of these tags.
            filter: Only registrations whose `filter_by` field contains this.
            filter_by: `"registration_id"` (the default), `"course_id"`,
                `"course_title"`, `"learner_id"`, `"learner_first_name"` or
                `"learner_last_name"`.
            order_by: `"created_desc"` (the default), `"created_asc"`,
                `"updated_asc"` or `"updated_desc"`.
            include_child_results: Add `activity_details` to each registration.
            include_interactions_and_objectives: Add objectives and interactions.
            include_runtime: Add each SCO's runtime data.
            include_total_count: Ask for the number of matching registrations,
                in `total_count` (first page only).
            more: The previous page's `more` token. It carries the first
                request's filters, so it cannot be combined with them.

        Raises:
            BadRequestError: A filter value is not valid.
            ValueError: Filters were given together with `more`.
        """
        filters = _filters(
            course_id,
            learner_id,
            since,
            until,
            datetime_filter,
            tags,
            filter,
            filter_by,
            order_by,
        )
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        flags.update(include_flags(includeTotalCount=include_total_count))
        return self._client._call(_list_page(page_params(more, filters, flags)))


class AsyncRegistrationListing:
    """Listing registrations; a part of the async client's `client.registrations`."""

    _client: AsyncScormCloud

    @copy_doc(RegistrationListing.list)
    def list(
        self,
        *,
        course_id: str | None = None,
        learner_id: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
        include_total_count: bool = False,
    ) -> AsyncPaginator[Registration]:
        filters = _filters(
            course_id,
            learner_id,
            since,
            until,
            datetime_filter,
            tags,
            filter,
            filter_by,
            order_by,
        )
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        calls = filtered_page_calls(
            _PATH, parse_registration_page, filters, flags, include_total_count
        )
        return AsyncPaginator(lambda more: self._client._call(calls(more)))

    @copy_doc(RegistrationListing.list_page)
    async def list_page(
        self,
        *,
        course_id: str | None = None,
        learner_id: str | None = None,
        since: datetime | str | None = None,
        until: datetime | str | None = None,
        datetime_filter: str | None = None,
        tags: Iterable[str] | None = None,
        filter: str | None = None,
        filter_by: str | None = None,
        order_by: str | None = None,
        include_child_results: bool = False,
        include_interactions_and_objectives: bool = False,
        include_runtime: bool = False,
        include_total_count: bool = False,
        more: str | None = None,
    ) -> RegistrationPage:
        filters = _filters(
            course_id,
            learner_id,
            since,
            until,
            datetime_filter,
            tags,
            filter,
            filter_by,
            order_by,
        )
        flags = detail_flags(
            include_child_results, include_interactions_and_objectives, include_runtime
        )
        flags.update(include_flags(includeTotalCount=include_total_count))
        return await self._client._call(_list_page(page_params(more, filters, flags)))


def _filters(
    course_id: str | None,
    learner_id: str | None,
    since: datetime | str | None,
    until: datetime | str | None,
    datetime_filter: str | None,
    tags: Iterable[str] | None,
    filter: str | None,
    filter_by: str | None,
    order_by: str | None,
) -> dict[str, datetime | str | Iterable[str] | None]:
    return {
        "courseId": course_id,
        "learnerId": learner_id,
        "since": since,
        "until": until,
        "datetimeFilter": datetime_filter,
        "tags": None if tags is None else tag_list(tags),
        "filter": filter,
        "filterBy": filter_by,
        "orderBy": order_by,
    }


def parse_registration_page(response: httpx.Response) -> Page[Registration]:
    """One page of registrations, or of a registration's instances."""
    body = parse_response(_RegistrationPageBody, response)
    return Page(body.registrations, body.more, total_count(response))


def _list_page(params: dict[str, str]) -> Call[RegistrationPage]:
    def parse(response: httpx.Response) -> RegistrationPage:
        page = parse_registration_page(response)
        return RegistrationPage(
            registrations=page.items, more=page.more, total_count=page.total_count
        )

    return Call("GET", _PATH, parse, params=params)
