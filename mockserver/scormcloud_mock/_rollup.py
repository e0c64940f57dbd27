"""From SCO results to activity and registration results (a simple rollup).

Each aggregation sums up its children, SCORM 2004's default rollup reduced to what a
registration reports:

- complete when every SCO below it is complete; unknown while none reported anything;
  otherwise incomplete;
- failed when any SCO below failed, passed when all passed, otherwise unknown;
- the score is the mean of the scores reported below it; times add up.

Sequencing rules, rollup rules written in the manifest and completion thresholds are
not applied (see the mock guide).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from ._records import Progress
from ._runtime import ActivityRuntime

Activity = Mapping[str, Any]


@dataclass(frozen=True)
class ActivityOutcome:
    """The results of one activity of the course tree, rolled up from its SCOs."""

    completion: str
    success: str
    score: float | None
    seconds: float
    attempts: int
    scos: int
    completed_scos: int

    @property
    def completion_amount(self) -> float:
        return self.completed_scos / self.scos if self.scos else 0.0


def sco_ids(root: Activity) -> list[str]:
    """Item identifiers of the tree's SCOs, in manifest order."""
    if root.get("activityType") == "SCO":
        return [str(root.get("itemIdentifier", ""))]
    return [sco for child in root.get("children", []) for sco in sco_ids(child)]


def outcome(
    activity: Activity, runtimes: Mapping[str, ActivityRuntime]
) -> ActivityOutcome:
    """The results of ``activity`` and everything below it."""
    if activity.get("activityType") == "SCO":
        return _sco_outcome(runtimes.get(str(activity.get("itemIdentifier", ""))))
    children = [outcome(child, runtimes) for child in activity.get("children", [])]
    return _combine([child for child in children if child.scos])


def _sco_outcome(runtime: ActivityRuntime | None) -> ActivityOutcome:
    if runtime is None:
        return ActivityOutcome("UNKNOWN", "UNKNOWN", None, 0.0, 0, 1, 0)
    completion = runtime.completion
    return ActivityOutcome(
        completion=completion,
        success=runtime.success,
        score=runtime.score,
        seconds=runtime.total_seconds,
        attempts=runtime.attempts,
        scos=1,
        completed_scos=1 if completion == "COMPLETED" else 0,
    )


def _combine(children: list[ActivityOutcome]) -> ActivityOutcome:
    if not children:
        return ActivityOutcome("UNKNOWN", "UNKNOWN", None, 0.0, 0, 0, 0)
    completions = {child.completion for child in children}
    successes = [child.success for child in children]
    scores = [child.score for child in children if child.score is not None]

    completion = "INCOMPLETE"
    if completions == {"COMPLETED"}:
        completion = "COMPLETED"
    elif completions == {"UNKNOWN"}:
        completion = "UNKNOWN"

    success = "UNKNOWN"
    if "FAILED" in successes:
        success = "FAILED"
    elif all(value == "PASSED" for value in successes):
        success = "PASSED"

    return ActivityOutcome(
        completion=completion,
        success=success,
        score=sum(scores) / len(scores) if scores else None,
        seconds=sum(child.seconds for child in children),
        attempts=max(child.attempts for child in children),
        scos=sum(child.scos for child in children),
        completed_scos=sum(child.completed_scos for child in children),
    )


def rolled_up_progress(
    progress: Progress,
    root: Activity,
    runtimes: Mapping[str, ActivityRuntime],
    now: datetime,
) -> Progress:
    """The instance's progress after a runtime change (access dates are kept)."""
    result = outcome(root, runtimes)
    completed = progress.completed
    if result.completion == "COMPLETED" and completed is None:
        completed = now
    elif result.completion != "COMPLETED":
        completed = None
    return replace(
        progress,
        completion=result.completion,
        success=result.success,
        completion_amount=result.completion_amount,
        score=result.score,
        total_seconds=result.seconds,
        completed=completed,
    )
