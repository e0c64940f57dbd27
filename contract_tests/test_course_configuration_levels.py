"""Settings at course and version level, and course preview links, on every target."""

from __future__ import annotations

import pytest
from course_helpers import GOLF, import_course
from targets import Target

from scormcloud import RESTART_SETTING_ID, BadRequestError, RestartPolicy


def source_and_value(target: Target, course_id: str, **where: int) -> tuple[str, str]:
    settings = target.client.courses.configuration.get(course_id, **where)
    item = next(i for i in settings.setting_items if i.id == RESTART_SETTING_ID)
    return str(item.effective_value_source), str(item.effective_value)


def test_version_setting_overrides_the_course_and_deleting_restores_it(
    target: Target,
) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    configuration = target.client.courses.configuration
    configuration.set(course_id, {RESTART_SETTING_ID: RestartPolicy.ALWAYS})
    configuration.set(
        course_id, {RESTART_SETTING_ID: RestartPolicy.WHEN_FAILED}, version=0
    )

    assert (
        source_and_value(target, course_id, version=0)[1] == RestartPolicy.WHEN_FAILED
    )
    assert source_and_value(target, course_id) == ("course", RestartPolicy.ALWAYS)

    configuration.delete(course_id, RESTART_SETTING_ID, version=0)
    assert source_and_value(target, course_id, version=0) == (
        "course",
        RestartPolicy.ALWAYS,
    )
    configuration.delete(course_id, RESTART_SETTING_ID)
    assert source_and_value(target, course_id)[0] != "course"


def test_unknown_setting_id_is_400_naming_it(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)

    with pytest.raises(BadRequestError) as refused:
        target.client.courses.configuration.set(course_id, {"TotesBogusSetting": "1"})

    assert refused.value.message == "TotesBogusSetting is not a valid setting ID"


def test_preview_links_open(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)

    latest = target.client.courses.preview_link(course_id, expiry=60)
    first = target.client.courses.preview_link(course_id, version=0)

    assert target.open_link(latest).status_code == 200
    assert target.open_link(first).status_code == 200
