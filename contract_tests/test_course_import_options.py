"""Import options on every target: tags on import, and import from a URL.

The fetch test serves a package from a loopback HTTP server, which both mock targets
can reach. The live service cannot; it runs there only when
SCORMCLOUD_CONTRACT_PACKAGE_URL names a public copy of the golf package.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import HTTPServer, SimpleHTTPRequestHandler

import pytest
from course_helpers import GOLF
from targets import PACKAGES, Target, unique_id


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def package_url() -> Iterator[str]:
    """A loopback URL of the golf package."""
    handler = functools.partial(_QuietHandler, directory=str(PACKAGES))
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/{GOLF.name}"
    finally:
        server.shutdown()
        server.server_close()


def _url_for(target: Target, loopback_url: str) -> str:
    if target.name != "live":
        return loopback_url
    public = os.environ.get("SCORMCLOUD_CONTRACT_PACKAGE_URL")
    if not public:
        pytest.skip("live fetch needs SCORMCLOUD_CONTRACT_PACKAGE_URL")
    return public


def test_tags_given_on_import_are_on_the_course(target: Target) -> None:
    course_id = target.new_course_id()
    tag = unique_id("import-tag")

    job_id = target.client.courses.import_package(course_id, GOLF, tags=[tag])
    target.client.courses.wait_for_import(job_id, initial_interval=0.02)

    assert tag in target.client.courses.tags.list(course_id)
    listed = list(target.client.courses.list(tags=[tag]))
    assert [c.id for c in listed] == [course_id]


@pytest.mark.parametrize("no_upload", [False, True], ids=["fetch", "noUpload"])
def test_import_from_url(target: Target, package_url: str, no_upload: bool) -> None:
    course_id = target.new_course_id()
    url = _url_for(target, package_url)

    job_id = target.client.courses.import_from_url(course_id, url, no_upload=no_upload)
    course = target.client.courses.wait_for_import(job_id, initial_interval=0.02)

    assert (course.id, course.version) == (course_id, 0)
    assert course.course_learning_standard == "SCORM12"
