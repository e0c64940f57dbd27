"""An SDK call served by the in-process mock, against canned JSON from httpx.

Both sides are the same SDK call, ``client.registrations.get("reg-1")``, parsed into
the same ``Registration`` model. One client is answered by ``mock.transport()``
(routing, auth, the backend and JSON encoding run in-process); the other by
``httpx.MockTransport`` returning the very bytes the mock answered. The ratio is the
mock's cost on top of the SDK's own.

    .venv/bin/python benchmarks/bench_transport.py [--quick]
"""

from __future__ import annotations

import httpx
from _harness import (
    FULL,
    Result,
    Sizes,
    interleaved,
    main_for,
    seed_registration,
    summary,
    time_calls,
)

from scormcloud import ScormCloud
from scormcloud_mock import MockScormCloud

KEY = "transport"
TARGET = 1.5


def run(sizes: Sizes = FULL) -> Result:
    calls = sizes.count(2000, least=20)
    with MockScormCloud(import_job_running_polls=0) as mock, mock.client() as ours:
        seed_registration(ours)
        canned = ours._request("GET", "/registrations/reg-1")
        body, headers = canned.content, canned.headers

        def answer(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, headers=headers, content=body)

        with ScormCloud(
            app_id="a",
            secret_key="s",
            base_url="https://cloud.scorm.com/api/v2",
            transport=httpx.MockTransport(answer),
            retries=0,
        ) as theirs:
            assert ours.registrations.get("reg-1") == theirs.registrations.get("reg-1")
            ratios = interleaved(
                lambda: time_calls(lambda: ours.registrations.get("reg-1"), calls),
                lambda: time_calls(lambda: theirs.registrations.get("reg-1"), calls),
                sizes,
            )
    median, low, high = summary(ratios)
    return Result(
        key=KEY,
        what="an SDK call served by the in-process mock",
        compared_with="the same JSON from `httpx.MockTransport`, parsed into the "
        "same model",
        target=f"at most {TARGET} times",
        figure=median,
        low=low,
        high=high,
        passed=median <= TARGET,
        notes=[f"`registrations.get`, {calls} calls a side per repetition"],
    )


if __name__ == "__main__":
    main_for(run)
