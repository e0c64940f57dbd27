"""Registrations (a learner's enrolment in a course) and their results."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from .._models import Model, open_enum
from .course import CourseReference

__all__ = [
    "ActivityResult",
    "CompletionAmount",
    "CompletionStatus",
    "Learner",
    "Registration",
    "Score",
    "SuccessStatus",
]

_KnownCompletionStatus = Literal["UNKNOWN", "COMPLETED", "INCOMPLETE"]
CompletionStatus = Annotated[
    _KnownCompletionStatus | str, open_enum(_KnownCompletionStatus)
]
"""Completion of a registration or activity."""

_KnownSuccessStatus = Literal["UNKNOWN", "PASSED", "FAILED"]
SuccessStatus = Annotated[_KnownSuccessStatus | str, open_enum(_KnownSuccessStatus)]
"""Pass/fail outcome of a registration or activity."""


class Learner(Model):
    """The person a registration belongs to."""

    id: str
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None


class Score(Model):
    """A score."""

    scaled: float | None = None
    """Scaled score between 0 and 100 (not 0 to 1)."""


class CompletionAmount(Model):
    """How much of an activity was completed."""

    scaled: float | None = None


class ActivityResult(Model):
    """Results for one activity, with its children.

    The objective, static-property and runtime details are kept as plain
    dictionaries with the service's camelCase keys.
    """

    id: str | None = None
    title: str | None = None
    attempts: int | None = None
    activity_completion: CompletionStatus | None = None
    activity_success: SuccessStatus | None = None
    score: Score | None = None
    time_tracked: str | None = None
    completion_amount: CompletionAmount | None = None
    suspended: bool | None = None
    children: list[ActivityResult] | None = None
    objectives: list[dict[str, Any]] | None = None
    static_properties: dict[str, Any] | None = None
    runtime: dict[str, Any] | None = None


class Registration(Model):
    """A registration's progress, for its latest instance or a given one.

    The same model describes `initial_registration_state` when creating a
    registration.
    """

    id: str | None = None
    instance: int | None = None
    """Instance number, counted from 0; a restart on a newer course version adds one."""
    xapi_registration_id: str | None = None
    dispatch_id: str | None = None
    updated: datetime | None = None
    registration_completion: CompletionStatus | None = None
    registration_completion_amount: float | None = None
    registration_success: SuccessStatus | None = None
    score: Score | None = None
    """None until the learner has a score."""
    total_seconds_tracked: float | None = None
    first_access_date: datetime | None = None
    last_access_date: datetime | None = None
    completed_date: datetime | None = None
    created_date: datetime | None = None
    course: CourseReference | None = None
    """The course version this instance is bound to."""
    learner: Learner | None = None
    tags: list[str] | None = None
    global_objectives: list[dict[str, Any]] | None = None
    shared_data: list[dict[str, Any]] | None = None
    suspended_activity_id: str | None = None
    activity_details: ActivityResult | None = None
