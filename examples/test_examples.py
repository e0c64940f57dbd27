"""Every example runs, as `make demo` runs it, so none can rot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent


def run_example(name: str, **extra_env: str) -> str:
    # Without SCORMCLOUD_LIVE=1 the examples use the embedded mock.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCORMCLOUD_")}
    env.update(extra_env)
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_versioning_walkthrough_tells_who_moved() -> None:
    # Credentials in the environment must not switch the demo to a real account.
    story = run_example(
        "versioning_walkthrough.py",
        SCORMCLOUD_APP_ID="someone",
        SCORMCLOUD_SECRET_KEY="real-secret",
        SCORMCLOUD_BASE_URL="http://127.0.0.1:9/api/v2",
    )

    assert "(embedded mock)" in story
    title = "'Golf Explained - Run-time Basic Calls'"
    assert f"as version 0: {title}, SCORM20043RDEDITION, 1 SCOs" in story
    assert f"as version 1: {title}, SCORM20043RDEDITION, 2 SCOs" in story
    assert "versions now: [0, 1]" in story

    if_incomplete, when_passed = story.split(". Policy")[1:3]
    moved = {line.split()[0] for line in if_incomplete.splitlines() if "moved" in line}
    assert moved == {"Alice", "Bob"}
    moved = {line.split()[0] for line in when_passed.splitlines() if "moved" in line}
    assert moved == {"Carol"}

    assert "instance 0 on version 0: incomplete, 300 s tracked" in story
    assert "instance 1 on version 1: unknown, 0 s tracked" in story
