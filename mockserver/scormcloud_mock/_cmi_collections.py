"""Interactions and objectives, read from a SCO's flat CMI values.

A SCO writes ``cmi.interactions.0.id``, ``cmi.interactions.0.result``, ... one element
at a time; these functions gather them per index into SCORM Cloud's
``RuntimeInteractionSchema`` and ``RuntimeObjectiveSchema`` JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._runtime import SCORM12, ActivityRuntime

JSON = dict[str, Any]

_INTERACTION_TYPES = {
    "true-false": "TrueFalse",
    "choice": "Choice",
    "fill-in": "FillIn",
    "long-fill-in": "LongFillIn",
    "likert": "Likert",
    "matching": "Matching",
    "performance": "Performance",
    "sequencing": "Sequencing",
    "numeric": "Numeric",
    "other": "Other",
}
_OBJECTIVE_COMPLETION = {
    "completed": "COMPLETED",
    "incomplete": "INCOMPLETE",
    "not attempted": "NOT_ATTEMPTED",
    "browsed": "BROWSED",
    "passed": "COMPLETED",
    "failed": "COMPLETED",
}
_OBJECTIVE_SUCCESS = {"passed": "PASSED", "failed": "FAILED"}


def interactions(runtime: ActivityRuntime) -> list[JSON]:
    """``runtimeInteractions``: one entry per interaction index, in index order."""
    return [
        _interaction(runtime.standard, fields)
        for fields in _collection(runtime.values, "cmi.interactions.")
    ]


def objectives(runtime: ActivityRuntime) -> list[JSON]:
    """``runtimeObjectives``: one entry per objective index, in index order."""
    return [
        _objective(runtime.standard, fields)
        for fields in _collection(runtime.values, "cmi.objectives.")
    ]


def _collection(values: Iterable[tuple[str, str]], prefix: str) -> list[dict[str, str]]:
    """Group ``prefix.N.rest`` elements by N; ``rest`` keeps any nested index."""
    pattern = re.compile(re.escape(prefix) + r"(\d+)\.(.+)$")
    groups: dict[int, dict[str, str]] = {}
    for element, value in values:
        match = pattern.match(element)
        if match is not None:
            groups.setdefault(int(match.group(1)), {})[match.group(2)] = value
    return [groups[index] for index in sorted(groups)]


def _indexed(fields: dict[str, str], prefix: str, leaf: str) -> list[str]:
    pattern = re.compile(re.escape(prefix) + r"\.(\d+)\." + re.escape(leaf) + "$")
    found = {
        int(match.group(1)): value
        for key, value in fields.items()
        if (match := pattern.match(key)) is not None
    }
    return [found[index] for index in sorted(found)]


def _interaction(standard: str, fields: dict[str, str]) -> JSON:
    response_key = "student_response" if standard == SCORM12 else "learner_response"
    time_key = "time" if standard == SCORM12 else "timestamp"
    body: JSON = {
        "id": fields.get("id", ""),
        "type": _INTERACTION_TYPES.get(fields.get("type", ""), "Other"),
        "objectives": _indexed(fields, "objectives", "id"),
        "correctResponses": _indexed(fields, "correct_responses", "pattern"),
    }
    optional = {
        "timestamp": fields.get(time_key),
        "weighting": fields.get("weighting"),
        "learnerResponse": fields.get(response_key),
        "result": fields.get("result"),
        "latency": fields.get("latency"),
        "description": fields.get("description"),
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body


def _objective(standard: str, fields: dict[str, str]) -> JSON:
    if standard == SCORM12:
        status = fields.get("status", "not attempted")
        completion = _OBJECTIVE_COMPLETION.get(status, "UNKNOWN")
        success = _OBJECTIVE_SUCCESS.get(status, "UNKNOWN")
    else:
        completion = _OBJECTIVE_COMPLETION.get(
            fields.get("completion_status", ""), "UNKNOWN"
        )
        success = _OBJECTIVE_SUCCESS.get(fields.get("success_status", ""), "UNKNOWN")
    body: JSON = {
        "id": fields.get("id", ""),
        "runtimeObjectiveSuccessStatus": success,
        "runtimeObjectiveCompletionStatus": completion,
    }
    optional = {
        "scoreScaled": fields.get("score.scaled"),
        "scoreRaw": fields.get("score.raw"),
        "scoreMin": fields.get("score.min"),
        "scoreMax": fields.get("score.max"),
        "progressMeasure": fields.get("progress_measure"),
        "description": fields.get("description"),
    }
    body.update({key: value for key, value in optional.items() if value is not None})
    return body
