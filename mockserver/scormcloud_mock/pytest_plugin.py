"""pytest fixtures for testing code that talks to SCORM Cloud, against the mock.

Registered through the ``pytest11`` entry point, so the fixtures exist as soon as the
package is installed; none is autouse. The mock is imported only when a fixture is
used, so installing the SDK alone never breaks a test run.

Fixtures:
    scormcloud_mock: a fresh :class:`~scormcloud_mock.MockScormCloud` per test.
    scormcloud_client: a :class:`scormcloud.ScormCloud` served by that mock.
    async_scormcloud_client: a :class:`scormcloud.AsyncScormCloud` served by that
        mock. The fixture itself is synchronous, so it works with any async test
        runner (anyio, pytest-asyncio); the test awaits the client's calls.
    scormcloud_server: a running HTTP server for the test (``.base_url``); one server
        is shared by the session and reset before each test, unless the test sets
        options, which get a server of their own.

Marker:
    ``@pytest.mark.scormcloud(**options)`` passes keyword options to
    ``MockScormCloud`` (for example ``import_job_running_polls=0`` or
    ``app_id="app", secret_key="key"``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from scormcloud import AsyncScormCloud, ScormCloud

    from ._mock import MockScormCloud
    from ._server import MockServer

MARKER = "scormcloud"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(**options): options for the scormcloud_mock and "
        "scormcloud_server fixtures, passed to MockScormCloud",
    )


def _marker_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    marker = request.node.get_closest_marker(MARKER)
    return dict(marker.kwargs) if marker else {}


@pytest.fixture
def scormcloud_mock(request: pytest.FixtureRequest) -> Iterator[MockScormCloud]:
    """A fresh mock for this test, with the options of its ``scormcloud`` marker."""
    from ._mock import MockScormCloud

    with MockScormCloud(**_marker_options(request)) as mock:
        yield mock


@pytest.fixture
def scormcloud_client(scormcloud_mock: MockScormCloud) -> Iterator[ScormCloud]:
    """A client whose every request the test's mock answers in-process."""
    with scormcloud_mock.client() as client:
        yield client


@pytest.fixture
def async_scormcloud_client(scormcloud_mock: MockScormCloud) -> AsyncScormCloud:
    """An async client whose every request the test's mock answers in-process.

    The mock's transport holds no connections, so the client needs no closing;
    the mock itself is closed after the test.
    """
    return scormcloud_mock.async_client()


@pytest.fixture(scope="session")
def _scormcloud_shared_server() -> Iterator[tuple[MockScormCloud, MockServer]]:
    from ._mock import MockScormCloud

    with MockScormCloud() as mock:
        server = mock.serve()
        try:
            yield mock, server
        finally:
            server.stop()


@pytest.fixture
def scormcloud_server(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    """A mock server on 127.0.0.1 in a clean state; ``.base_url`` is its API root."""
    options = _marker_options(request)
    if not options:
        mock, server = request.getfixturevalue("_scormcloud_shared_server")
        mock.reset()
        yield server
        return

    from ._mock import MockScormCloud

    with MockScormCloud(**options) as own_mock:
        own_server = own_mock.serve()
        try:
            yield own_server
        finally:
            own_server.stop()
