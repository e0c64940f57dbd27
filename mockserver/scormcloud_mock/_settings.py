"""The configuration settings the mock knows, and how their values are checked.

SCORM Cloud has several hundred settings; the mock knows the ones its behaviour depends
on. Any other setting id is answered like the real service answers an unknown id
(400), which keeps a test from silently relying on a setting the mock ignores.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ._errors import BadRequestError

RESTART_SETTING_ID = "WhenToRestartRegistration"


@dataclass(frozen=True)
class SettingDefinition:
    """One setting: its default, where it may be set, and the values it accepts."""

    setting_id: str
    default: str
    data_type: str
    description: str
    level: str
    valid_values: tuple[tuple[str, str], ...]

    def check(self, value: object) -> str:
        """Return ``value`` as stored, or raise the 400 SCORM Cloud would send."""
        if not isinstance(value, str):
            raise BadRequestError(
                f"The value of setting {self.setting_id} must be a string"
            )
        allowed = {name for name, _ in self.valid_values}
        if allowed and value not in allowed:
            raise BadRequestError(
                f"'{value}' is not a valid value for setting {self.setting_id}"
            )
        return value


_RESTART_VALUES = (
    ("NEVER", "Never restart a registration; it stays on the version it started."),
    (
        "WHEN_EXISTING_REG_IS_INCOMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS",
        "Restart when the registration is not complete and a newer version exists.",
    ),
    (
        "WHEN_EXISTING_REG_IS_COMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS",
        "Restart when the registration is complete and a newer version exists.",
    ),
    (
        "WHEN_EXISTING_REG_IS_FAILED_AND_NEWER_PACKAGE_VERSION_EXISTS",
        "Restart when the registration failed and a newer version exists.",
    ),
    (
        "WHEN_EXISTING_REG_IS_SATISFIED_AND_NEWER_PACKAGE_VERSION_EXISTS",
        "Restart when the registration passed and a newer version exists.",
    ),
    ("WHEN_NEWER_PACKAGE_VERSION_EXISTS", "Restart whenever a newer version exists."),
    ("WHEN_EXISTING_REG_IS_COMPLETE", "Restart whenever the registration is complete."),
    ("WHEN_EXISTING_REG_IS_SATISFIED", "Restart whenever the registration passed."),
    ("WHEN_EXISTING_REG_IS_FAILED", "Restart whenever the registration failed."),
)

SETTINGS: Mapping[str, SettingDefinition] = MappingProxyType(
    {
        RESTART_SETTING_ID: SettingDefinition(
            setting_id=RESTART_SETTING_ID,
            default="NEVER",
            data_type="enum",
            description="Whether to restart a registration (create a new instance on "
            "the newest course version) when the learner launches it.",
            level="course",
            valid_values=_RESTART_VALUES,
        ),
    }
)


def find_setting(setting_id: str) -> SettingDefinition:
    """The definition of ``setting_id``, or the 400 for an unknown id."""
    definition = SETTINGS.get(setting_id)
    if definition is None:
        raise BadRequestError(f"{setting_id} is not a valid setting ID")
    return definition
