"""Which registrations (or instances) a list page holds, and the ``more`` token.

The token is opaque to clients but carries the first request's filters and the offset
of the next page, so later pages keep the first request's filters (as the service's
documentation says) without the mock keeping cursor state.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, TypeVar

from ._errors import BadRequestError
from ._records import Instance, Registration
from ._values import check_choice, parse_timestamp

DATETIME_FILTERS = ("created", "updated")
FILTER_BY = (
    "registration_id",
    "course_id",
    "course_title",
    "learner_id",
    "learner_first_name",
    "learner_last_name",
)
ORDER_BY = ("created_asc", "created_desc", "updated_asc", "updated_desc")

Item = TypeVar("Item")


@dataclass(frozen=True)
class RegistrationQuery:
    """The filters and order of ``GET /registrations`` as its first page gave them."""

    course_id: str | None = None
    learner_id: str | None = None
    since: str | None = None
    until: str | None = None
    datetime_filter: str = "created"
    tags: tuple[str, ...] = ()
    filter: str | None = None
    filter_by: str = "registration_id"
    order_by: str = "created_desc"

    def __post_init__(self) -> None:
        check_choice("datetimeFilter", self.datetime_filter, DATETIME_FILTERS)
        check_choice("filterBy", self.filter_by, FILTER_BY)
        check_choice("orderBy", self.order_by, ORDER_BY)
        # Parsed now so that a bad timestamp is refused before any work is done.
        self.bounds  # noqa: B018

    @cached_property
    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """``since`` and ``until``, parsed once rather than for every registration."""
        return window(self.since, self.until)

    @property
    def order_field(self) -> str:
        """``created`` or ``updated``: the moment the list is ordered by."""
        return self.order_by.rpartition("_")[0]

    @property
    def descending(self) -> bool:
        return self.order_by.endswith("_desc")

    @property
    def filtered(self) -> bool:
        """Whether any registration can fail to match."""
        bounds = (self.course_id, self.learner_id, self.since, self.until)
        return any(b is not None for b in bounds) or bool(self.tags or self.filter)

    def matches(
        self, registration: Registration, title_of: Callable[[str], str]
    ) -> bool:
        """Whether a registration passes every filter.

        ``title_of`` gives a course id's latest title, for ``course_title``.
        """
        if self.course_id is not None and registration.course_id != self.course_id:
            return False
        if (
            self.learner_id is not None
            and registration.learner.learner_id != self.learner_id
        ):
            return False
        if not _within(moment(registration, self.datetime_filter), self):
            return False
        if self.tags and not set(self.tags) & set(registration.tags):
            return False
        if self.filter:
            subject = _filter_subject(registration, self.filter_by, title_of)
            return self.filter.casefold() in subject.casefold()
        return True


@dataclass(frozen=True)
class InstanceQuery:
    """The window of ``GET /registrations/{id}/instances`` (by instance update)."""

    since: str | None = None
    until: str | None = None

    def __post_init__(self) -> None:
        window(self.since, self.until)

    def select(self, instances: tuple[Instance, ...]) -> list[Instance]:
        since, until = window(self.since, self.until)
        return [
            i
            for i in instances
            if (since is None or _milliseconds(i.updated) >= since)
            and (until is None or _milliseconds(i.updated) <= until)
        ]


def page(items: list[Item], offset: int, size: int) -> tuple[list[Item], int | None]:
    """The items of one page and the offset of the next page, if any."""
    end = offset + size
    return items[offset:end], (end if end < len(items) else None)


def encode_token(query: RegistrationQuery | InstanceQuery, offset: int) -> str:
    """An opaque ``more`` token for the page that starts at ``offset``."""
    state = {"kind": type(query).__name__, "query": asdict(query), "offset": offset}
    raw = json.dumps(state, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str, kind: type[Item]) -> tuple[Item, int]:
    """The query and offset a ``more`` token carries; 400 for anything else."""
    try:
        padded = token + "=" * (-len(token) % 4)
        state: dict[str, Any] = json.loads(base64.urlsafe_b64decode(padded))
        if state["kind"] != kind.__name__:
            raise ValueError("kind")
        fields = state["query"]
        if "tags" in fields:
            fields["tags"] = tuple(fields["tags"])
        offset = state["offset"]
        if not isinstance(offset, int) or offset < 0:
            raise ValueError("offset")
        return kind(**fields), offset
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
        raise BadRequestError(f"'{token}' is not a valid 'more' token") from None


def window(
    since: str | None, until: str | None
) -> tuple[datetime | None, datetime | None]:
    return _timestamp(since), _timestamp(until)


def _within(when: datetime, query: RegistrationQuery) -> bool:
    since, until = query.bounds
    if since is None and until is None:
        return True
    when = _milliseconds(when)
    return (since is None or when >= since) and (until is None or when <= until)


def _milliseconds(moment: datetime) -> datetime:
    # Compared at the precision the wire shows, so that a timestamp read from a
    # response matches the record it came from.
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def moment(registration: Registration, which: str) -> datetime:
    """When a registration was created, or last updated (any instance)."""
    if which == "created":
        return registration.created
    return max(instance.updated for instance in registration.instances)


def _filter_subject(
    registration: Registration, filter_by: str, title_of: Callable[[str], str]
) -> str:
    learner = registration.learner
    if filter_by == "course_title":
        return title_of(registration.course_id)
    subjects = {
        "registration_id": registration.registration_id,
        "course_id": registration.course_id,
        "learner_id": learner.learner_id,
        "learner_first_name": learner.first_name or "",
        "learner_last_name": learner.last_name or "",
    }
    return subjects[filter_by]


def _timestamp(text: str | None) -> datetime | None:
    return None if text is None else parse_timestamp(text)
