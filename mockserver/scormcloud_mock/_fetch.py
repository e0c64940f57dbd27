"""Downloads the mock makes itself: packages and assets "fetched from a URL".

Tests can hand the mock an httpx transport (``MockScormCloud(fetch_transport=...)``)
so no network is needed; otherwise the URL is really fetched.
"""

from __future__ import annotations

import logging
from typing import IO
from urllib.parse import unquote, urlsplit

import httpx

logger = logging.getLogger(__name__)

_CHUNK = 64 * 1024


class FetchError(Exception):
    """The URL could not be fetched; ``str()`` says why, for the caller."""


def fetch(
    url: str,
    target: IO[bytes],
    *,
    transport: httpx.BaseTransport | None,
    max_bytes: int,
) -> str:
    """Stream ``url`` into ``target``; return the file name its path ends with."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"'{url}' is not an http or https URL")
    try:
        with httpx.Client(transport=transport, follow_redirects=True, timeout=60) as h:
            with h.stream("GET", url) as response:
                if not response.is_success:
                    raise FetchError(
                        f"fetching '{url}' answered HTTP {response.status_code}"
                    )
                _copy(response, target, url, max_bytes)
    except httpx.HTTPError as error:
        raise FetchError(f"fetching '{url}' failed: {error}") from None
    logger.debug("fetched %s", url)
    return unquote(parts.path.rpartition("/")[2]) or "download"


def _copy(
    response: httpx.Response, target: IO[bytes], url: str, max_bytes: int
) -> None:
    written = 0
    for chunk in response.iter_bytes(_CHUNK):
        written += len(chunk)
        if written > max_bytes:
            raise FetchError(f"'{url}' is larger than {max_bytes:,} bytes")
        target.write(chunk)
