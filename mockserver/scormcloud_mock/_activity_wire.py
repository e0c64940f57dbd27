"""An instance's activity tree with results (``ActivityResultSchema``).

The tree is the course version's ``rootActivity``; each node carries the results
rolled up from the SCOs below it. ``includeChildResults`` adds the children,
``includeInteractionsAndObjectives`` the objectives and runtime interactions, and
``includeRuntime`` each SCO's runtime data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import _cmi_collections as cmi
from ._rollup import Activity, ActivityOutcome, outcome
from ._runtime import SCORM12, ActivityRuntime

JSON = dict[str, Any]


def activity_details(
    root: Activity,
    runtimes: Mapping[str, ActivityRuntime],
    *,
    children: bool,
    interactions: bool,
    runtime: bool,
) -> JSON:
    """``activityDetails`` for the tree under ``root``."""
    result = outcome(root, runtimes)
    activity_id = str(root.get("itemIdentifier", ""))
    sco = runtimes.get(activity_id)
    body: JSON = {
        "id": activity_id,
        "title": root.get("title", ""),
        "attempts": result.attempts,
        "activityCompletion": result.completion,
        "activitySuccess": result.success,
        "timeTracked": timespan(result.seconds),
        "completionAmount": {"scaled": result.completion_amount},
        "suspended": bool(sco and sco.suspended),
    }
    if result.score is not None:
        body["score"] = {"scaled": result.score}
    passing = root.get("scaledPassingScore")
    if passing is not None:
        body["staticProperties"] = _static_properties(passing)
    if interactions:
        body["objectives"] = _objectives(activity_id, result, sco)
    if runtime and sco is not None:
        body["runtime"] = _runtime(sco, interactions)
    if children:
        body["children"] = [
            activity_details(
                child,
                runtimes,
                children=True,
                interactions=interactions,
                runtime=runtime,
            )
            for child in root.get("children", [])
        ]
    return body


def timespan(seconds: float) -> str:
    """Seconds as ``HHHH:MM:SS.SS``, the way the service reports time tracked."""
    hundredths = round(seconds * 100)
    hours, rest = divmod(hundredths, 360000)
    minutes, rest = divmod(rest, 6000)
    return f"{hours:04d}:{minutes:02d}:{rest // 100:02d}.{rest % 100:02d}"


def _static_properties(passing: object) -> JSON:
    try:
        score = float(str(passing))
    except ValueError:
        return {}
    return {"scaledPassingScore": score, "scaledPassingScoreUsed": True}


def _objectives(
    activity_id: str, result: ActivityOutcome, sco: ActivityRuntime | None
) -> list[JSON]:
    """The primary objective (the activity's own status), then the SCO's."""
    primary: JSON = {
        "id": activity_id,
        "primary": True,
        "objectiveCompletion": result.completion,
        "objectiveSuccess": result.success,
    }
    if result.score is not None:
        primary["score"] = {"scaled": result.score}
    listed = [primary]
    for entry in cmi.objectives(sco) if sco is not None else []:
        listed.append(
            {
                "id": entry["id"],
                "primary": False,
                "objectiveCompletion": _completion(entry),
                "objectiveSuccess": entry["runtimeObjectiveSuccessStatus"],
            }
        )
    return listed


def _completion(entry: JSON) -> str:
    value = str(entry["runtimeObjectiveCompletionStatus"])
    return value if value in ("COMPLETED", "INCOMPLETE") else "UNKNOWN"


def _runtime(sco: ActivityRuntime, interactions: bool) -> JSON:
    """``RuntimeSchema`` for one SCO."""
    twelve = sco.standard == SCORM12
    prefix = "cmi.core." if twelve else "cmi."
    values = {
        "completionStatus": _completion_status(sco),
        "credit": sco.value(prefix + "credit") or "credit",
        "entry": sco.value(prefix + "entry") or ("resume" if sco.suspended else ""),
        "exit": sco.value(prefix + "exit"),
        "location": sco.location,
        "mode": sco.value(prefix + "lesson_mode" if twelve else "cmi.mode") or "normal",
        "progressMeasure": sco.value("cmi.progress_measure"),
        "scoreScaled": sco.value("cmi.score.scaled"),
        "scoreRaw": sco.value(prefix + "score.raw"),
        "scoreMin": sco.value(prefix + "score.min"),
        "scoreMax": sco.value(prefix + "score.max"),
        "totalTime": timespan(sco.total_seconds),
        "timeTracked": timespan(sco.total_seconds),
        "runtimeSuccessStatus": sco.success,
        "suspendData": sco.suspend_data,
    }
    body: JSON = {key: value for key, value in values.items() if value is not None}
    if interactions:
        body["runtimeInteractions"] = cmi.interactions(sco)
        body["runtimeObjectives"] = cmi.objectives(sco)
    return body


def _completion_status(sco: ActivityRuntime) -> str:
    return {"COMPLETED": "completed", "INCOMPLETE": "incomplete"}.get(
        sco.completion, "unknown"
    )
