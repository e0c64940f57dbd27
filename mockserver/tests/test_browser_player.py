"""A real browser takes a real course through the mock's launch player.

Headless Chromium (Debian's ``chromium`` package, driven by Playwright for Python with
the system executable) opens a launch link of Rustici's golf "Run-time Basic Calls"
SCORM 1.2 package, pages to the quiz, answers it, submits and exits. The
registration must then show what the course reported. Skipped, with the reason,
where no Chromium is installed; ``.ci/run`` installs it.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mock_http import PACKAGES

from scormcloud_mock import MockScormCloud

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        "no Chromium found (install Debian's chromium and chromium-driver)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")

GOLF_12 = PACKAGES / "golf_scorm12_runtime_basic_calls.zip"
# Without the background-networking flags Chromium keeps calling home, which a
# closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Answers each question of the golf quiz correctly, from the quiz's own data.
ANSWER_ALL = """() => test.Questions.map((q) => {
    if (q.Type === "numeric") return [q.Id + "_Text", String(q.CorrectAnswer)];
    const truth = q.CorrectAnswer ? "True" : "False";
    if (q.Type === "true-false") return [q.Id + "_" + truth, null];
    return [q.Id + "_" + q.Answers.indexOf(q.CorrectAnswer), null];
})"""


@pytest.fixture
def browser() -> Iterator[Any]:
    with tempfile.TemporaryDirectory() as profile:
        with sync_api.sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=CHROMIUM,
                headless=True,
                args=CHROMIUM_ARGS,
            )
            try:
                yield context
            finally:
                context.close()


def test_a_learner_takes_the_golf_quiz_in_chromium(browser: Any) -> None:
    with MockScormCloud(import_job_running_polls=0) as mock:
        server = mock.serve()
        client = mock.client(base_url=server.base_url)
        client.courses.import_and_wait("golf12", GOLF_12)
        client.registrations.create(
            course_id="golf12",
            registration_id="r1",
            learner={"id": "ada", "firstName": "Ada", "lastName": "Lovelace"},
        )
        link = client.registrations.launch_link("r1", redirect_on_exit_url="message")

        page = browser.new_page()
        page.goto(link)
        course = _frame(page, "launchpage.html")
        for _ in range(15):
            course.click("#butNext")
        quiz = _frame(page, "assessmenttemplate.html")
        quiz.wait_for_load_state()
        for element_id, text in quiz.evaluate(ANSWER_ALL):
            answer = quiz.locator(f'[id="question_{element_id}"]')
            if text is None:
                answer.check()
            else:
                answer.fill(text)
        quiz.get_by_role("button", name="Submit Answers").click()
        reported = int(re.sub(r"\D", "", quiz.locator("#test h3").first.inner_text()))
        course.click("#butExit")
        page.wait_for_url(re.compile(r"/__mock__/exited/"))

        progress = client.registrations.get("r1")
        history = client.registrations.get_launch_history("r1")

    assert "You have exited the course" in page.content()
    assert reported == 100
    assert progress.registration_completion == "COMPLETED"
    assert progress.registration_success == "PASSED"
    assert progress.score is not None and progress.score.scaled == reported
    assert progress.total_seconds_tracked is not None
    assert progress.total_seconds_tracked > 0
    assert history[0].exit_time is not None


def _frame(page: Any, name: str) -> Any:
    """The frame whose URL contains ``name``, once it has loaded."""
    for _ in range(100):
        found = next((f for f in page.frames if name in f.url), None)
        if found is not None:
            found.wait_for_load_state()
            return found
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame for {name} in {[f.url for f in page.frames]}")
