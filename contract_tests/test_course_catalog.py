"""The course list, titles, tags, version deletion and zips, on every target."""

from __future__ import annotations

import io
import zipfile

import pytest
from course_helpers import GOLF, GOLF_V2, import_course
from targets import Target, unique_id

from scormcloud import NotFoundError


def test_list_filters_by_tag_and_counts_the_matches(target: Target) -> None:
    tagged, other = target.new_course_id(), target.new_course_id()
    tag = unique_id("tag")
    for course_id in (tagged, other):
        import_course(target, course_id, GOLF)
    target.client.courses.tags.add(tagged, [tag])

    page = target.client.courses.list_page(tags=[tag], include_total_count=True)
    listed = list(target.client.courses.list(tags=[tag, unique_id("none")]))

    assert [c.id for c in page.courses] == [tagged]
    assert page.total_count == 1
    assert [c.id for c in listed] == [tagged]


def test_list_filters_by_course_id(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)

    found = list(target.client.courses.list(filter=course_id, filter_by="course_id"))

    assert [c.id for c in found] == [course_id]


def test_set_title(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)

    target.client.courses.set_title(course_id, "Renamed golf")

    assert target.client.courses.get(course_id).title == "Renamed golf"


def test_tags_add_remove_and_batch(target: Target) -> None:
    first, second = target.new_course_id(), target.new_course_id()
    for course_id in (first, second):
        import_course(target, course_id, GOLF)

    target.client.courses.tags.add(first, ["a", "b"])
    target.client.courses.tags.remove(first, ["a", "never-set"])
    target.client.courses.tags.add_to_courses([first, second], ["c"])

    assert sorted(target.client.courses.tags.list(first)) == ["b", "c"]
    assert target.client.courses.tags.list(second) == ["c"]
    assert sorted(target.client.courses.get(first).tags or []) == ["b", "c"]


def test_deleting_versions_down_to_none_deletes_the_course(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    import_course(target, course_id, GOLF_V2, new_version=True)

    target.client.courses.versions.delete(course_id, 0)
    assert [v.version for v in target.client.courses.versions.list(course_id)] == [1]
    with pytest.raises(NotFoundError):
        target.client.courses.versions.get(course_id, 0)

    target.client.courses.versions.delete(course_id, 1)
    with pytest.raises(NotFoundError):
        target.client.courses.get(course_id)


def test_version_zip_holds_the_package_files(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    buffer = io.BytesIO()

    written = target.client.courses.versions.download_zip(course_id, 0, buffer)

    assert written == len(buffer.getvalue()) > 0
    names = zipfile.ZipFile(buffer).namelist()
    original = zipfile.ZipFile(GOLF).namelist()
    assert "imsmanifest.xml" in names
    assert set(original) <= set(names)
