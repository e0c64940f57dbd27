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
    "LaunchHistory",
    "Learner",
    "PostBack",
    "Registration",
    "RegistrationPage",
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


class RegistrationPage(Model):
    """One page of the registration list."""

    registrations: list[Registration]
    more: str | None = None
    """Token for the next page; None on the last page."""
    total_count: int | None = None
    """Matching registrations in all pages, when asked for (first page only)."""


class LaunchHistory(Model):
    """One launch of a registration instance, with its results at the time."""

    id: str | None = None
    """The registration's id."""
    instance: int | None = None
    launch_history_id: str | None = None
    score: Score | None = None
    completion_status: CompletionStatus | None = None
    success_status: SuccessStatus | None = None
    history_log: str | None = None
    """Only with `include_history_log=True`."""
    total_seconds_tracked: float | None = None
    launch_time: datetime | None = None
    exit_time: datetime | None = None
    last_runtime_update: datetime | None = None


_KnownPostBackAuthType = Literal["UNDEFINED", "FORM", "HTTPBASIC"]
_KnownResultsFormat = Literal["UNDEFINED", "COURSE", "ACTIVITY", "FULL"]


class PostBack(Model):
    """Where SCORM Cloud posts a registration's results when they change.

    With `auth_type` `"HTTPBASIC"` (the default) the body is the progress JSON
    and the credentials an `Authorization` header; with `"FORM"` the body is
    URL-encoded with `data`, `username` and `password` fields.
    """

    url: str
    auth_type: (
        Annotated[_KnownPostBackAuthType | str, open_enum(_KnownPostBackAuthType)]
        | None
    ) = None
    user_name: str | None = None
    password: str | None = None
    results_format: (
        Annotated[_KnownResultsFormat | str, open_enum(_KnownResultsFormat)] | None
    ) = None
    """`"COURSE"`, `"ACTIVITY"` (with child results) or `"FULL"` (with runtime)."""
    legacy: bool | None = None
