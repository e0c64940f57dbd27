"""Overwriting in place (assets), on every target: policies, versions, sparse zips."""

from __future__ import annotations

import io
import zipfile

import pytest
from course_helpers import GOLF, import_course
from targets import Target

from scormcloud import BadRequestError, NotFoundError


def read(
    target: Target, course_id: str, path: str, version: int | None = None
) -> bytes:
    buffer = io.BytesIO()
    target.client.courses.assets.download(course_id, path, buffer, version=version)
    return buffer.getvalue()


def test_b26_policies_decide_whether_an_upload_may_overwrite(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    assets = target.client.courses.assets
    assets.upload(course_id, "/shared/contract.txt", io.BytesIO(b"first"))

    with pytest.raises(BadRequestError):
        assets.upload(
            course_id,
            "/shared/contract.txt",
            io.BytesIO(b"second"),
            update_asset_policy="reject",
        )
    with pytest.raises(BadRequestError):
        assets.upload(
            course_id,
            "/shared/absent.txt",
            io.BytesIO(b"x"),
            update_asset_policy="strict",
        )
    assert read(target, course_id, "shared/contract.txt") == b"first"

    assets.upload(course_id, "/shared/contract.txt", io.BytesIO(b"second"))
    assert read(target, course_id, "shared/contract.txt") == b"second"


def test_list_and_delete(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    assets = target.client.courses.assets
    assets.upload(course_id, "/extra/note.txt", io.BytesIO(b"note"))

    listed = {item.path: item.size for item in assets.list(course_id)}
    assets.delete(course_id, "extra/note.txt")

    assert listed["extra/note.txt"] == 4
    assert "imsmanifest.xml" in listed
    with pytest.raises(NotFoundError):
        read(target, course_id, "extra/note.txt")


def test_version_scoped_changes_leave_other_versions_alone(target: Target) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    import_course(target, course_id, GOLF, new_version=True)

    target.client.courses.assets.upload(
        course_id, "/only-v0.txt", io.BytesIO(b"v0"), version=0
    )

    assert read(target, course_id, "only-v0.txt", version=0) == b"v0"
    with pytest.raises(NotFoundError):
        read(target, course_id, "only-v0.txt", version=1)


def test_sparse_zip_changes_only_its_files_and_creates_no_version(
    target: Target,
) -> None:
    course_id = target.new_course_id()
    import_course(target, course_id, GOLF)
    manifest = read(target, course_id, "imsmanifest.xml")
    before = {item.path for item in target.client.courses.assets.list(course_id)}
    sparse = io.BytesIO()
    with zipfile.ZipFile(sparse, "w") as archive:
        archive.writestr("shared/launchpage.html", b"<html>patched</html>")
        archive.writestr("imsmanifest.xml", manifest)
    sparse.seek(0)

    result = target.client.courses.assets.apply_sparse_zip(course_id, sparse)

    assert result.manifest_changed is False
    assert result.updated == ["shared/launchpage.html", "imsmanifest.xml"]
    after = {item.path for item in target.client.courses.assets.list(course_id)}
    assert after == before | {"shared/launchpage.html"}
    assert read(target, course_id, "shared/launchpage.html") == b"<html>patched</html>"
    assert [v.version for v in target.client.courses.versions.list(course_id)] == [0]
    zipped = io.BytesIO()
    target.client.courses.download_zip(course_id, zipped)
    assert zipfile.ZipFile(zipped).read("shared/launchpage.html") == (
        b"<html>patched</html>"
    )
