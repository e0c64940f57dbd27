"""List and launch with 100,000 registrations, against the same with 1,000.

Two in-process mocks are seeded side by side, one with 1,000 and one with 100,000
registrations of the golf course (seeded through the backend: a hundred thousand
HTTP calls would take minutes and measure nothing new). One round, on each mock, is
what an LMS does for a learner: the first page of ``GET /registrations``, the next
page through its ``more`` token, a filtered list of one learner's registrations, a
launch link for a registration in the middle, and the learner opening it.

    .venv/bin/python benchmarks/bench_scale.py [--quick]
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
from _harness import (
    FULL,
    Result,
    Sizes,
    interleaved,
    main_for,
    seed_course,
    summary,
    time_calls,
)

from scormcloud import ScormCloud
from scormcloud_mock import MockScormCloud
from scormcloud_mock._records import Learner

KEY = "scale"
TARGET = 2.0
SMALL = 1_000
LARGE = 100_000


def seed(mock: MockScormCloud, client: ScormCloud, count: int) -> None:
    seed_course(client)
    store = mock.backend.registrations
    for number in range(count):
        store.create_registration(
            registration_id=f"reg-{number:06d}",
            course_id="golf",
            # Ten registrations a learner at any size: one learner's list holds
            # the same ten whatever the store holds.
            learner=Learner(learner_id=f"learner-{number // 10}"),
        )


def one_round(
    mock: MockScormCloud, client: ScormCloud, count: int
) -> Callable[[], None]:
    browser = httpx.Client(transport=mock.transport())
    middle = f"reg-{count // 2:06d}"

    def run() -> None:
        first = client.registrations.list_page()
        assert first.more is not None
        client.registrations.list_page(more=first.more)
        client.registrations.list_page(learner_id="learner-7")
        link = client.registrations.launch_link(middle)
        assert browser.get(link).status_code == 200

    return run


def run(sizes: Sizes = FULL) -> Result:
    large = sizes.count(LARGE, least=300)
    small = max(200, large // 100)
    rounds = sizes.count(20, least=2)
    with (
        MockScormCloud(import_job_running_polls=0) as small_mock,
        MockScormCloud(import_job_running_polls=0) as large_mock,
        small_mock.client() as small_client,
        large_mock.client() as large_client,
    ):
        seed(small_mock, small_client, small)
        seed(large_mock, large_client, large)
        on_small = one_round(small_mock, small_client, small)
        on_large = one_round(large_mock, large_client, large)
        ratios = interleaved(
            lambda: time_calls(on_large, rounds),
            lambda: time_calls(on_small, rounds),
            sizes,
        )
    median, low, high = summary(ratios)
    return Result(
        key=KEY,
        what=f"list and launch with {large:,} registrations",
        compared_with=f"the same with {small:,}",
        target=f"at most {TARGET:g} times",
        figure=median,
        low=low,
        high=high,
        passed=median <= TARGET,
        notes=[
            "a round: first and second list page, one learner's list, a launch "
            f"link and its launch; {rounds} rounds a side per repetition"
        ],
    )


if __name__ == "__main__":
    main_for(run)
