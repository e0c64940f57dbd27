"""Which courses a ``GET /courses`` page holds: filters, order and the ``more`` token.

The token is opaque to clients but carries the original request's filters and the
offset of the next page, so later pages keep respecting the first request's filters
(as the service's documentation says), without the mock keeping any cursor state.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import asdict, dataclass
from datetime import datetime

from ._errors import BadRequestError
from ._records import Course
from ._values import check_choice, parse_timestamp

DATETIME_FILTERS = ("created", "updated")
FILTER_BY = ("course_id", "course_title")
ORDER_BY = (
    "created_asc",
    "created_desc",
    "updated_asc",
    "updated_desc",
    "title_asc",
    "title_desc",
)


@dataclass(frozen=True)
class CourseQuery:
    """The filters and order of a course list, as the first page's request gave them."""

    since: str | None = None
    until: str | None = None
    datetime_filter: str = "updated"
    tags: tuple[str, ...] = ()
    filter: str | None = None
    filter_by: str = "course_id"
    order_by: str = "created_desc"
    include_course_metadata: bool = False
    include_registration_count: bool = False

    def __post_init__(self) -> None:
        check_choice("datetimeFilter", self.datetime_filter, DATETIME_FILTERS)
        check_choice("filterBy", self.filter_by, FILTER_BY)
        check_choice("orderBy", self.order_by, ORDER_BY)
        # Parsed here so a bad timestamp is refused before any work is done.
        self.window()

    def window(self) -> tuple[datetime | None, datetime | None]:
        return _timestamp(self.since), _timestamp(self.until)

    def select(self, courses: list[Course]) -> list[Course]:
        """The matching courses, in the requested order."""
        matching = [course for course in courses if self._matches(course)]
        field, _, direction = self.order_by.rpartition("_")
        matching.sort(key=lambda course: course.course_id)
        matching.sort(key=lambda course: _sort_value(course, field))
        if direction == "desc":
            matching.reverse()
        return matching

    def _matches(self, course: Course) -> bool:
        since, until = self.window()
        moment = _moment(course, self.datetime_filter)
        if (since is not None and moment < since) or (
            until is not None and moment > until
        ):
            return False
        if self.tags and not set(self.tags) & set(course.tags):
            return False
        if self.filter:
            subject = course.course_id
            if self.filter_by == "course_title":
                subject = course.latest.title
            return self.filter.casefold() in subject.casefold()
        return True


def encode_token(query: CourseQuery, offset: int) -> str:
    """An opaque ``more`` token for the page that starts at ``offset``."""
    state = {"query": asdict(query), "offset": offset}
    raw = json.dumps(state, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str) -> tuple[CourseQuery, int]:
    """The query and offset a ``more`` token carries; 400 for anything else."""
    try:
        padded = token + "=" * (-len(token) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        fields = state["query"]
        fields["tags"] = tuple(fields["tags"])
        offset = state["offset"]
        if not isinstance(offset, int) or offset < 0:
            raise ValueError("offset")
        return CourseQuery(**fields), offset
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
        raise BadRequestError(f"'{token}' is not a valid 'more' token") from None


def _timestamp(text: str | None) -> datetime | None:
    return None if text is None else parse_timestamp(text)


def _moment(course: Course, which: str) -> datetime:
    version = course.latest
    moment = version.created if which == "created" else version.updated
    # Compare at the precision the wire shows, so a date read back matches itself.
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _sort_value(course: Course, field: str) -> str | datetime:
    if field == "title":
        return course.latest.title.casefold()
    return _moment(course, field)
