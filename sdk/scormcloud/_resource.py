"""What sync and async resources share: API calls described without any I/O.

A resource method builds a `Call` (method, path, query, body, and how to read the
answer) with a module-level function, then hands it to its client: `ScormCloud`
sends it at once, `AsyncScormCloud` awaits it. That last line is the only part of
a method that differs between a sync resource and its async twin.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from ._base_client import Files
from ._models import Model, ModelT, parse_response
from .pagination import Page

if TYPE_CHECKING:
    from ._async_client import AsyncScormCloud
    from ._client import ScormCloud

T = TypeVar("T")
FunctionT = TypeVar("FunctionT", bound=Callable[..., Any])


@dataclass(frozen=True)
class Call(Generic[T]):
    """One request to send, and how to turn its 2xx response into a result."""

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: Mapping[str, str] | None = None
    json: object = None
    data: Mapping[str, str] | None = None
    files: Files | None = None


def returns(model: type[ModelT]) -> Callable[[httpx.Response], ModelT]:
    """A parser that validates the response body as `model`."""
    return functools.partial(parse_response, model)


def no_content(response: httpx.Response) -> None:
    """A parser for calls whose answer the caller does not need."""


class SyncAPIResource:
    """A resource of the synchronous client."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client


class AsyncAPIResource:
    """A resource of the asynchronous client."""

    def __init__(self, client: AsyncScormCloud) -> None:
        self._client = client


def copy_doc(source: Callable[..., Any]) -> Callable[[FunctionT], FunctionT]:
    """Give an async method the docstring of its sync twin.

    The twins take the same arguments and raise the same errors, so one text
    documents both; `help()` and the docs show it on each.
    """

    def decorate(function: FunctionT) -> FunctionT:
        function.__doc__ = source.__doc__
        return function

    return decorate


class _Ping(Model):
    """``PingSchema``: the answer to ``GET /ping``."""

    api_message: str | None = None
    current_time: str | None = None


PING: Call[str] = Call(
    "GET", "/ping", lambda response: parse_response(_Ping, response).api_message or ""
)


def total_count(response: httpx.Response) -> int | None:
    """The ``X-Total-Count`` header, sent on a first page when asked for."""
    value = response.headers.get("X-Total-Count")
    return int(value) if value is not None else None


def page_calls(
    path: str,
    parse: Callable[[httpx.Response], Page[T]],
    first: Mapping[str, str],
    follow: Mapping[str, str],
) -> Callable[[str | None], Call[Page[T]]]:
    """The calls for each page of a list, for `Paginator` and `AsyncPaginator`.

    Args:
        path: The list's path.
        parse: Reads one page.
        first: The first request's parameters (filters and flags).
        follow: The parameters sent with each later page's `more` token; the
            token carries the filters, but not the include flags.
    """

    def call_for(more: str | None) -> Call[Page[T]]:
        params = first if more is None else {"more": more, **follow}
        return Call("GET", path, parse, params=params)

    return call_for
