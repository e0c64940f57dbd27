"""An SDK call to ``scormcloud-mock serve``, against the official client's same call.

One server process on loopback; in this process our SDK (httpx, pydantic) and the
official generated client (``rustici_software_cloud_v2``: urllib3 and its own
models) read the same registration's progress in turns. werkzeug's server closes
every connection after its response, so both clients connect anew for each call;
the figure is the client side's cost plus the same connection and server work.

    .venv/bin/python benchmarks/bench_official_client.py [--quick]
"""

from __future__ import annotations

from typing import Any

from _harness import (
    FULL,
    Result,
    Sizes,
    interleaved,
    main_for,
    mock_server_process,
    seed_registration,
    summary,
    time_calls,
)

from scormcloud import ScormCloud

KEY = "official"
TARGET = 1.0
APP = ("bench-app", "bench-secret")


def official_registrations(base_url: str) -> Any:
    import rustici_software_cloud_v2 as rustici

    configuration = rustici.Configuration()
    configuration.host = base_url
    configuration.username, configuration.password = APP
    return rustici.RegistrationApi(rustici.ApiClient(configuration))


def run(sizes: Sizes = FULL) -> Result:
    calls = sizes.count(500, least=10)
    args = ["--import-job-running-polls", "0", "--app-id", APP[0], "--secret-key"]
    with (
        mock_server_process(*args, APP[1]) as (base_url, _),
        ScormCloud(app_id=APP[0], secret_key=APP[1], base_url=base_url) as ours,
    ):
        seed_registration(ours)
        theirs = official_registrations(base_url)
        assert theirs.get_registration_progress("reg-1").id == "reg-1"
        ratios = interleaved(
            lambda: time_calls(lambda: ours.registrations.get("reg-1"), calls),
            lambda: time_calls(
                lambda: theirs.get_registration_progress("reg-1"), calls
            ),
            sizes,
        )
    median, low, high = summary(ratios)
    return Result(
        key=KEY,
        what="an SDK call to `scormcloud-mock serve`",
        compared_with="the official client (`rustici_software_cloud_v2`) making the "
        "same call to the same server",
        target=f"at most {TARGET:g} times",
        figure=median,
        low=low,
        high=high,
        passed=median <= TARGET,
        notes=[f"registration progress; {calls} calls a side per repetition"],
    )


if __name__ == "__main__":
    main_for(run)
