"""The mock's notion of time, which tests can move forward instead of sleeping."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone


class Clock:
    """Wall-clock time plus an offset that :meth:`advance` grows."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()
        #: Called after each advance; a persistent backend saves the offset.
        self.on_advance: Callable[[], None] | None = None

    @property
    def offset(self) -> timedelta:
        with self._lock:
            return self._offset

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(timezone.utc) + offset

    def advance(self, seconds: float) -> None:
        """Move the mock's time forward, for example past a launch link's expiry."""
        if seconds < 0:
            raise ValueError("the mock's clock only moves forward")
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        # Outside the clock's lock: the listener takes the backend's, whose
        # holders read the clock.
        if self.on_advance is not None:
            self.on_advance()


def wire_timestamp(moment: datetime) -> str:
    """Format a moment as SCORM Cloud does: UTC, milliseconds, ``Z``."""
    utc = moment.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
