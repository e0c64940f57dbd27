"""Registrations and instances across versions: who moves at launch, and when.

Each restart policy is tried against registrations in four states. The expected moves
are written out from SCORM Cloud's description of each UI choice, not computed.
"""

from __future__ import annotations

from typing import Any

import pytest
from targets import PACKAGES, Target, unique_id

from scormcloud import RestartPolicy

GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_SCO_ADDED = (
    PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
)

STATES: dict[str, dict[str, Any] | None] = {
    "unknown": None,
    "incomplete": {"registrationCompletion": "INCOMPLETE"},
    "passed": {
        "registrationCompletion": "COMPLETED",
        "registrationSuccess": "PASSED",
        "score": {"scaled": 90.0},
    },
    "failed": {
        "registrationCompletion": "COMPLETED",
        "registrationSuccess": "FAILED",
        "score": {"scaled": 40.0},
    },
}

MOVES = {
    RestartPolicy.NEVER: set(),
    RestartPolicy.IF_INCOMPLETE: {"unknown", "incomplete"},
    RestartPolicy.WHEN_COMPLETED: {"passed", "failed"},
    RestartPolicy.WHEN_FAILED: {"failed"},
    RestartPolicy.WHEN_PASSED: {"passed"},
    RestartPolicy.ALWAYS: {"unknown", "incomplete", "passed", "failed"},
}


def register(target: Target, course_id: str, state: dict[str, Any] | None) -> str:
    registration_id = unique_id("reg")
    target.client.registrations.create(
        course_id=course_id,
        registration_id=registration_id,
        learner={"id": unique_id("learner"), "firstName": "Ada", "lastName": "L"},
        initial_registration_state=state,
    )
    return registration_id


def launch(target: Target, registration_id: str) -> None:
    link = target.client.registrations.launch_link(registration_id, expiry=60)
    assert target.open_link(link).status_code == 200


def test_a_new_registration_lands_on_the_latest_version(target: Target) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)
    before = register(target, course_id, None)
    target.client.courses.import_and_wait(
        course_id, GOLF_SCO_ADDED, may_create_new_version=True
    )

    after = register(target, course_id, None)

    assert target.client.registrations.get(after).course.version == 1
    assert target.client.registrations.get(after).instance == 0
    assert target.client.registrations.get(before).course.version == 0


@pytest.mark.parametrize("policy", list(MOVES), ids=lambda p: p.name)
def test_launch_moves_exactly_as_the_policy_says(
    target: Target, policy: RestartPolicy
) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)
    registrations = {name: register(target, course_id, s) for name, s in STATES.items()}
    target.client.courses.import_and_wait(
        course_id, GOLF_SCO_ADDED, may_create_new_version=True
    )
    target.client.courses.configuration.set(
        course_id, {"WhenToRestartRegistration": policy}
    )

    # Neither the new version nor the policy moves anyone before a launch.
    for registration_id in registrations.values():
        progress = target.client.registrations.get(registration_id)
        assert (progress.instance, progress.course.version) == (0, 0)

    for registration_id in registrations.values():
        launch(target, registration_id)

    for name, registration_id in registrations.items():
        if name in MOVES[policy]:
            assert_moved(target, registration_id, STATES[name])
        else:
            assert_stayed(target, registration_id, STATES[name])


def assert_moved(
    target: Target, registration_id: str, old: dict[str, Any] | None
) -> None:
    latest = target.client.registrations.get(registration_id)
    assert (latest.instance, latest.course.version) == (1, 1)
    assert latest.registration_completion == "UNKNOWN"
    assert latest.registration_success == "UNKNOWN"
    assert latest.score is None

    instances = target.client.registrations.instances.list(registration_id)
    assert [(i.instance, i.course.version) for i in instances] == [(0, 0), (1, 1)]
    assert_keeps_state(
        target.client.registrations.instances.get(registration_id, 0), old
    )


def assert_stayed(
    target: Target, registration_id: str, old: dict[str, Any] | None
) -> None:
    latest = target.client.registrations.get(registration_id)
    assert (latest.instance, latest.course.version) == (0, 0)
    assert_keeps_state(latest, old)
    instances = target.client.registrations.instances.list(registration_id)
    assert [i.instance for i in instances] == [0]


def assert_keeps_state(instance: Any, state: dict[str, Any] | None) -> None:
    state = state or {}
    assert instance.registration_completion == state.get(
        "registrationCompletion", "UNKNOWN"
    )
    assert instance.registration_success == state.get("registrationSuccess", "UNKNOWN")
    if "score" in state:
        assert instance.score.scaled == state["score"]["scaled"]


def test_a_launch_without_a_newer_version_never_moves(target: Target) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)
    target.client.courses.configuration.set(
        course_id, {"WhenToRestartRegistration": RestartPolicy.ALWAYS}
    )
    registration_id = register(target, course_id, STATES["passed"])

    launch(target, registration_id)
    launch(target, registration_id)

    assert_stayed(target, registration_id, STATES["passed"])


def test_a_moved_registration_moves_once_per_new_version(target: Target) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)
    target.client.courses.configuration.set(
        course_id, {"WhenToRestartRegistration": RestartPolicy.ALWAYS}
    )
    registration_id = register(target, course_id, STATES["incomplete"])
    target.client.courses.import_and_wait(
        course_id, GOLF_SCO_ADDED, may_create_new_version=True
    )

    launch(target, registration_id)
    launch(target, registration_id)

    instances = target.client.registrations.instances.list(registration_id)
    assert [(i.instance, i.course.version) for i in instances] == [(0, 0), (1, 1)]


def test_the_default_policy_is_never(target: Target) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)

    settings = target.client.courses.configuration.get(course_id)

    assert settings.value("WhenToRestartRegistration") == RestartPolicy.NEVER
