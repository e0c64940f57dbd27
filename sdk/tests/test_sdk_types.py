"""Wire models: lenient parsing, open enums, optional scores, camelCase output."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from scormcloud import (
    Course,
    ImportJob,
    Learner,
    Registration,
    RestartPolicy,
    SettingItem,
    SettingList,
)


def test_unknown_fields_are_kept_at_every_level() -> None:
    course = Course.model_validate(
        {
            "id": "golf",
            "brandNewField": {"a": 1},
            "rootActivity": {"title": "Root", "futureFlag": True},
        }
    )

    assert course.model_extra == {"brandNewField": {"a": 1}}
    assert course.root_activity is not None
    assert course.root_activity.model_extra == {"futureFlag": True}
    assert course.to_wire()["brandNewField"] == {"a": 1}


@pytest.mark.parametrize(
    ("wire", "parsed"),
    [
        ("Unknown", "UNKNOWN"),
        ("completed", "COMPLETED"),
        ("INCOMPLETE", "INCOMPLETE"),
        ("BROWSED", "BROWSED"),
    ],
)
def test_completion_is_an_open_enum(wire: str, parsed: str) -> None:
    registration = Registration.model_validate({"registrationCompletion": wire})

    assert registration.registration_completion == parsed


def test_other_open_enums() -> None:
    registration = Registration.model_validate({"registrationSuccess": "Passed"})
    course = Course.model_validate({"courseLearningStandard": "scorm12"})
    future = Course.model_validate({"courseLearningStandard": "SCORM30"})
    job = ImportJob.model_validate({"status": "complete"})
    item = SettingItem.model_validate({"effectiveValueSource": "COURSE"})

    assert registration.registration_success == "PASSED"
    assert course.course_learning_standard == "SCORM12"
    assert future.course_learning_standard == "SCORM30"
    assert job.status == "COMPLETE"
    assert item.effective_value_source == "course"


def test_absent_score_is_none_and_present_score_is_0_to_100() -> None:
    unscored = Registration.model_validate({"id": "r1"})
    scored = Registration.model_validate({"id": "r1", "score": {"scaled": 85}})

    assert unscored.score is None
    assert scored.score is not None
    assert scored.score.scaled == 85.0


def test_times_and_dates() -> None:
    registration = Registration.model_validate(
        {"totalSecondsTracked": 12.5, "createdDate": "2024-01-02T03:04:05.000Z"}
    )

    assert registration.total_seconds_tracked == 12.5
    assert isinstance(registration.total_seconds_tracked, float)
    assert registration.created_date == datetime(
        2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc
    )


def test_models_accept_snake_or_camel_names_and_emit_camel() -> None:
    by_name = Learner(id="l1", first_name="Ada")
    by_alias = Learner.model_validate({"id": "l1", "firstName": "Ada"})

    assert by_name == by_alias
    assert by_name.to_wire() == {"id": "l1", "firstName": "Ada"}


def test_learner_requires_an_id() -> None:
    with pytest.raises(ValueError):
        Learner.model_validate({"firstName": "Ada"})


def test_setting_list_value() -> None:
    settings = SettingList.model_validate(
        {"settingItems": [{"id": "A", "effectiveValue": "1"}, {"id": "B"}]}
    )

    assert settings.value("A") == "1"
    assert settings.value("B") is None
    assert settings.value("C") is None


def test_restart_policy_values_are_the_wire_strings() -> None:
    newer = "_AND_NEWER_PACKAGE_VERSION_EXISTS"

    assert {policy.name: policy.value for policy in RestartPolicy} == {
        "NEVER": "NEVER",
        "IF_INCOMPLETE": "WHEN_EXISTING_REG_IS_INCOMPLETE" + newer,
        "WHEN_COMPLETED": "WHEN_EXISTING_REG_IS_COMPLETE" + newer,
        "WHEN_FAILED": "WHEN_EXISTING_REG_IS_FAILED" + newer,
        "WHEN_PASSED": "WHEN_EXISTING_REG_IS_SATISFIED" + newer,
        "ALWAYS": "WHEN_NEWER_PACKAGE_VERSION_EXISTS",
    }
    assert str(RestartPolicy.ALWAYS) == "WHEN_NEWER_PACKAGE_VERSION_EXISTS"
    assert f"{RestartPolicy.NEVER}" == "NEVER"
    assert json.dumps(RestartPolicy.NEVER) == '"NEVER"'
    assert RestartPolicy("NEVER") is RestartPolicy.NEVER


def test_restart_policy_labels_follow_the_ui() -> None:
    assert [policy.label for policy in RestartPolicy] == [
        "Never",
        "If Incomplete",
        "When Completed",
        "When Failed",
        "When Passed",
        "Always",
    ]
