"""Configuration settings, and the restart policy for new course versions."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from .._models import Model, open_enum

__all__ = [
    "RESTART_SETTING_ID",
    "LearningStandardVariant",
    "RestartPolicy",
    "SettingItem",
    "SettingList",
    "SettingMetadata",
    "SettingValidValue",
    "SettingValueSource",
]

RESTART_SETTING_ID = "WhenToRestartRegistration"
"""The course setting that decides when registrations move to a newer version."""

_KnownSettingValueSource = Literal[
    "default",
    "application",
    "learningStandardForApplication",
    "dispatchDestination",
    "course",
    "dispatch",
    "registration",
]
SettingValueSource = Annotated[
    _KnownSettingValueSource | str, open_enum(_KnownSettingValueSource)
]
"""The level an effective setting value comes from."""

_KnownLearningStandardVariant = Literal["singleScoOnly", "multiScoOnly", "either"]
LearningStandardVariant = Annotated[
    _KnownLearningStandardVariant | str, open_enum(_KnownLearningStandardVariant)
]


class RestartPolicy(str, Enum):
    """When an existing registration moves to a newer course version.

    The six choices of the SCORM Cloud course settings page, as values of the
    course setting `WhenToRestartRegistration` (`RESTART_SETTING_ID`). The rule
    is checked when the learner launches; a move starts a new registration
    instance on the newest version.

    | Member           | UI label       | Moves the registration when ...  |
    | ---------------- | -------------- | -------------------------------- |
    | `NEVER`          | Never          | never (the service's default)    |
    | `IF_INCOMPLETE`  | If Incomplete  | it is not complete               |
    | `WHEN_COMPLETED` | When Completed | it is complete                   |
    | `WHEN_FAILED`    | When Failed    | it is complete and failed        |
    | `WHEN_PASSED`    | When Passed    | it is complete and passed        |
    | `ALWAYS`         | Always         | always                           |

    Every choice except `NEVER` also needs a newer version to exist.
    """

    NEVER = "NEVER"
    IF_INCOMPLETE = "WHEN_EXISTING_REG_IS_INCOMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS"
    WHEN_COMPLETED = "WHEN_EXISTING_REG_IS_COMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS"
    WHEN_FAILED = "WHEN_EXISTING_REG_IS_FAILED_AND_NEWER_PACKAGE_VERSION_EXISTS"
    WHEN_PASSED = "WHEN_EXISTING_REG_IS_SATISFIED_AND_NEWER_PACKAGE_VERSION_EXISTS"
    ALWAYS = "WHEN_NEWER_PACKAGE_VERSION_EXISTS"

    @property
    def label(self) -> str:
        """The choice's label in the SCORM Cloud UI, e.g. "If Incomplete"."""
        return _RESTART_LABELS[self.name]

    def __str__(self) -> str:
        # Format as the wire value, as `enum.StrEnum` would on Python 3.11+.
        return self.value


_RESTART_LABELS = {
    "NEVER": "Never",
    "IF_INCOMPLETE": "If Incomplete",
    "WHEN_COMPLETED": "When Completed",
    "WHEN_FAILED": "When Failed",
    "WHEN_PASSED": "When Passed",
    "ALWAYS": "Always",
}


class SettingValidValue(Model):
    """One allowed value of a setting."""

    value: str | None = None
    value_description: str | None = None


class SettingMetadata(Model):
    """Description of a setting (sent with `include_metadata`)."""

    default: str | None = None
    data_type: str | None = None
    setting_description: str | None = None
    level: str | None = None
    learning_standards: list[str] | None = None
    learning_standard_variant: LearningStandardVariant | None = None
    fallback: str | None = None
    valid_values: list[SettingValidValue] | None = None


class SettingItem(Model):
    """One setting: its effective value and where that value comes from."""

    id: str | None = None
    effective_value: str | None = None
    effective_value_source: SettingValueSource | None = None
    explicit_value: str | None = None
    """Only present when the setting is set at the level that was asked for."""
    metadata: SettingMetadata | None = None


class SettingList(Model):
    """The effective settings at one level (for example a course)."""

    setting_items: list[SettingItem]

    def value(self, setting_id: str) -> str | None:
        """Return the effective value of `setting_id`, or None when it is not listed."""
        for item in self.setting_items:
            if item.id == setting_id:
                return item.effective_value
        return None
