"""Query parameters shared by the list, progress and tag calls."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from typing import TypeVar

import httpx

from .._resource import Call, page_calls
from ..pagination import Page

T = TypeVar("T")


def list_params(**values: datetime | str | Iterable[str] | None) -> dict[str, str]:
    """Query parameters for the list filters that were given."""
    params: dict[str, str] = {}
    for name, value in values.items():
        if value is None:
            continue
        if isinstance(value, datetime):
            params[name] = timestamp(value)
        elif isinstance(value, str):
            params[name] = value
        else:
            # Tags travel comma-separated, as the service expects.
            params[name] = ",".join(value)
    return params


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``; a naive datetime is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def include_flags(**flags: bool) -> dict[str, str]:
    """Query parameters for the flags that are on; off is the service default."""
    return {name: "true" for name, on in flags.items() if on}


def detail_flags(
    child_results: bool, interactions_and_objectives: bool, runtime: bool
) -> dict[str, str]:
    """The ``include...`` flags of the progress calls.

    Include flags are not filters: a list sends them with every page.
    """
    return include_flags(
        includeChildResults=child_results,
        includeInteractionsAndObjectives=interactions_and_objectives,
        includeRuntime=runtime,
    )


def tag_list(tags: Iterable[str]) -> list[str]:
    # A lone string would otherwise become one tag per character.
    if isinstance(tags, str):
        raise TypeError("tags must be an iterable of strings, not a string")
    return list(tags)


def page_params(
    more: str | None,
    filters: Mapping[str, datetime | str | Iterable[str] | None],
    flags: Mapping[str, str],
) -> dict[str, str]:
    """Query parameters of one list page: its filters, or the `more` token.

    Raises:
        ValueError: Filters were given together with `more`, which carries
            the first request's filters itself.
    """
    if more is None:
        return {**list_params(**filters), **flags}
    if any(value is not None for value in filters.values()):
        raise ValueError("more cannot be combined with other filters")
    return {"more": more, **flags}


def filtered_page_calls(
    path: str,
    parse: Callable[[httpx.Response], Page[T]],
    filters: Mapping[str, datetime | str | Iterable[str] | None],
    flags: Mapping[str, str],
    include_total_count: bool,
) -> Callable[[str | None], Call[Page[T]]]:
    """The page calls of a filtered list (courses, registrations).

    The first request carries the filters, the include flags and, when asked,
    `includeTotalCount`; later ones the `more` token and the include flags.
    """
    first_flags = {**flags, **include_flags(includeTotalCount=include_total_count)}
    first = page_params(None, filters, first_flags)
    return page_calls(path, parse, first, flags)
