"""Learner simulation without a browser, for ``MockScormCloud`` and ``/__mock__/``.

A launch here is the same launch as opening a link; a commit goes through the same
runtime code as the player's JavaScript. Results are plain JSON-ready dictionaries, so
the HTTP endpoints and the Python methods return the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _registration_wire as wire
from ._backend import Backend
from ._clock import wire_timestamp
from ._errors import BadRequestError
from ._records import Registration

JSON = dict[str, Any]
_FULL = wire.DetailFlags(True, True, True)


def launch(backend: Backend, registration_id: str) -> JSON:
    """Launch a registration as a learner would; report the instance it opened."""
    outcome = backend.registrations.sessions.launch_registration(registration_id)
    return {
        "registrationId": registration_id,
        "instance": outcome.instance.number,
        "courseVersion": outcome.version.version,
        "restarted": outcome.restarted,
        "launchId": outcome.launch.launch_id,
        "activityId": outcome.launch.activity_id,
    }


def commit_runtime(
    backend: Backend,
    registration_id: str,
    values: Mapping[str, object],
    *,
    instance: int | None = None,
    activity_id: str | None = None,
    terminate: bool = False,
) -> JSON:
    """Commit CMI values as a SCO would; return the instance's progress."""
    if not isinstance(values, Mapping):
        raise BadRequestError("values must be an object of CMI elements")
    store = backend.registrations
    registration = store.sessions.commit_runtime(
        registration_id,
        values,
        instance=instance,
        activity_id=activity_id,
        terminate=terminate,
    )
    chosen = (
        registration.latest if instance is None else registration.instance(instance)
    )
    assert chosen is not None
    version = store.course_version_of(registration, chosen)
    return wire.registration(registration, chosen, version, details=_FULL)


def advance_clock(backend: Backend, seconds: object) -> JSON:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise BadRequestError("advanceSeconds must be a number")
    if seconds < 0:
        raise BadRequestError("the mock's clock only moves forward")
    backend.clock.advance(float(seconds))
    return {"now": wire_timestamp(backend.clock.now())}


def dump_state(backend: Backend) -> JSON:
    """Every course and registration the mock holds, as JSON."""
    with backend.lock:
        courses = backend.courses.list_courses()
        registrations = backend.registrations.all_registrations()
        return {
            "now": wire_timestamp(backend.clock.now()),
            "courses": [
                {
                    "id": course.course_id,
                    "versions": [
                        {
                            "version": v.version,
                            "title": v.title,
                            "courseLearningStandard": v.learning_standard,
                        }
                        for v in course.versions
                    ],
                }
                for course in courses
            ],
            "registrations": [_registration(backend, r) for r in registrations],
        }


def _registration(backend: Backend, registration: Registration) -> JSON:
    store = backend.registrations
    instances = []
    for instance in registration.instances:
        version = store.course_version_of(registration, instance)
        body = wire.registration(registration, instance, version, details=_FULL)
        body["launchHistory"] = [
            wire.launch_history(registration, instance, launch, log=False)
            for launch in instance.launches
        ]
        instances.append(body)
    return {"id": registration.registration_id, "instances": instances}
