"""Fixtures of the contract suite: ``target`` and ``http_target`` (see targets.py)."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from targets import TARGETS, Target, build_target


@pytest.fixture(scope="session")
def mock_server_url() -> Iterator[str]:
    """One ``scormcloud-mock serve`` process for the session."""
    command = [sys.executable, "-m", "scormcloud_mock", "serve", "--port", "0"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:"), base_url
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(params=TARGETS)
def target(request: pytest.FixtureRequest) -> Iterator[Target]:
    """Each contract test runs once per target."""
    yield from _connected(request)


@pytest.fixture(params=["mock-server", "live"])
def http_target(request: pytest.FixtureRequest) -> Iterator[Target]:
    """The targets reachable over a real socket, for clients other than ours."""
    yield from _connected(request)


def _connected(request: pytest.FixtureRequest) -> Iterator[Target]:
    with contextlib.ExitStack() as stack:
        built = build_target(request.param, request, stack)
        try:
            yield built
        finally:
            built.cleanup()
