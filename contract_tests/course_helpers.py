"""Helpers shared by the course contract tests."""

from __future__ import annotations

from pathlib import Path

from targets import PACKAGES, Target

from scormcloud import Course

GOLF = PACKAGES / "golf_scorm12_cp_single_sco.zip"
GOLF_V2 = PACKAGES / "variants/golf_scorm12_runtime_basic_calls_v2_title_only.zip"


def import_course(
    target: Target, course_id: str, package: Path = GOLF, *, new_version: bool = False
) -> Course:
    """Import and poll briskly; the mock targets finish a job within a poll or two."""
    job_id = target.client.courses.import_package(
        course_id, package, may_create_new_version=new_version
    )
    return target.client.courses.wait_for_import(job_id, initial_interval=0.02)
