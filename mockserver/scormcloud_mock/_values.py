"""Reading single request values: timestamps, enum-like choices, echoed text.

Kept free of other mock modules, so the query and store modules can use it too.
"""

from __future__ import annotations

from datetime import datetime, timezone

from ._errors import BadRequestError

__all__ = ["check_choice", "parse_timestamp", "shorten"]


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 moment in UTC; a time without a zone is UTC, as SCORM Cloud says."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        # Refuse moments that cannot be written back out in UTC (year 0 or 10000).
        return moment.astimezone(timezone.utc)
    except (ValueError, OverflowError):
        raise BadRequestError(
            f"'{shorten(text)}' is either not a timestamp or seems to be not "
            "formatted according to ISO 8601"
        ) from None


def check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    """Refuse a value outside an enum-like parameter's known choices."""
    if value not in allowed:
        raise BadRequestError(
            f"'{shorten(value)}' is not a valid value for {name} ({', '.join(allowed)})"
        )


def shorten(text: str, limit: int = 100) -> str:
    """Echo a caller's value in a message without echoing megabytes of it."""
    return text if len(text) <= limit else text[:limit] + "..."
