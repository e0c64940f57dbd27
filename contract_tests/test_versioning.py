"""Course versions: the first import, refused and accepted re-imports, the list."""

from __future__ import annotations

import pytest
from targets import PACKAGES, Target

from scormcloud import CourseAlreadyExistsError

GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_SCO_ADDED = (
    PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
)


def count_scos(activity: object) -> int:
    children = getattr(activity, "children", None) or []
    own = 1 if getattr(activity, "activity_type", None) == "SCO" else 0
    return own + sum(count_scos(child) for child in children)


def test_first_import_is_version_0(target: Target) -> None:
    course_id = target.new_course_id()

    imported = target.client.courses.import_and_wait(course_id, GOLF)

    assert (imported.id, imported.version) == (course_id, 0)
    assert imported.course_learning_standard == "SCORM20043RDEDITION"
    assert target.client.courses.get(course_id).version == 0


def test_reimport_without_the_flag_is_refused_and_changes_nothing(
    target: Target,
) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)

    with pytest.raises(CourseAlreadyExistsError) as refused:
        target.client.courses.import_package(course_id, GOLF_SCO_ADDED)

    assert refused.value.status_code == 400
    assert course_id in refused.value.message
    versions = target.client.courses.versions.list(course_id)
    assert [v.version for v in versions] == [0]
    assert count_scos(target.client.courses.get(course_id).root_activity) == 1


def test_reimport_with_the_flag_creates_version_1(target: Target) -> None:
    course_id = target.new_course_id()
    target.client.courses.import_and_wait(course_id, GOLF)

    imported = target.client.courses.import_and_wait(
        course_id, GOLF_SCO_ADDED, may_create_new_version=True
    )

    assert imported.version == 1
    versions = target.client.courses.versions.list(course_id)
    assert sorted(v.version for v in versions) == [0, 1]
    assert target.client.courses.get(course_id).version == 1
    # Each version keeps its own structure.
    old = target.client.courses.versions.get(course_id, 0)
    new = target.client.courses.versions.get(course_id, 1)
    assert count_scos(new.root_activity) == count_scos(old.root_activity) + 1
