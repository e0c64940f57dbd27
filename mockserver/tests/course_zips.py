"""Small course packages built in memory, for tests that need many or odd ones."""

from __future__ import annotations

import io
import zipfile

import httpx
from mock_http import finish_import

SCORM12_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tiny" version="1"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org"><title>{title}</title>
      <item identifier="item" identifierref="res"><title>{title}</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res" type="webcontent" adlcp:scormtype="sco"
        href="index.html"><file href="index.html"/></resource>
  </resources>
</manifest>
"""


def zip_bytes(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            archive.writestr(name, data)
    return buffer.getvalue()


def tiny_package(title: str = "Tiny", **extra: bytes | str) -> bytes:
    """A one-SCO SCORM 1.2 package, with extra files named by keyword."""
    files: dict[str, bytes | str] = {
        "imsmanifest.xml": SCORM12_MANIFEST.format(title=title),
        "index.html": f"<html><body>{title}</body></html>",
    }
    files.update({name.replace("__", "/"): data for name, data in extra.items()})
    return zip_bytes(files)


def upload(
    http: httpx.Client, course_id: str, package: bytes, **params: str
) -> dict[str, object]:
    """Import in-memory package bytes and return the finished job."""
    response = http.post(
        "/courses/importJobs/upload",
        params={"courseId": course_id, **params},
        files={"file": ("package.zip", package, "application/zip")},
    )
    assert response.status_code == 200, response.text
    return finish_import(http, response.json()["result"])


def import_tiny(
    http: httpx.Client, course_id: str, title: str = "Tiny", **params: str
) -> dict[str, object]:
    job = upload(http, course_id, tiny_package(title), **params)
    assert job["status"] == "COMPLETE", job
    return job
