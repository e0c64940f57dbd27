"""What a SCO reports through the SCORM runtime, and what SCORM Cloud makes of it.

A SCO sets CMI data model elements (``cmi.core.lesson_status`` in SCORM 1.2,
``cmi.completion_status`` in SCORM 2004, ...) and commits them. The mock keeps the
latest value of every element per activity, so values win by arrival, whatever the
order (a score after the status counts as much as one before it). Results are derived
from those values when asked for:

- SCORM 1.2 ``lesson_status`` carries both completion and success; ``passed`` and
  ``failed`` imply completed.
- Scores are reported 0 to 100: SCORM 2004 ``cmi.score.scaled`` (-1 to 1) times 100;
  SCORM 1.2 ``cmi.core.score.raw`` within ``min``/``max``, or as a percentage.
- Time is the sum of session times: ISO 8601 durations (2004) or ``HHHH:MM:SS.SS``
  (1.2). The current session's latest ``session_time`` counts until the session ends,
  then joins the total, so re-committing a session time never counts it twice.

Anything malformed is refused as a whole before it is stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from ._errors import BadRequestError

SCORM12 = "scorm12"
SCORM2004 = "scorm2004"

_LESSON_STATUS = {
    "passed": ("COMPLETED", "PASSED"),
    "completed": ("COMPLETED", "UNKNOWN"),
    "failed": ("COMPLETED", "FAILED"),
    "incomplete": ("INCOMPLETE", "UNKNOWN"),
    "browsed": ("INCOMPLETE", "UNKNOWN"),
    "not attempted": ("UNKNOWN", "UNKNOWN"),
}
_COMPLETION_STATUS = {
    "completed": "COMPLETED",
    "incomplete": "INCOMPLETE",
    "not attempted": "UNKNOWN",
    "unknown": "UNKNOWN",
}
_SUCCESS_STATUS = {"passed": "PASSED", "failed": "FAILED", "unknown": "UNKNOWN"}

_TIMESPAN_12 = re.compile(r"^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$")
_DURATION_2004 = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)
# SCORM 2004 leaves the length of a year and a month open; these are the usual ones.
_DURATION_UNITS = (365 * 86400, 30 * 86400, 86400, 3600, 60, 1)


def standard_of(learning_standard: str) -> str | None:
    """The runtime a course's learning standard uses, or None when it has none."""
    if learning_standard in ("SCORM11", "SCORM12"):
        return SCORM12
    if learning_standard.startswith("SCORM2004"):
        return SCORM2004
    return None


@dataclass(frozen=True)
class ActivityRuntime:
    """The runtime data one SCO reported within one registration instance."""

    activity_id: str
    standard: str
    #: The latest value of each CMI element, in the order elements were first set.
    values: tuple[tuple[str, str], ...] = ()
    #: Time of sessions that ended.
    closed_seconds: float = 0.0
    #: The current session's latest reported session time.
    session_seconds: float = 0.0
    attempts: int = 0

    def value(self, element: str) -> str | None:
        return dict(self.values).get(element)

    @property
    def total_seconds(self) -> float:
        return self.closed_seconds + self.session_seconds

    @property
    def completion(self) -> str:
        if self.standard == SCORM12:
            return _LESSON_STATUS.get(self._get("core.lesson_status"), _UNSET)[0]
        return _COMPLETION_STATUS.get(self._get("completion_status"), "UNKNOWN")

    @property
    def success(self) -> str:
        if self.standard == SCORM12:
            return _LESSON_STATUS.get(self._get("core.lesson_status"), _UNSET)[1]
        return _SUCCESS_STATUS.get(self._get("success_status"), "UNKNOWN")

    @property
    def score(self) -> float | None:
        """The score on SCORM Cloud's 0 to 100 scale, or None without one."""
        if self.standard == SCORM2004:
            scaled = _decimal(self.value("cmi.score.scaled"))
            return None if scaled is None else float(scaled * 100)
        raw = _decimal(self.value("cmi.core.score.raw"))
        if raw is None:
            return None
        low = _decimal(self.value("cmi.core.score.min")) or Decimal(0)
        high = _decimal(self.value("cmi.core.score.max"))
        if high is None or high <= low:
            return float(raw)
        return float((raw - low) / (high - low) * 100)

    @property
    def location(self) -> str | None:
        return self.value(_element(self.standard, "location"))

    @property
    def suspend_data(self) -> str | None:
        return self.value("cmi.suspend_data")

    @property
    def suspended(self) -> bool:
        return self.value(_element(self.standard, "exit")) == "suspend"

    def _get(self, name: str) -> str:
        return (self.value(_element(self.standard, name)) or "").strip().lower()


_UNSET = ("UNKNOWN", "UNKNOWN")

# SCORM 1.2 keeps the learner's core data under cmi.core.
_NAMES_12 = {
    "location": "cmi.core.lesson_location",
    "exit": "cmi.core.exit",
    "session_time": "cmi.core.session_time",
    "core.lesson_status": "cmi.core.lesson_status",
}
_NAMES_2004 = {
    "location": "cmi.location",
    "exit": "cmi.exit",
    "session_time": "cmi.session_time",
}


def _element(standard: str, name: str) -> str:
    names = _NAMES_12 if standard == SCORM12 else _NAMES_2004
    return names.get(name, f"cmi.{name}")


def begin_session(runtime: ActivityRuntime) -> ActivityRuntime:
    """A new launch of the SCO: the previous session's time joins the total."""
    return replace(
        runtime,
        closed_seconds=runtime.total_seconds,
        session_seconds=0.0,
        attempts=runtime.attempts + 1,
    )


def commit(
    runtime: ActivityRuntime, values: Mapping[str, object], *, terminate: bool = False
) -> ActivityRuntime:
    """Store committed CMI values; raise a 400 and store nothing if any is bad."""
    checked = {
        element: _check(runtime.standard, element, v) for element, v in values.items()
    }
    session_element = _element(runtime.standard, "session_time")
    session = runtime.session_seconds
    if session_element in checked:
        session = parse_session_time(runtime.standard, checked[session_element])

    merged = dict(runtime.values)
    merged.update(checked)
    updated = replace(runtime, values=tuple(merged.items()), session_seconds=session)
    if terminate:
        updated = replace(
            updated, closed_seconds=updated.total_seconds, session_seconds=0.0
        )
    return updated


def parse_session_time(standard: str, text: str) -> float:
    """Seconds in a SCORM 1.2 timespan or a SCORM 2004 duration; 400 if malformed."""
    if standard == SCORM12:
        match = _TIMESPAN_12.match(text)
        if match is None:
            raise BadRequestError(
                f"'{text}' is not a SCORM 1.2 timespan (HHHH:MM:SS.SS)"
            )
        hours, minutes, seconds, fraction = match.groups()
        return int(hours) * 3600 + int(minutes) * 60 + float(seconds + (fraction or ""))

    match = _DURATION_2004.match(text)
    if match is None or text in ("P", "PT") or text.endswith("T"):
        raise BadRequestError(f"'{text}' is not an ISO 8601 duration")
    parts = [float(part) if part else 0.0 for part in match.groups()]
    return sum(part * unit for part, unit in zip(parts, _DURATION_UNITS, strict=True))


_VOCABULARIES_12 = {"cmi.core.lesson_status": frozenset(_LESSON_STATUS)}
_VOCABULARIES_2004 = {
    "cmi.completion_status": frozenset(_COMPLETION_STATUS),
    "cmi.success_status": frozenset(_SUCCESS_STATUS),
}
_NUMBERS = re.compile(r"^cmi\.(core\.)?score\.(raw|min|max|scaled)$")


def _check(standard: str, element: object, value: object) -> str:
    if not isinstance(element, str) or not element.startswith(("cmi.", "adl.")):
        raise BadRequestError(f"'{element}' is not a CMI data model element")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadRequestError(f"The value of {element} must be a string")
    text = str(value)

    vocabularies = _VOCABULARIES_12 if standard == SCORM12 else _VOCABULARIES_2004
    allowed = vocabularies.get(element)
    if allowed is not None and text not in allowed:
        raise BadRequestError(f"'{text}' is not a valid value for {element}")
    if _NUMBERS.match(element):
        _check_number(element, text)
    return text


def _check_number(element: str, text: str) -> None:
    number = _decimal(text)
    if number is None:
        if text == "" and element.startswith("cmi.core."):
            return  # SCORM 1.2 allows an empty score to clear it
        raise BadRequestError(f"'{text}' is not a number for {element}")
    if element == "cmi.score.scaled" and not Decimal(-1) <= number <= Decimal(1):
        raise BadRequestError(f"{element} must be between -1 and 1, got {text}")


def _decimal(text: str | None) -> Decimal | None:
    if text is None or text.strip() == "":
        return None
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
