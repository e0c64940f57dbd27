"""The registration surface every target shares: list, tags, resets, instances.

Progress is set through ``initialRegistrationState`` so that the same tests run
against the real service, where no learner takes the course.
"""

from __future__ import annotations

from typing import Any

import pytest
from targets import PACKAGES, Target, unique_id

from scormcloud import BadRequestError, NotFoundError, RestartPolicy

GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_SCO_ADDED = (
    PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
)
PASSED: dict[str, Any] = {
    "registrationCompletion": "COMPLETED",
    "registrationSuccess": "PASSED",
    "score": {"scaled": 90.0},
}


def register(
    target: Target, course_id: str, state: dict[str, Any] | None = None
) -> str:
    registration_id = unique_id("reg")
    target.client.registrations.create(
        course_id=course_id,
        registration_id=registration_id,
        learner={"id": unique_id("learner"), "firstName": "Ada", "lastName": "L"},
        initial_registration_state=state,
    )
    return registration_id


@pytest.fixture
def course_id(target: Target) -> str:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)
    return course_id


def test_the_list_filters_by_course_and_counts(target: Target, course_id: str) -> None:
    created = {register(target, course_id) for _ in range(3)}

    listed = list(target.client.registrations.list(course_id=course_id))
    first = target.client.registrations.list_page(
        course_id=course_id, include_total_count=True
    )

    assert {r.id for r in listed} == created
    assert first.total_count == 3
    assert all(r.course is not None and r.course.id == course_id for r in listed)


def test_the_list_filters_by_tag(target: Target, course_id: str) -> None:
    tagged, plain = register(target, course_id), register(target, course_id)
    tag = unique_id("tag")
    target.client.registrations.tags.add(tagged, [tag])

    found = target.client.registrations.list(course_id=course_id, tags=[tag])

    assert [r.id for r in found] == [tagged]
    assert plain != tagged


def test_tags_add_remove_and_batch(target: Target, course_id: str) -> None:
    first, second = register(target, course_id), register(target, course_id)
    tags = target.client.registrations.tags

    tags.add(first, ["a", "b"])
    tags.remove(first, ["a", "not-there"])
    tags.add_to_registrations([first, second], ["c"])

    assert sorted(tags.list(first)) == ["b", "c"]
    assert tags.list(second) == ["c"]


def test_reset_and_new_instances_really_start_over(
    target: Target, course_id: str
) -> None:
    registration_id = register(target, course_id, PASSED)
    target.client.courses.import_and_wait(
        course_id, GOLF_SCO_ADDED, may_create_new_version=True
    )

    target.client.registrations.instances.create(registration_id)
    fresh = target.client.registrations.get(registration_id)
    old = target.client.registrations.instances.get(registration_id, 0)

    assert (fresh.instance, fresh.course and fresh.course.version) == (1, 1)
    assert fresh.registration_completion == "UNKNOWN"
    assert fresh.score is None
    assert (old.registration_success, old.score and old.score.scaled) == (
        "PASSED",
        90.0,
    )

    target.client.registrations.reset_progress(registration_id)
    reset = target.client.registrations.get(registration_id)
    assert (reset.instance, reset.registration_completion) == (1, "UNKNOWN")
    assert target.client.registrations.instances.get(registration_id, 0).score


def test_reset_moves_a_single_instance_to_the_newest_version(
    target: Target, course_id: str
) -> None:
    registration_id = register(target, course_id, PASSED)
    target.client.courses.import_and_wait(
        course_id, GOLF_SCO_ADDED, may_create_new_version=True
    )

    target.client.registrations.reset_progress(registration_id)
    reset = target.client.registrations.get(registration_id)

    assert (reset.instance, reset.course and reset.course.version) == (0, 1)
    assert reset.registration_success == "UNKNOWN"
    assert target.client.registrations.get_launch_history(registration_id) == []


def test_deleting_the_last_instance_deletes_the_registration(
    target: Target, course_id: str
) -> None:
    registration_id = register(target, course_id)
    target.client.registrations.instances.create(registration_id)

    target.client.registrations.instances.delete(registration_id, 1)
    assert target.client.registrations.get(registration_id).instance == 0
    target.client.registrations.instances.delete(registration_id, 0)

    assert not target.client.registrations.exists(registration_id)


def test_a_launch_is_in_the_launch_history(target: Target, course_id: str) -> None:
    registration_id = register(target, course_id)
    link = target.client.registrations.launch_link(registration_id, expiry=60)
    assert target.open_link(link).status_code == 200

    history = target.client.registrations.get_launch_history(registration_id)
    of_instance = target.client.registrations.instances.get_launch_history(
        registration_id, 0
    )

    assert [(h.id, h.instance) for h in history] == [(registration_id, 0)]
    assert [h.launch_history_id for h in of_instance] == [history[0].launch_history_id]
    assert history[0].launch_time is not None


def test_registration_configuration_overrides_the_course(
    target: Target, course_id: str
) -> None:
    registration_id = register(target, course_id)
    target.client.courses.set_restart_policy(course_id, RestartPolicy.ALWAYS)
    settings = target.client.registrations.configuration

    settings.set(registration_id, {"WhenToRestartRegistration": "NEVER"})
    explicit = settings.get(registration_id).value("WhenToRestartRegistration")
    settings.delete(registration_id, "WhenToRestartRegistration")
    inherited = settings.get(registration_id).value("WhenToRestartRegistration")

    assert explicit == "NEVER"
    assert inherited == RestartPolicy.ALWAYS.value


@pytest.mark.parametrize(
    "options",
    [{"expiry": 5}, {"expiry": 301}, {"redirect_on_exit_url": "not a url"}],
    ids=["expiry-5", "expiry-301", "redirect-not-a-url"],
)
def test_bad_launch_options_are_400(
    target: Target, course_id: str, options: dict[str, Any]
) -> None:
    registration_id = register(target, course_id)
    with pytest.raises(BadRequestError):
        target.client.registrations.launch_link(registration_id, **options)


def test_unknown_registrations_are_404_everywhere(target: Target) -> None:
    missing = unique_id("missing")
    calls = [
        lambda: target.client.registrations.get(missing),
        lambda: target.client.registrations.get_launch_history(missing),
        lambda: target.client.registrations.tags.list(missing),
        lambda: target.client.registrations.instances.list(missing),
        lambda: target.client.registrations.reset_progress(missing),
        lambda: target.client.registrations.launch_link(missing),
    ]
    for call in calls:
        with pytest.raises(NotFoundError):
            call()
    assert target.client.registrations.exists(missing) is False


def test_global_data_can_be_deleted(target: Target, course_id: str) -> None:
    registration_id = register(target, course_id)
    target.client.registrations.delete_global_data(registration_id)
    assert target.client.registrations.exists(registration_id)
