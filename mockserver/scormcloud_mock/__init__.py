"""A stateful, in-process mock of the SCORM Cloud REST API v2.

It keeps courses with their versions, import jobs, registrations with their instances
and course configuration, and applies SCORM Cloud's versioning rules: imports under an
existing course id create version N+1 only when asked to, and a learner's launch moves
a registration to the newest version as the course's ``WhenToRestartRegistration``
setting says. Use it in-process through an httpx transport, or over HTTP::

    mock = MockScormCloud()
    client = mock.client()                # a scormcloud.ScormCloud served by the mock
    server = mock.serve()                 # http://127.0.0.1:PORT/api/v2
"""

from ._clock import Clock
from ._mock import DEFAULT_BASE_URL, MockScormCloud
from ._server import MockServer
from ._transport import MockTransport

__all__ = [
    "DEFAULT_BASE_URL",
    "Clock",
    "MockScormCloud",
    "MockServer",
    "MockTransport",
]

__version__ = "0.1.0"
