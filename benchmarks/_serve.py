"""Helper process for ``bench_throughput``: one app on the mock's threaded server.

``python _serve.py mock`` serves a mock holding one registration; ``python _serve.py
bare BODY_FILE`` serves a bare WSGI app answering those same bytes to every request.
Both run on :class:`scormcloud_mock._server.MockServer` (werkzeug's threaded server,
the mock's request handler), print the base URL, and serve until terminated.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from _harness import seed_registration

from scormcloud_mock import MockScormCloud
from scormcloud_mock._server import MockServer


def bare_app(body: bytes) -> Callable[..., Iterable[bytes]]:
    headers = [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(body))),
    ]

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        start_response("200 OK", headers)
        return [body]

    return app


def main() -> None:
    if sys.argv[1] == "mock":
        mock = MockScormCloud(import_job_running_polls=0)
        with mock.client() as client:
            seed_registration(client)
        server = mock.serve()
    else:
        server = MockServer(bare_app(Path(sys.argv[2]).read_bytes()))  # type: ignore[arg-type]
        server.start()
    print(server.base_url, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
