"""`scormcloud.pagination`: lazy, token-following iteration, sync and async."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from sdk_fakes import FakeService, query_of

import scormcloud.pagination
from scormcloud import (
    AsyncPaginator,
    Page,
    Paginator,
    RepeatedPageTokenError,
    ScormCloud,
    ScormCloudError,
)

PAGES = {
    None: Page(["a", "b"], "t1", total_count=5),
    "t1": Page(["c"], "t2"),
    "t2": Page(["d", "e"]),
}


class Pages:
    """A list service in memory that records each page asked for."""

    def __init__(self, pages: dict[str | None, Page[str]]) -> None:
        self.pages = pages
        self.asked: list[str | None] = []

    def fetch(self, more: str | None) -> Page[str]:
        self.asked.append(more)
        return self.pages[more]

    def afetch(self) -> Callable[[str | None], Awaitable[Page[str]]]:
        async def fetch(more: str | None) -> Page[str]:
            return self.fetch(more)

        return fetch


def alternating() -> Pages:
    # A, B, A: no token repeats twice in a row, yet following them never ends.
    return Pages({None: Page(["x"], "A"), "A": Page(["y"], "B"), "B": Page(["z"], "A")})


def test_items_follow_every_token_in_order() -> None:
    pages = Pages(PAGES)

    assert list(Paginator(pages.fetch)) == ["a", "b", "c", "d", "e"]
    assert pages.asked == [None, "t1", "t2"]


def test_nothing_is_fetched_before_iteration_and_stopping_early_stops() -> None:
    pages = Pages(PAGES)

    items = Paginator(pages.fetch)
    assert pages.asked == []
    assert [next(items), next(items)] == ["a", "b"]
    assert pages.asked == [None]
    assert next(items) == "c"
    assert pages.asked == [None, "t1"]


def test_total_count_reuses_the_first_page() -> None:
    pages = Pages(PAGES)

    items = Paginator(pages.fetch)

    assert items.total_count() == 5
    assert items.first_page().items == ["a", "b"]
    assert list(items) == ["a", "b", "c", "d", "e"]
    assert pages.asked == [None, "t1", "t2"]


def test_pages_yields_whole_pages() -> None:
    pages = Pages(PAGES)

    assert [page.items for page in Paginator(pages.fetch).pages()] == [
        ["a", "b"],
        ["c"],
        ["d", "e"],
    ]


def test_a_token_repeated_at_any_distance_is_refused() -> None:
    pages = alternating()

    with pytest.raises(
        RepeatedPageTokenError, match="repeated page token 'A'"
    ) as error:
        list(Paginator(pages.fetch))

    assert error.value.token == "A"
    assert isinstance(error.value, ScormCloudError)
    # The repeated token is never sent.
    assert pages.asked == [None, "A", "B"]


def test_an_empty_list_is_one_request() -> None:
    pages = Pages({None: Page([])})

    assert list(Paginator(pages.fetch)) == []
    assert pages.asked == [None]


@pytest.mark.anyio
async def test_async_items_follow_every_token_lazily() -> None:
    pages = Pages(PAGES)

    items = AsyncPaginator(pages.afetch())
    assert pages.asked == []
    assert await anext(items) == "a"
    assert pages.asked == [None]
    assert [item async for item in items] == ["b", "c", "d", "e"]
    assert pages.asked == [None, "t1", "t2"]


@pytest.mark.anyio
async def test_async_stopping_early_sends_no_further_request() -> None:
    pages = Pages(PAGES)

    async for item in AsyncPaginator(pages.afetch()):
        if item == "b":
            break

    assert pages.asked == [None]


@pytest.mark.anyio
async def test_async_total_count_and_pages() -> None:
    pages = Pages(PAGES)

    items = AsyncPaginator(pages.afetch())

    assert await items.total_count() == 5
    assert [page.items async for page in items.pages()] == [
        ["a", "b"],
        ["c"],
        ["d", "e"],
    ]
    assert pages.asked == [None, "t1", "t2"]


@pytest.mark.anyio
async def test_async_alternating_tokens_are_refused() -> None:
    pages = alternating()

    with pytest.raises(RepeatedPageTokenError):
        [item async for item in AsyncPaginator(pages.afetch())]

    assert pages.asked == [None, "A", "B"]


def test_courses_list_exposes_the_total_count(
    client: ScormCloud, service: FakeService
) -> None:
    service.reply(
        json={"courses": [{"id": "a"}], "more": "t1"}, headers={"X-Total-Count": "2"}
    )
    service.reply(json={"courses": [{"id": "b"}]})

    courses = client.courses.list(filter="golf", include_total_count=True)

    assert courses.total_count() == 2
    assert [course.id for course in courses] == ["a", "b"]
    assert [query_of(request) for request in service.requests] == [
        {"filter": "golf", "includeTotalCount": "true"},
        {"more": "t1"},
    ]


def test_registration_lists_refuse_alternating_tokens(
    client: ScormCloud, service: FakeService
) -> None:
    # Two rounds of A, B, A: one for each list.
    for token in ("A", "B", "A") * 2:
        service.reply(json={"registrations": [{"id": "r"}], "more": token})

    with pytest.raises(RepeatedPageTokenError):
        list(client.registrations.list())
    with pytest.raises(RepeatedPageTokenError):
        client.registrations.instances.list("r")


def test_the_module_exports_what_it_defines() -> None:
    module = scormcloud.pagination

    assert module.__all__ == sorted(module.__all__)
    for name in module.__all__:
        assert getattr(module, name).__module__ == module.__name__
