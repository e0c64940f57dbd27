"""Helper process for ``bench_throughput``: load on one URL, on loopback only.

``python _load.py URL THREADS REQUESTS`` sends REQUESTS GETs in all from THREADS
threads, each with its own connection (reopened when the server closes it, as
werkzeug's does after every response), and prints ``{"rate": r/s}``. It stops at a
deadline too, so a stuck server cannot hold a run.
"""

from __future__ import annotations

import base64
import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit

DEADLINE_SECONDS = 60
AUTH = "Basic " + base64.b64encode(b"bench-app:bench-secret").decode("ascii")


def worker(url: str, count: int, stop: float, done: list[int]) -> None:
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", "load only ever goes to loopback"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    sent = 0
    while sent < count and time.monotonic() < stop:
        connection.request("GET", parts.path, headers={"Authorization": AUTH})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, response.status
        sent += 1
    connection.close()
    done.append(sent)


def main() -> None:
    url, threads, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    done: list[int] = []
    stop = time.monotonic() + DEADLINE_SECONDS
    workers = [
        threading.Thread(target=worker, args=(url, total // threads, stop, done))
        for _ in range(threads)
    ]
    started = time.perf_counter()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - started
    print(json.dumps({"rate": sum(done) / elapsed, "requests": sum(done)}))


if __name__ == "__main__":
    main()
