"""Configuration settings at every level, and their effective values.

SCORM Cloud resolves a setting from the most specific level that sets it: instance,
registration, course version, course, application, then the setting's default. Each
level is a *scope*; a lookup walks a chain of scopes from the most specific one.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
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
    """Explicit setting values per scope. Callers hold the backend's lock.

    A scope's values are replaced, never changed in place, so that a persistent
    ``values`` table sees every change.
    """

    def __init__(self, values: MutableMapping[Scope, dict[str, str]]) -> None:
        self._values = values

    def set(self, scope: Scope, settings: Sequence[tuple[str, object]]) -> None:
        """Store settings at one level; one bad setting stores none of them."""
        checked = [(sid, find_setting(sid).check(value)) for sid, value in settings]
        if checked:
            self._values[scope] = {**self._values.get(scope, {}), **dict(checked)}

    def delete(self, scope: Scope, setting_id: str) -> None:
        find_setting(setting_id)
        values = self._values.get(scope, {})
        if setting_id in values:
            self._values[scope] = {k: v for k, v in values.items() if k != setting_id}

    def forget(self, belongs: Callable[[Scope], bool]) -> None:
        """Drop the scopes of deleted courses or registrations."""
        for scope in [scope for scope in self._values if belongs(scope)]:
            del self._values[scope]

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
