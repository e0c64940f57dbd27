"""Lazy iteration over SCORM Cloud's paged lists, sync and async.

A list call answers one page and, when more remain, a `more` token that the next
request sends instead of the filters. `Paginator` (sync) and `AsyncPaginator`
(async) follow those tokens one page at a time, only as far as the caller
iterates, so stopping early saves requests:

    courses = client.courses.list(include_total_count=True)
    print(courses.total_count())  # fetches the first page, which iteration reuses
    for course in courses:
        ...

    async for course in async_client.courses.list():
        ...

A token the service already sent for the same list would loop forever; iteration
raises `RepeatedPageTokenError` instead, however far apart the two are.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from ._exceptions import RepeatedPageTokenError

__all__ = ["AsyncPaginator", "Page", "Paginator"]

ItemT = TypeVar("ItemT")


@dataclass(frozen=True)
class Page(Generic[ItemT]):
    """One page of a list.

    Attributes:
        items: The page's courses, registrations or instances.
        more: The token for the next page; None on the last page.
        total_count: Matching items in all pages, on the first page when the
            call asked for it (`include_total_count=True`).
    """

    items: builtins.list[ItemT] = field(default_factory=builtins.list)
    more: str | None = None
    total_count: int | None = None


class _TokenLog:
    """The tokens already followed for one list."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def follow(self, token: str) -> str:
        if token in self._seen:
            raise RepeatedPageTokenError(token=token)
        self._seen.add(token)
        return token


class Paginator(Generic[ItemT]):
    """The items of a list across all its pages, fetched as iteration needs them.

    It is an iterator, so it can be consumed once. No request is sent before
    the first item, page or count is asked for.
    """

    def __init__(self, fetch: Callable[[str | None], Page[ItemT]]) -> None:
        # `fetch(None)` is the first page; `fetch(token)` the one after it.
        self._fetch = fetch
        self._first: Page[ItemT] | None = None
        self._pages = self._walk()
        self._items: Iterator[ItemT] = iter(())

    def first_page(self) -> Page[ItemT]:
        """Return the first page, fetching it unless iteration already did."""
        if self._first is None:
            self._first = self._fetch(None)
        return self._first

    def total_count(self) -> int | None:
        """Return the first page's total count (None unless it was asked for)."""
        return self.first_page().total_count

    def pages(self) -> Iterator[Page[ItemT]]:
        """Iterate over the pages not yet reached by item iteration.

        Raises:
            RepeatedPageTokenError: The service sent a token a second time.
        """
        return self._pages

    def __iter__(self) -> Paginator[ItemT]:
        return self

    def __next__(self) -> ItemT:
        while True:
            try:
                return next(self._items)
            except StopIteration:
                pass
            # The end of the last page ends iteration (StopIteration propagates).
            self._items = iter(next(self._pages).items)

    def _walk(self) -> Iterator[Page[ItemT]]:
        tokens = _TokenLog()
        page = self.first_page()
        yield page
        while page.more:
            page = self._fetch(tokens.follow(page.more))
            yield page


class AsyncPaginator(Generic[ItemT]):
    """`Paginator` for the async client: the same methods, awaited."""

    def __init__(self, fetch: Callable[[str | None], Awaitable[Page[ItemT]]]) -> None:
        self._fetch = fetch
        self._first: Page[ItemT] | None = None
        self._pages = self._walk()
        self._items: Iterator[ItemT] = iter(())

    async def first_page(self) -> Page[ItemT]:
        """Return the first page, fetching it unless iteration already did."""
        if self._first is None:
            self._first = await self._fetch(None)
        return self._first

    async def total_count(self) -> int | None:
        """Return the first page's total count (None unless it was asked for)."""
        return (await self.first_page()).total_count

    def pages(self) -> AsyncIterator[Page[ItemT]]:
        """Iterate over the pages not yet reached by item iteration.

        Raises:
            RepeatedPageTokenError: The service sent a token a second time.
        """
        return self._pages

    def __aiter__(self) -> AsyncPaginator[ItemT]:
        return self

    async def __anext__(self) -> ItemT:
        while True:
            try:
                return next(self._items)
            except StopIteration:
                pass
            # The end of the last page ends iteration (StopAsyncIteration).
            self._items = iter((await anext(self._pages)).items)

    async def _walk(self) -> AsyncIterator[Page[ItemT]]:
        tokens = _TokenLog()
        page = await self.first_page()
        yield page
        while page.more:
            page = await self._fetch(tokens.follow(page.more))
            yield page
