"""Streamed downloads (course zips, asset files): written in chunks, never whole.

The sync and async functions differ only in how they read the body
(`iter_bytes` or `aiter_bytes`); neither ever touches `response.content`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from .._async_client import AsyncScormCloud
    from .._client import ScormCloud

Destination = str | os.PathLike[str] | BinaryIO
"""Where a download goes: a path to create or replace, or a binary file."""


def download(
    client: ScormCloud,
    path: str,
    dest: Destination,
    params: Mapping[str, str] | None = None,
) -> int:
    """GET `path` and write its body to `dest`; return the number of bytes written.

    Raises:
        APIStatusError: The service answered with an error; nothing is written.
    """
    request = client._build_request(client._http, "GET", path, params=params)
    with client._transport_errors(request):
        response = client._http.send(request, auth=client._auth, stream=True)
        try:
            if not response.is_success:
                # Error bodies are small JSON; read it so the error can quote it.
                response.read()
            client._check_response(response)
            with _open_destination(dest) as target:
                written = 0
                for chunk in response.iter_bytes():
                    # Counted here: a caller's file may not return what it wrote.
                    target.write(chunk)
                    written += len(chunk)
                return written
        finally:
            response.close()


async def adownload(
    client: AsyncScormCloud,
    path: str,
    dest: Destination,
    params: Mapping[str, str] | None = None,
) -> int:
    """`download` for the async client."""
    request = client._build_request(client._http, "GET", path, params=params)
    with client._transport_errors(request):
        response = await client._http.send(request, auth=client._auth, stream=True)
        try:
            if not response.is_success:
                await response.aread()
            client._check_response(response)
            with _open_destination(dest) as target:
                written = 0
                async for chunk in response.aiter_bytes():
                    target.write(chunk)
                    written += len(chunk)
                return written
        finally:
            await response.aclose()


@contextmanager
def _open_destination(dest: Destination) -> Iterator[BinaryIO]:
    if isinstance(dest, (str, os.PathLike)):
        with open(dest, "wb") as target:
            yield target
        return
    if not callable(getattr(dest, "write", None)):
        raise TypeError(f"dest must be a path or a binary file, not {dest!r}")
    yield dest
