"""The restart rule on its own: every policy against every registration state."""

from __future__ import annotations

import pytest

from scormcloud_mock._restart import should_restart
from scormcloud_mock._settings import RESTART_SETTING_ID, SETTINGS

STATES = {
    "unknown": ("UNKNOWN", "UNKNOWN"),
    "incomplete": ("INCOMPLETE", "UNKNOWN"),
    "passed": ("COMPLETED", "PASSED"),
    "failed": ("COMPLETED", "FAILED"),
    "incomplete-failed": ("INCOMPLETE", "FAILED"),
}

# Which states move when a newer version exists, written out from SCORM Cloud's
# descriptions of each choice (reference §3.3), not computed.
MOVES_WITH_NEWER_VERSION = {
    "NEVER": set(),
    "WHEN_EXISTING_REG_IS_INCOMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS": {
        "unknown",
        "incomplete",
        "incomplete-failed",
    },
    "WHEN_EXISTING_REG_IS_COMPLETE_AND_NEWER_PACKAGE_VERSION_EXISTS": {
        "passed",
        "failed",
    },
    "WHEN_EXISTING_REG_IS_FAILED_AND_NEWER_PACKAGE_VERSION_EXISTS": {"failed"},
    "WHEN_EXISTING_REG_IS_SATISFIED_AND_NEWER_PACKAGE_VERSION_EXISTS": {"passed"},
    "WHEN_NEWER_PACKAGE_VERSION_EXISTS": set(STATES),
    "WHEN_EXISTING_REG_IS_COMPLETE": {"passed", "failed"},
    "WHEN_EXISTING_REG_IS_SATISFIED": {"passed"},
    "WHEN_EXISTING_REG_IS_FAILED": {"failed"},
}

WITHOUT_NEWER_VERSION = {
    "WHEN_EXISTING_REG_IS_COMPLETE": {"passed", "failed"},
    "WHEN_EXISTING_REG_IS_SATISFIED": {"passed"},
    "WHEN_EXISTING_REG_IS_FAILED": {"failed"},
}


def test_every_accepted_value_has_an_expectation() -> None:
    accepted = {value for value, _ in SETTINGS[RESTART_SETTING_ID].valid_values}
    assert accepted == set(MOVES_WITH_NEWER_VERSION)


@pytest.mark.parametrize("policy", sorted(MOVES_WITH_NEWER_VERSION))
@pytest.mark.parametrize("state", sorted(STATES))
def test_restart_with_a_newer_version(policy: str, state: str) -> None:
    completion, success = STATES[state]
    moved = should_restart(
        policy, completion=completion, success=success, newer_version_exists=True
    )
    assert moved == (state in MOVES_WITH_NEWER_VERSION[policy])


@pytest.mark.parametrize("policy", sorted(MOVES_WITH_NEWER_VERSION))
@pytest.mark.parametrize("state", sorted(STATES))
def test_restart_without_a_newer_version(policy: str, state: str) -> None:
    completion, success = STATES[state]
    moved = should_restart(
        policy, completion=completion, success=success, newer_version_exists=False
    )
    assert moved == (state in WITHOUT_NEWER_VERSION.get(policy, set()))


def test_success_alone_when_completion_is_not_required() -> None:
    policy = "WHEN_EXISTING_REG_IS_FAILED_AND_NEWER_PACKAGE_VERSION_EXISTS"
    state = {"completion": "INCOMPLETE", "success": "FAILED"}
    assert not should_restart(policy, **state, newer_version_exists=True)
    assert should_restart(
        policy, **state, newer_version_exists=True, requires_completion=False
    )
