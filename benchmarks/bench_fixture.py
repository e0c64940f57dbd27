"""A fresh mock and client, as the pytest plugin's fixtures make one per test.

Times what ``scormcloud_mock`` plus ``scormcloud_client`` do for a test, set up and
torn down: ``MockScormCloud()``, ``mock.client()``, then closing both. The target is
absolute (milliseconds), so the figure is the median over repetitions of the mean of
a batch; the first one, which imports modules, is discarded.

    .venv/bin/python benchmarks/bench_fixture.py [--quick]
"""

from __future__ import annotations

import statistics

from _harness import FULL, Result, Sizes, main_for, time_calls

from scormcloud_mock import MockScormCloud

KEY = "fixture"
TARGET_MS = 5.0


def fixture_cycle() -> None:
    with MockScormCloud() as mock, mock.client():
        pass


def run(sizes: Sizes = FULL) -> Result:
    batch = sizes.count(200, least=5)
    fixture_cycle()
    figures = [time_calls(fixture_cycle, batch) * 1000 for _ in range(sizes.repeats)]
    median = statistics.median(figures)
    return Result(
        key=KEY,
        what="a fresh mock and client in a pytest fixture",
        compared_with="nothing",
        target=f"under {TARGET_MS:g} ms",
        figure=median,
        low=min(figures),
        high=max(figures),
        passed=median < TARGET_MS,
        unit=" ms",
        notes=[f"set up and torn down; {batch} a repetition"],
    )


if __name__ == "__main__":
    main_for(run)
