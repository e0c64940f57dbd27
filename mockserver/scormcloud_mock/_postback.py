"""Posting a registration's results to its ``postBack`` URL after runtime changes.

SCORM Cloud sends the same JSON as ``GET /registrations/{id}`` (with as much detail as
``resultsFormat`` asks for). With ``authType`` ``HTTPBASIC`` (the v2 default, also for
``UNDEFINED``) the body is that JSON and credentials go in an ``Authorization``
header; with ``FORM`` the body is URL-encoded with ``data``, ``username`` and
``password`` fields.

Deliveries run on one background thread, never on the request thread, through a
bounded queue; a full queue drops the delivery. The mock only posts to loopback hosts
so that a test setup can never send results across the network by mistake; other
URLs are accepted and logged at DEBUG, but not called.
"""

from __future__ import annotations

import base64
import json
import logging
import queue
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from ._records import PostBack

logger = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
QUEUE_SIZE = 100
TIMEOUT_SECONDS = 5.0
#: A worker with nothing to send for this long stops; the next delivery starts one.
IDLE_SECONDS = 1.0


@dataclass(frozen=True)
class Delivery:
    url: str
    body: bytes
    headers: tuple[tuple[str, str], ...]


def delivery_for(postback: PostBack, results: dict[str, Any]) -> Delivery:
    """The request that carries ``results`` to ``postback.url``."""
    data = json.dumps(results)
    if postback.auth_type == "FORM":
        fields = {"data": data}
        if postback.user_name is not None:
            fields["username"] = postback.user_name
        if postback.password is not None:
            fields["password"] = postback.password
        content_type = "application/x-www-form-urlencoded"
        return Delivery(
            postback.url, urlencode(fields).encode(), (("Content-Type", content_type),)
        )

    headers = [("Content-Type", "application/json")]
    if postback.user_name is not None:
        pair = f"{postback.user_name}:{postback.password or ''}".encode()
        headers.append(("Authorization", "Basic " + base64.b64encode(pair).decode()))
    return Delivery(postback.url, data.encode(), tuple(headers))


class PostbackSender:
    """Sends deliveries in order on a background thread."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Delivery] = queue.Queue(maxsize=QUEUE_SIZE)
        self._guard = threading.Lock()
        self._worker: threading.Thread | None = None

    def send(self, delivery: Delivery) -> None:
        host = urlsplit(delivery.url).hostname or ""
        if host not in LOOPBACK_HOSTS:
            logger.debug("postback to non-loopback host %r not sent", host)
            return
        try:
            self._queue.put_nowait(delivery)
        except queue.Full:
            logger.debug("postback queue full; delivery dropped")
            return
        self._ensure_worker()

    def _ensure_worker(self) -> None:
        with self._guard:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(
                    target=self._run, name="scormcloud-mock-postback", daemon=True
                )
                self._worker.start()

    def _run(self) -> None:
        while True:
            try:
                delivery = self._queue.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._guard:
                    # Re-checked under the guard so a just-queued delivery is not lost.
                    if self._queue.empty():
                        self._worker = None
                        return
                continue
            _deliver(delivery)


def _deliver(delivery: Delivery) -> None:
    try:
        response = httpx.post(
            delivery.url,
            content=delivery.body,
            headers=dict(delivery.headers),
            timeout=TIMEOUT_SECONDS,
        )
        logger.debug("postback -> %d", response.status_code)
    except httpx.HTTPError as error:
        logger.debug("postback failed: %r", error)
