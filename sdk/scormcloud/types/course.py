"""Courses and their versions, as the service describes them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from .._models import Model, open_enum

__all__ = [
    "ActivityType",
    "Course",
    "CourseActivity",
    "CoursePage",
    "CourseReference",
    "LearningStandard",
    "Metadata",
]

_KnownLearningStandard = Literal[
    "UNKNOWN",
    "SCORM11",
    "SCORM12",
    "SCORM20042NDEDITION",
    "SCORM20043RDEDITION",
    "SCORM20044THEDITION",
    "AICC",
    "XAPI",
    "CMI5",
    "LTI13",
]
LearningStandard = Annotated[
    _KnownLearningStandard | str, open_enum(_KnownLearningStandard)
]
"""A course's learning standard; values added by the service later stay strings."""

_KnownActivityType = Literal["UNKNOWN", "AGGREGATION", "SCO", "ASSET", "OBJECTIVE"]
ActivityType = Annotated[_KnownActivityType | str, open_enum(_KnownActivityType)]
"""The kind of node in a course's activity tree."""


class Metadata(Model):
    """Descriptive metadata from the package (sent with `include_course_metadata`)."""

    title: str | None = None
    title_language: str | None = None
    description: str | None = None
    description_language: str | None = None
    duration: str | None = None
    typical_time: str | None = None
    keywords: list[str] | None = None


class CourseActivity(Model):
    """One node of a course's activity tree."""

    external_identifier: str | None = None
    item_identifier: str | None = None
    resource_identifier: str | None = None
    activity_type: ActivityType | None = None
    href: str | None = None
    scaled_passing_score: str | None = None
    """Passing score as the package states it; the service sends it as a string."""
    title: str | None = None
    children: list[CourseActivity] | None = None


class Course(Model):
    """A course, at its latest version or at the version that was asked for."""

    id: str | None = None
    title: str | None = None
    xapi_activity_id: str | None = None
    created: datetime | None = None
    updated: datetime | None = None
    version: int | None = None
    """Version number, counted from 0."""
    registration_count: int | None = None
    """Only sent when the registration count was asked for."""
    activity_id: str | None = None
    course_learning_standard: LearningStandard | None = None
    tags: list[str] | None = None
    dispatched: bool | None = None
    metadata: Metadata | None = None
    root_activity: CourseActivity | None = None


class CourseReference(Model):
    """The course version a registration instance is bound to."""

    id: str | None = None
    title: str | None = None
    version: int | None = None


class CoursePage(Model):
    """One page of the course list."""

    courses: list[Course]
    more: str | None = None
    """Token for the next page; None on the last page."""
    total_count: int | None = None
    """Matching courses in all pages, when asked for (first page only)."""
