"""When and how long the client waits before repeating a failed request.

Retried by default: connection errors and statuses 408, 429 and 5xx (not 501, which
means the call is not served at all), for idempotent methods only, since repeating a
create could make two of something. Waits grow exponentially with jitter up to a
bound, and a ``Retry-After`` header is honoured. The loop itself is tenacity's.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from ._exceptions import APIConnectionError, APIStatusError

logger = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How the client retries; ``RetryPolicy(max_retries=0)`` switches retries off.

    Attributes:
        max_retries: Retries after the first attempt.
        initial_delay: Seconds before the first retry (before jitter).
        max_delay: The longest wait between attempts, ``Retry-After`` included.
        methods: HTTP methods that may be retried.
        statuses: Response statuses that are retried.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    methods: frozenset[str] = field(default=IDEMPOTENT_METHODS)
    statuses: frozenset[int] = field(default=RETRY_STATUSES)

    def retrying(self, method: str, sleep: Callable[[float], None]) -> Retrying:
        """A tenacity loop for one request with ``method``."""
        return Retrying(sleep=sleep, **self._loop_options(method))

    def async_retrying(
        self, method: str, sleep: Callable[[float], Awaitable[None]]
    ) -> AsyncRetrying:
        """The same loop as `retrying`, for the async client."""
        return AsyncRetrying(sleep=sleep, **self._loop_options(method))

    def attempts(self, method: str) -> int:
        """How many times a request with ``method`` may be sent in all."""
        return self.max_retries + 1 if method in self.methods else 1

    def _loop_options(self, method: str) -> dict[str, Any]:
        return {
            "stop": stop_after_attempt(self.attempts(method)),
            "wait": self._wait,
            "retry": retry_if_exception(self._is_retryable),
            "before_sleep": _log_retry,
            "reraise": True,
        }

    def _is_retryable(self, error: BaseException) -> bool:
        if isinstance(error, APIStatusError):
            return error.status_code in self.statuses
        return isinstance(error, APIConnectionError)

    def _wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        retry_after = _retry_after(error)
        if retry_after is not None:
            return min(retry_after, self.max_delay)

        # Exponential growth plus random jitter, so that many clients spread out.
        growth = wait_exponential(multiplier=self.initial_delay, max=self.max_delay)
        jitter = wait_random(0, self.initial_delay)
        return min(float(growth(state) + jitter(state)), self.max_delay)


def _retry_after(error: BaseException | None) -> float | None:
    """Seconds asked for by a ``Retry-After`` header (delta or HTTP date)."""
    if not isinstance(error, APIStatusError):
        return None
    value = error.response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


def _log_retry(state: RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    logger.debug(
        "retrying after attempt %d (%s); waiting %.2f s",
        state.attempt_number,
        error,
        wait,
    )
