"""Courses: the course list, one course, titles, zips, previews; sub-resources."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from pydantic import Field

from .._base_client import build_path
from .._exceptions import ScormCloudError
from .._models import Model, parse_response
from ..types.course import Course, CoursePage
from ..types.settings import RESTART_SETTING_ID, RestartPolicy
from ._downloads import Destination, download
from .course_assets import CourseAssets
from .course_configuration import CourseConfiguration
from .course_imports import CourseImports
from .course_tags import CourseTags
from .course_versions import CourseVersions

if TYPE_CHECKING:
    from .._client import ScormCloud

logger = logging.getLogger(__name__)


class _LaunchLink(Model):
    launch_link: str


class _CoursePageBody(Model):
    courses: list[Course] = Field(default_factory=list)
    more: str | None = None


class Courses(CourseImports):
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
        params = _include_flags(
            includeRegistrationCount=include_registration_count,
            includeCourseMetadata=include_course_metadata,
        )
        path = build_path("/courses/{course_id}", course_id=course_id)
        return parse_response(Course, self._client._request("GET", path, params=params))

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
    ) -> Iterator[Course]:
        """Iterate over the application's courses, fetching pages as needed.

        Each course appears at its latest version. Pages are requested lazily,
        so stopping early saves requests. Arguments are those of `list_page`.
        """
        page = self.list_page(
            since=since,
            until=until,
            datetime_filter=datetime_filter,
            tags=tags,
            filter=filter,
            filter_by=filter_by,
            order_by=order_by,
            include_course_metadata=include_course_metadata,
            include_registration_count=include_registration_count,
        )
        yield from page.courses
        while page.more:
            token = page.more
            # Include flags are not filters; send them again to be safe.
            page = self.list_page(
                more=token,
                include_course_metadata=include_course_metadata,
                include_registration_count=include_registration_count,
            )
            # The same token twice in a row would loop forever; fail loudly instead.
            if page.more == token:
                raise ScormCloudError(f"The service repeated page token {token!r}")
            yield from page.courses

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
            BadRequestError: A filter value is not valid, or filters were sent
                with `more`.
        """
        if more is not None:
            filters = (since, until, datetime_filter, tags, filter, filter_by, order_by)
            if any(value is not None for value in filters):
                raise ValueError("more cannot be combined with other filters")
            params = {"more": more}
        else:
            params = _list_params(
                since=since,
                until=until,
                datetimeFilter=datetime_filter,
                tags=tags,
                filter=filter,
                filterBy=filter_by,
                orderBy=order_by,
            )
        params.update(
            _include_flags(
                includeCourseMetadata=include_course_metadata,
                includeRegistrationCount=include_registration_count,
                includeTotalCount=include_total_count,
            )
        )
        response = self._client._request("GET", "/courses", params=params)
        body = parse_response(_CoursePageBody, response)
        total = response.headers.get("X-Total-Count")
        return CoursePage(
            courses=body.courses,
            more=body.more,
            total_count=int(total) if total is not None else None,
        )

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
        body = {
            "expiry": expiry,
            "redirectOnExitUrl": redirect_on_exit_url,
            "startSco": start_sco,
            "culture": culture,
            "cssUrl": css_url,
        }
        path = build_path("/courses/{course_id}", course_id=course_id)
        if version is not None:
            path += build_path("/versions/{version}", version=version)
        payload = {key: value for key, value in body.items() if value is not None}
        response = self._client._request("POST", path + "/preview", json=payload)
        return parse_response(_LaunchLink, response).launch_link

    def set_title(self, course_id: str, title: str) -> None:
        """Change the title of a course (its latest version).

        Raises:
            NotFoundError: The course does not exist.
        """
        path = build_path("/courses/{course_id}/title", course_id=course_id)
        self._client._request("PUT", path, json={"title": title})

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
        path = build_path("/courses/{course_id}/zip", course_id=course_id)
        return download(self._client, path, dest)

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


def _list_params(**values: datetime | str | Iterable[str] | None) -> dict[str, str]:
    """Query parameters for the list filters that were given."""
    params: dict[str, str] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            params[name] = _timestamp(value)
        elif isinstance(value, str):
            params[name] = value
        else:
            # Tags travel comma-separated, as the service expects.
            params[name] = ",".join(value)
    return params


def _timestamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _include_flags(**flags: bool) -> dict[str, str]:
    """Query parameters for the flags that are on; off is the service default."""
    return {name: "true" for name, on in flags.items() if on}
