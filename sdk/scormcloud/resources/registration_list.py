"""The registration list: `client.registrations.list` and `list_page`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from pydantic import Field

from .._exceptions import ScormCloudError
from .._models import Model, parse_response
from ..types.registration import Registration, RegistrationPage
from ._registration_params import detail_flags, include_flags, list_params, tag_list

if TYPE_CHECKING:
    from .._client import ScormCloud


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
    ) -> Iterator[Registration]:
        """Iterate over registrations (latest instances), fetching pages lazily.

        Stopping early saves requests. Arguments are those of `list_page`.
        """

        def page_of(more: str | None) -> RegistrationPage:
            # Include flags are not filters; they go with every page.
            return self.list_page(
                more=more,
                include_child_results=include_child_results,
                include_interactions_and_objectives=include_interactions_and_objectives,
                include_runtime=include_runtime,
            )

        page = self.list_page(
            course_id=course_id,
            learner_id=learner_id,
            since=since,
            until=until,
            datetime_filter=datetime_filter,
            tags=tags,
            filter=filter,
            filter_by=filter_by,
            order_by=order_by,
            include_child_results=include_child_results,
            include_interactions_and_objectives=include_interactions_and_objectives,
            include_runtime=include_runtime,
        )
        yield from page.registrations
        while page.more:
            token = page.more
            page = page_of(token)
            # The same token twice in a row would loop forever; fail loudly instead.
            if page.more == token:
                raise ScormCloudError(f"The service repeated page token {token!r}")
            yield from page.registrations

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
        filters = {
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
        if more is not None:
            if any(value is not None for value in filters.values()):
                raise ValueError("more cannot be combined with other filters")
            params = {"more": more}
        else:
            params = list_params(**filters)
        params.update(
            detail_flags(
                child_results=include_child_results,
                interactions_and_objectives=include_interactions_and_objectives,
                runtime=include_runtime,
            )
        )
        params.update(include_flags(includeTotalCount=include_total_count))
        response = self._client._request("GET", "/registrations", params=params)
        body = parse_response(_RegistrationPageBody, response)
        total = response.headers.get("X-Total-Count")
        return RegistrationPage(
            registrations=body.registrations,
            more=body.more,
            total_count=int(total) if total is not None else None,
        )
