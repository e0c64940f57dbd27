"""Faults a test can inject into the mock: latency, error statuses, dropped connections.

Each fault names the calls it hits by method and a glob over the API path (the part
after ``/api/v2``, e.g. ``/registrations/*``), and how many of them (``times``; None
for every one). The first fault that matches a call applies to it.
"""

from __future__ import annotations

import fnmatch
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from werkzeug.wrappers import Request, Response

from ._errors import BadRequestError, NotImplementedByMockError
from ._http import json_response


class DroppedConnection(ConnectionAbortedError):
    """Raised to end a request without an answer; servers then drop the socket."""


@dataclass(frozen=True)
class Fault:
    """One injected fault.

    Attributes:
        path: A glob over the API path, such as ``/courses/*`` (``*`` for all).
        method: An HTTP method, or ``*`` for any.
        status: Answer with this status and ``{"message": ...}`` instead.
        retry_after: With ``status``, send this ``Retry-After`` (seconds).
        latency: Seconds to wait before answering (or failing).
        drop: Close the connection without an answer.
        times: How many matching calls it hits; None for all of them.
    """

    path: str = "*"
    method: str = "*"
    status: int | None = None
    retry_after: float | None = None
    latency: float = 0.0
    drop: bool = False
    times: int | None = None

    def matches(self, method: str, api_path: str) -> bool:
        method_ok = self.method == "*" or self.method.upper() == method
        return method_ok and fnmatch.fnmatchcase(api_path, self.path)

    @classmethod
    def from_json(cls, body: Any) -> Fault:
        """A fault from its JSON form (the field names above), checked."""
        if not isinstance(body, dict):
            raise BadRequestError("A fault must be a JSON object")
        unknown = set(body) - set(cls.__dataclass_fields__)
        if unknown:
            raise BadRequestError(f"Unknown fault fields: {', '.join(sorted(unknown))}")
        try:
            return cls(**body).checked()
        except (TypeError, ValueError) as error:
            raise BadRequestError(f"Bad fault: {error}") from None

    def checked(self) -> Fault:
        """This fault, or ValueError naming what is wrong with it."""
        if not isinstance(self.path, str) or not isinstance(self.method, str):
            raise ValueError("a fault's path and method must be strings")
        if self.status is not None and not (
            isinstance(self.status, int) and 400 <= self.status <= 599
        ):
            raise ValueError("a fault's status must be between 400 and 599")
        if not isinstance(self.latency, (int, float)) or not 0 <= self.latency <= 60:
            raise ValueError("a fault's latency must be 0 to 60 seconds")
        if self.times is not None and (
            not isinstance(self.times, int) or self.times < 1
        ):
            raise ValueError("a fault's times must be a positive integer")
        return self

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


class FaultPlan:
    """The faults in force, safe to change and consult from many threads."""

    def __init__(self, faults: Iterable[Fault] = ()) -> None:
        self._lock = threading.Lock()
        self._faults = [fault.checked() for fault in faults]

    def add(self, fault: Fault) -> None:
        with self._lock:
            self._faults.append(fault.checked())

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def list(self) -> list[Fault]:
        with self._lock:
            return list(self._faults)

    def take(self, method: str, api_path: str) -> Fault | None:
        """The fault for this call, counting it against the fault's ``times``."""
        with self._lock:
            for index, fault in enumerate(self._faults):
                if not fault.matches(method, api_path):
                    continue
                if fault.times is not None:
                    left = fault.times - 1
                    if left:
                        self._faults[index] = replace(fault, times=left)
                    else:
                        del self._faults[index]
                return fault
        return None


def faults_endpoint(request: Request, plan: FaultPlan) -> Response:
    """``/__mock__/faults``: GET lists, POST adds one, DELETE clears them all."""
    if request.method == "GET":
        return json_response({"faults": [fault.to_json() for fault in plan.list()]})
    if request.method == "DELETE":
        plan.clear()
        return json_response({"faults": []})
    if request.method != "POST":
        raise NotImplementedByMockError(request.method, request.path)

    try:
        body = json.loads(request.get_data(cache=False) or b"null")
    except ValueError:
        raise BadRequestError("A fault must be a JSON object") from None
    plan.add(Fault.from_json(body))
    return json_response({"faults": [fault.to_json() for fault in plan.list()]})
