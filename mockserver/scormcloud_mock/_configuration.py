"""Configuration settings at every level, and their effective values.

SCORM Cloud resolves a setting from the most specific level that sets it: instance,
registration, course version, course, application, then the setting's default. Each
level is a *scope*; a lookup walks a chain of scopes from the most specific one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ._settings import SETTINGS, find_setting

#: A level and the ids that address it, e.g. ``("course", "golf")``.
Scope = tuple[str, ...]

APPLICATION: Scope = ("application",)

# effectiveValueSource has no words for versions and instances; they report the level
# they belong to.
_SOURCE_NAMES = {
    "application": "application",
    "course": "course",
    "version": "course",
    "registration": "registration",
    "instance": "registration",
}


def course_scope(course_id: str) -> Scope:
    return ("course", course_id)


def version_scope(course_id: str, version: int) -> Scope:
    return ("version", course_id, str(version))


def registration_scope(registration_id: str) -> Scope:
    return ("registration", registration_id)


def instance_scope(registration_id: str, instance: int) -> Scope:
    return ("instance", registration_id, str(instance))


@dataclass(frozen=True)
class EffectiveSetting:
    setting_id: str
    value: str
    source: str
    #: The value set at the level that was asked about, if any.
    explicit_value: str | None


class Configuration:
    """Explicit setting values per scope. Callers hold the backend's lock."""

    def __init__(self) -> None:
        self._values: dict[Scope, dict[str, str]] = {}

    def set(self, scope: Scope, settings: Sequence[tuple[str, object]]) -> None:
        """Store settings at one level; one bad setting stores none of them."""
        checked = [(sid, find_setting(sid).check(value)) for sid, value in settings]
        self._values.setdefault(scope, {}).update(checked)

    def delete(self, scope: Scope, setting_id: str) -> None:
        find_setting(setting_id)
        self._values.get(scope, {}).pop(setting_id, None)

    def forget(self, belongs: Callable[[Scope], bool]) -> None:
        """Drop the scopes of deleted courses or registrations."""
        self._values = {s: v for s, v in self._values.items() if not belongs(s)}

    def clear(self) -> None:
        self._values.clear()

    def value(self, chain: Sequence[Scope], setting_id: str) -> str:
        return self._resolve(chain, setting_id).value

    def effective(self, chain: Sequence[Scope]) -> list[EffectiveSetting]:
        """Every known setting as seen from the first scope of ``chain``."""
        return [self._resolve(chain, setting_id) for setting_id in SETTINGS]

    def _resolve(self, chain: Sequence[Scope], setting_id: str) -> EffectiveSetting:
        explicit = self._values.get(chain[0], {}).get(setting_id) if chain else None
        for scope in chain:
            value = self._values.get(scope, {}).get(setting_id)
            if value is not None:
                source = _SOURCE_NAMES[scope[0]]
                return EffectiveSetting(setting_id, value, source, explicit)
        default = SETTINGS[setting_id].default
        return EffectiveSetting(setting_id, default, "default", explicit)
