"""Packages of every learning standard import with their standard and structure."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from course_helpers import import_course
from targets import PACKAGES, Target

from scormcloud import CourseActivity, ImportFailedError

CMI5_XML = """<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/contract/cmi5">
    <title><langstring lang="en-US">Contract cmi5</langstring></title>
    <description><langstring lang="en-US">Two AUs</langstring></description>
  </course>
  <au id="https://example.org/contract/cmi5/au1" moveOn="Completed">
    <title><langstring lang="en-US">First</langstring></title>
    <url>index.html?au=1</url>
  </au>
  <au id="https://example.org/contract/cmi5/au2" moveOn="Passed" masteryScore="0.5">
    <title><langstring lang="en-US">Second</langstring></title>
    <url>index.html?au=2</url>
  </au>
</courseStructure>
"""


def launchables(activity: CourseActivity | None) -> int:
    if activity is None:
        return 0
    own = 1 if activity.href and not activity.children else 0
    return own + sum(launchables(child) for child in activity.children or [])


def cmi5_package(folder: Path) -> Path:
    path = folder / "contract_cmi5.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("cmi5.xml", CMI5_XML)
        archive.writestr("index.html", "<html><body>cmi5</body></html>")
    return path


@pytest.mark.parametrize(
    ("package", "standard", "count"),
    [
        ("tincan_golf_example.zip", "XAPI", 1),
        ("aicc_complex_three_au_fixture.zip", "AICC", 3),
        ("cmi5", "CMI5", 2),
    ],
)
def test_each_standard_imports(
    target: Target, tmp_path: Path, package: str, standard: str, count: int
) -> None:
    course_id = target.new_course_id()
    path = cmi5_package(tmp_path) if package == "cmi5" else PACKAGES / package

    course = import_course(target, course_id, path)

    assert course.course_learning_standard == standard
    assert launchables(target.client.courses.get(course_id).root_activity) == count


def test_a_zip_without_any_descriptor_is_refused(
    target: Target, tmp_path: Path
) -> None:
    course_id = target.new_course_id()
    path = tmp_path / "no_descriptor.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("index.html", "<html></html>")

    with pytest.raises(ImportFailedError):
        import_course(target, course_id, path)
