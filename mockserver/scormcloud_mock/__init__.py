"""A stateful, in-process mock of the SCORM Cloud REST API v2.

It keeps courses with their versions, import jobs, registrations with their instances
and configuration, and applies SCORM Cloud's versioning rules: imports under an
existing course id create version N+1 only when asked to, and a learner's launch moves
a registration to the newest version as the course's ``WhenToRestartRegistration``
setting says. Use it in-process through an httpx transport, or over HTTP::

    mock = MockScormCloud()
    client = mock.client()                # a scormcloud.ScormCloud served by the mock
    server = mock.serve()                 # http://127.0.0.1:PORT/api/v2

Names are imported on first use, so that the pytest plugin (registered for every
install of the distribution) loads even where the ``mock`` extra is not installed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._clock import Clock
    from ._faults import Fault
    from ._mock import DEFAULT_BASE_URL, MockScormCloud
    from ._multipart import UploadedFile, decode_multipart
    from ._persistence import PersistenceError
    from ._server import MockServer
    from ._transport import MockTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "Clock",
    "Fault",
    "MockScormCloud",
    "MockServer",
    "MockTransport",
    "PersistenceError",
    "UploadedFile",
    "decode_multipart",
]

__version__ = "0.1.0"

_HOMES = {
    "Clock": "._clock",
    "Fault": "._faults",
    "DEFAULT_BASE_URL": "._mock",
    "MockScormCloud": "._mock",
    "MockServer": "._server",
    "MockTransport": "._transport",
    "PersistenceError": "._persistence",
    "UploadedFile": "._multipart",
    "decode_multipart": "._multipart",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
