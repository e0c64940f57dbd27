"""The contract suite's targets: the same tests against the mock and the real service.

``mock``         the in-process mock, through its httpx transport;
``mock-server``  ``scormcloud-mock serve`` started as a subprocess on loopback;
``live``         SCORM Cloud itself, only when SCORMCLOUD_APP_ID,
                 SCORMCLOUD_SECRET_KEY and SCORMCLOUD_LIVE=1 are set.

Tests set up state only through the public API, use unique ids and delete what they
create, so the same test body is safe against a real account.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from scormcloud import NotFoundError, ScormCloud
from scormcloud_mock import MockScormCloud

PACKAGES = Path(__file__).resolve().parents[1] / "examples" / "packages"
TARGETS = ["mock", "mock-server", "live"]


@dataclass
class Target:
    """A SCORM Cloud to test against, and how a learner opens a launch link there."""

    name: str
    client: ScormCloud
    open_link: Callable[[str], httpx.Response]
    base_url: str = ""
    credentials: tuple[str, str] = ("", "")
    _courses: list[str] = field(default_factory=list)

    def new_course_id(self) -> str:
        course_id = f"contract-{uuid.uuid4().hex[:12]}"
        self._courses.append(course_id)
        return course_id

    def cleanup(self) -> None:
        # Deleting a course deletes its registrations too.
        for course_id in self._courses:
            try:
                self.client.courses.delete(course_id)
            except NotFoundError:
                pass


def unique_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def _live_settings() -> tuple[str, str, str] | None:
    app_id = os.environ.get("SCORMCLOUD_APP_ID")
    secret_key = os.environ.get("SCORMCLOUD_SECRET_KEY")
    if not (app_id and secret_key and os.environ.get("SCORMCLOUD_LIVE") == "1"):
        return None
    base_url = os.environ.get("SCORMCLOUD_BASE_URL", "https://cloud.scorm.com/api/v2")
    return app_id, secret_key, base_url


def build_target(
    name: str, request: pytest.FixtureRequest, stack: contextlib.ExitStack
) -> Target:
    """Connect to the named target; resources it opens close with ``stack``."""
    if name == "mock":
        mock = stack.enter_context(MockScormCloud())
        browser = stack.enter_context(httpx.Client(transport=mock.transport()))
        return Target(name, stack.enter_context(mock.client()), browser.get)

    if name == "mock-server":
        base_url = request.getfixturevalue("mock_server_url")
        credentials = ("contract-app", "contract-secret")
    else:
        settings = _live_settings()
        if settings is None:
            pytest.skip(
                "live target needs SCORMCLOUD_APP_ID, SCORMCLOUD_SECRET_KEY "
                "and SCORMCLOUD_LIVE=1"
            )
        *credentials, base_url = settings
    app_id, secret_key = credentials
    client = ScormCloud(app_id=app_id, secret_key=secret_key, base_url=base_url)
    browser = stack.enter_context(httpx.Client(follow_redirects=True, timeout=60))
    return Target(
        name, stack.enter_context(client), browser.get, base_url, (app_id, secret_key)
    )
