"""When a launch moves a registration to the newest course version.

The course setting ``WhenToRestartRegistration`` is checked each time the learner
launches. It looks at the latest instance's completion and success and at whether the
course has a version newer than the one that instance runs. A "restart" creates the
next instance on the newest version, with its progress reset.

SCORM Cloud's UI describes "When Failed" and "When Passed" as "marked complete and
failed/passed"; ``requires_completion`` keeps that reading and can be switched off.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Trigger:
    needs_newer_version: bool
    completion: frozenset[str] | None = None
    success: frozenset[str] | None = None


_NOT_COMPLETE = frozenset({"UNKNOWN", "INCOMPLETE"})
_COMPLETE = frozenset({"COMPLETED"})

_TRIGGERS: dict[str, _Trigger | None] = {
    "NEVER": None,
    "WHEN_EXISTING_REG_IS_INCOMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS": _Trigger(
        True, completion=_NOT_COMPLETE
    ),
    "WHEN_EXISTING_REG_IS_COMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS": _Trigger(
        True, completion=_COMPLETE
    ),
    "WHEN_EXISTING_REG_IS_FAILED_AND_NEWER_PACKAGE_VERSION_EXISTS": _Trigger(
        True, success=frozenset({"FAILED"})
    ),
    "WHEN_EXISTING_REG_IS_SATISFIED_AND_NEWER_PACKAGE_VERSION_EXISTS": _Trigger(
        True, success=frozenset({"PASSED"})
    ),
    "WHEN_NEWER_PACKAGE_VERSION_EXISTS": _Trigger(True),
    "WHEN_EXISTING_REG_IS_COMPLETE": _Trigger(False, completion=_COMPLETE),
    "WHEN_EXISTING_REG_IS_SATISFIED": _Trigger(False, success=frozenset({"PASSED"})),
    "WHEN_EXISTING_REG_IS_FAILED": _Trigger(False, success=frozenset({"FAILED"})),
}


def should_restart(
    policy: str,
    *,
    completion: str,
    success: str,
    newer_version_exists: bool,
    requires_completion: bool = True,
) -> bool:
    """Whether launching a registration in this state starts a new instance."""
    trigger = _TRIGGERS[policy]
    if trigger is None or (trigger.needs_newer_version and not newer_version_exists):
        return False

    # Passed and failed count only once the registration is also complete, unless the
    # mock was asked to judge success alone.
    completion_needed = trigger.completion
    if trigger.success is not None and requires_completion:
        completion_needed = _COMPLETE

    if completion_needed is not None and completion not in completion_needed:
        return False
    return trigger.success is None or success in trigger.success
