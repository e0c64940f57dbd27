"""What every benchmark shares: interleaved timing, the result row, and fixtures.

Each benchmark is a ratio of two things measured side by side in one run: the two
sides alternate within every repetition (their order flipping each time), so a
machine that slows down for a while slows both. A row reports the median ratio over
the repetitions and the spread (lowest and highest ratio).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scormcloud import ScormCloud

ROOT = Path(__file__).resolve().parent.parent
GOLF = ROOT / "examples" / "packages" / "golf_scorm2004_3rd_runtime_basic_calls.zip"


@dataclass(frozen=True)
class Sizes:
    """How much work a run does: ``full`` for the report, smaller to check it runs."""

    name: str
    repeats: int
    scale: float  # of each benchmark's own full-size workload
    warm_up: bool = True  # one discarded round of each side first

    def count(self, full: int, least: int = 1) -> int:
        return max(least, round(full * self.scale))


FULL = Sizes("full", repeats=15, scale=1.0)
QUICK = Sizes("quick", repeats=7, scale=0.2)
SMOKE = Sizes("smoke", repeats=1, scale=0.0, warm_up=False)


@dataclass
class Result:
    """One row of the performance table."""

    key: str
    what: str
    compared_with: str
    target: str
    figure: float  # the median ratio (or milliseconds, for an absolute target)
    low: float
    high: float
    passed: bool
    unit: str = "×"
    notes: list[str] = field(default_factory=list)

    def measured(self) -> str:
        return (
            f"{self.figure:.2f}{self.unit} ({self.low:.2f}–{self.high:.2f}{self.unit})"
        )


def summary(ratios: list[float]) -> tuple[float, float, float]:
    """Median, lowest and highest of a list of ratios."""
    return statistics.median(ratios), min(ratios), max(ratios)


def time_calls(call: Callable[[], object], count: int) -> float:
    """Seconds per call of ``count`` calls in a row."""
    started = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - started) / count


def interleaved(
    ours: Callable[[], float], theirs: Callable[[], float], sizes: Sizes
) -> list[float]:
    """Ratios ours/theirs over ``sizes.repeats`` repetitions, order alternating.

    Each callable measures once and returns a figure (seconds, or a rate); a
    warm-up round of each (imports, caches, connections) is discarded.
    """
    return alternate(ours, theirs, sizes.repeats, warm_up=sizes.warm_up)


def alternate(
    ours: Callable[[], float],
    theirs: Callable[[], float],
    repeats: int,
    *,
    warm_up: bool = True,
) -> list[float]:
    """:func:`interleaved` with its own count of repetitions."""
    if warm_up:
        ours()
        theirs()
    ratios = []
    for repeat in range(repeats):
        if repeat % 2:
            b, a = theirs(), ours()
        else:
            a, b = ours(), theirs()
        ratios.append(a / b)
    return ratios


@contextmanager
def mock_server_process(*args: str) -> Iterator[tuple[str, int]]:
    """``scormcloud-mock serve`` in its own process on loopback.

    Yields its base URL and process id.
    """
    command = [sys.executable, "-m", "scormcloud_mock", "serve", "--port", "0", *args]
    with _server(command) as ready:
        yield ready


@contextmanager
def helper_process(script: str, *args: str) -> Iterator[tuple[str, int]]:
    """A helper from ``benchmarks/`` that prints one line (a URL) when ready.

    Yields that line and the process id.
    """
    with _server([sys.executable, helper(script), *args]) as ready:
        yield ready


def helper(script: str) -> str:
    """The path of a helper script beside this module."""
    return str(Path(__file__).with_name(script))


@contextmanager
def _server(command: list[str]) -> Iterator[tuple[str, int]]:
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_quiet_env(),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        if not line:
            raise RuntimeError(f"{command} did not start")
        yield line, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def _quiet_env() -> dict[str, str]:
    # Proxies from the environment must never reroute loopback load.
    return dict(os.environ, NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1")


def run_json(*args: str, timeout: float = 900) -> dict[str, object]:
    """Run ``python ARGS`` in a fresh interpreter; it prints one JSON line last."""
    completed = subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
        env=_quiet_env(),
    )
    result: dict[str, object] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def rss_mb(pid: int, field_name: str = "VmRSS") -> float:
    """A process's resident (``VmRSS``) or peak (``VmHWM``) memory, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field_name + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field_name} not found; this benchmark needs Linux")


def seed_course(client: ScormCloud) -> None:
    """Import the golf package as course ``golf`` (the mock should not make it wait:
    ``import_job_running_polls=0``)."""
    client.courses.import_and_wait("golf", GOLF)


def seed_registration(client: ScormCloud, registration_id: str = "reg-1") -> None:
    seed_course(client)
    client.registrations.create(
        course_id="golf",
        registration_id=registration_id,
        learner={"id": "ada", "firstName": "Ada", "lastName": "Lovelace"},
    )


def main_for(run: Callable[[Sizes], Result]) -> None:
    """Command line of one benchmark script: ``[--quick | --smoke]``."""
    sizes = SMOKE if "--smoke" in sys.argv else QUICK if "--quick" in sys.argv else FULL
    result = run(sizes)
    print(f"{result.what}: {result.measured()} target {result.target}", end=" ")
    print("pass" if result.passed else "MISS")
    for note in result.notes:
        print(f"  {note}")
