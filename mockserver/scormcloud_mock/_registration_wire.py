"""Registrations and their instances as SCORM Cloud's JSON (``RegistrationSchema``).

Keys whose value is unknown are left out rather than sent as ``null``, as the real
service does for optional fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ._activity_wire import activity_details
from ._clock import wire_timestamp
from ._records import CourseVersion, Instance, Launch, Progress, Registration

JSON = dict[str, Any]


@dataclass(frozen=True)
class DetailFlags:
    """The ``include...`` query flags of the progress calls."""

    child_results: bool = False
    interactions_and_objectives: bool = False
    runtime: bool = False

    @property
    def any(self) -> bool:
        return self.child_results or self.interactions_and_objectives or self.runtime

    @classmethod
    def for_results_format(cls, results_format: str) -> DetailFlags:
        """A postback's ``resultsFormat``: ACTIVITY is the v2 default."""
        if results_format == "COURSE":
            return cls()
        if results_format == "FULL":
            return cls(True, True, True)
        return cls(child_results=True)


def registration(
    registration: Registration,
    instance: Instance,
    version: CourseVersion,
    *,
    details: DetailFlags = DetailFlags(),
) -> JSON:
    """``RegistrationSchema`` for one instance, bound to the version it runs."""
    progress = instance.progress
    body: JSON = {
        "id": registration.registration_id,
        "instance": instance.number,
        "xapiRegistrationId": registration.xapi_registration_id,
        "updated": wire_timestamp(instance.updated),
        "registrationCompletion": progress.completion,
        "registrationCompletionAmount": progress.completion_amount,
        "registrationSuccess": progress.success,
        "totalSecondsTracked": progress.total_seconds,
        "createdDate": wire_timestamp(registration.created),
        "course": {
            "id": registration.course_id,
            "title": version.title,
            "version": version.version,
        },
        "learner": _learner(registration),
        "tags": list(registration.tags),
    }
    if progress.score is not None:
        body["score"] = {"scaled": progress.score}
    for key, moment in (
        ("firstAccessDate", progress.first_access),
        ("lastAccessDate", progress.last_access),
        ("completedDate", progress.completed),
    ):
        if moment is not None:
            body[key] = wire_timestamp(moment)
    suspended = [a.activity_id for a in instance.activities if a.suspended]
    if suspended:
        body["suspendedActivityId"] = suspended[-1]
    if details.any:
        body["activityDetails"] = activity_details(
            version.root_activity,
            {a.activity_id: a for a in instance.activities},
            children=details.child_results,
            interactions=details.interactions_and_objectives,
            runtime=details.runtime,
        )
    return body


def launch_history(
    registration: Registration, instance: Instance, launch: Launch, *, log: bool
) -> JSON:
    """``LaunchHistorySchema`` for one launch."""
    progress = launch.progress or Progress()
    body: JSON = {
        "id": registration.registration_id,
        "instance": instance.number,
        "launchHistoryId": launch.launch_id,
        "completionStatus": progress.completion,
        "successStatus": progress.success,
        "totalSecondsTracked": progress.total_seconds,
        "launchTime": wire_timestamp(launch.launched),
    }
    if progress.score is not None:
        body["score"] = {"scaled": progress.score}
    if launch.exited is not None:
        body["exitTime"] = wire_timestamp(launch.exited)
    if launch.last_runtime_update is not None:
        body["lastRuntimeUpdate"] = wire_timestamp(launch.last_runtime_update)
    if log:
        body["historyLog"] = _history_log(launch)
    return body


def _history_log(launch: Launch) -> str:
    lines = [f"{wire_timestamp(launch.launched)} launch of {launch.activity_id}"]
    if launch.last_runtime_update is not None:
        lines.append(f"{wire_timestamp(launch.last_runtime_update)} runtime update")
    if launch.exited is not None:
        lines.append(f"{wire_timestamp(launch.exited)} exit")
    return "\n".join(lines)


def _learner(registration: Registration) -> JSON:
    learner = registration.learner
    body: JSON = {"id": learner.learner_id}
    for key, value in (
        ("firstName", learner.first_name),
        ("lastName", learner.last_name),
        ("email", learner.email),
    ):
        if value is not None:
            body[key] = value
    return body
