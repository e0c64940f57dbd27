"""Server throughput on one registration read, against a bare WSGI app.

Two server processes on loopback, both werkzeug's threaded server with the mock's
request handler (``_serve.py``): one runs the mock holding one registration, the
other a bare WSGI app answering the very bytes the mock answers for it. A load
process (``_load.py``: threads, a fixed number of requests and a deadline; the
server closes each connection, so every request connects anew) reads
``GET /registrations/reg-1`` from each in turn. The figure is the mock's requests
per second over the bare app's.

    .venv/bin/python benchmarks/bench_throughput.py [--quick]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
from _harness import (
    FULL,
    Result,
    Sizes,
    helper,
    helper_process,
    interleaved,
    main_for,
    run_json,
    summary,
)

KEY = "throughput"
TARGET = 0.5
THREADS = 4
PATH = "/registrations/reg-1"


def rate(base_url: str, requests: int) -> float:
    """Requests per second one load run reaches."""
    figures = run_json(helper("_load.py"), base_url + PATH, str(THREADS), str(requests))
    return float(figures["rate"])  # type: ignore[arg-type]


def run(sizes: Sizes = FULL) -> Result:
    requests = sizes.count(4000, least=40)
    with tempfile.TemporaryDirectory() as folder:
        body = Path(folder) / "body.json"
        with helper_process("_serve.py", "mock") as (mock_url, _):
            auth = ("bench-app", "bench-secret")
            body.write_bytes(httpx.get(mock_url + PATH, auth=auth).content)
            with helper_process("_serve.py", "bare", str(body)) as (bare_url, _):
                ratios = interleaved(
                    lambda: rate(mock_url, requests),
                    lambda: rate(bare_url, requests),
                    sizes,
                )
    median, low, high = summary(ratios)
    return Result(
        key=KEY,
        what="server throughput on one registration read",
        compared_with="a bare WSGI app on the same server (same werkzeug threaded "
        "server, same client load)",
        target=f"at least {TARGET:g} times",
        figure=median,
        low=low,
        high=high,
        passed=median >= TARGET,
        notes=[f"{THREADS} client threads, {requests} requests a side a repetition"],
    )


if __name__ == "__main__":
    main_for(run)
