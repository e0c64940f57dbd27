"""Field cases B17-B21 and B26 (reference/field-cases.md), through HTTP imports."""

from __future__ import annotations

import io
import zipfile

import httpx
import pytest
from course_zips import SCORM12_MANIFEST, import_tiny, tiny_package, upload, zip_bytes

NS_12 = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
)
NS_2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"'
)


def manifest(
    *,
    namespaces: str = NS_12,
    schemaversion: str | None = "1.2",
    resources: str = '<resource identifier="res" type="webcontent" '
    'adlcp:scormtype="sco" href="index.html"/>',
    idref: str = "res",
    extra_metadata: str = "",
) -> str:
    version = f"<schemaversion>{schemaversion}</schemaversion>" if schemaversion else ""
    return (
        f'<manifest identifier="m" {namespaces}>'
        f"<metadata><schema>ADL SCORM</schema>{version}{extra_metadata}</metadata>"
        '<organizations default="org"><organization identifier="org"><title>T</title>'
        f'<item identifier="item" identifierref="{idref}"><title>I</title></item>'
        f"</organization></organizations><resources>{resources}</resources></manifest>"
    )


def test_b17_dangling_identifierref_is_an_error_naming_it(http: httpx.Client) -> None:
    package = zip_bytes({"imsmanifest.xml": manifest(idref="no_such_res")})

    job = upload(http, "b17", package)

    assert job["status"] == "ERROR"
    assert "no_such_res" in str(job["message"])
    assert http.get("/courses/b17").status_code == 404


def test_b17_backslash_metadata_location_imports(http: httpx.Client) -> None:
    location = "<adlcp:location>meta\\imsmetadata.xml</adlcp:location>"
    package = zip_bytes(
        {
            "imsmanifest.xml": manifest(extra_metadata=location),
            "index.html": "<p/>",
            "meta/imsmetadata.xml": "<lom/>",
        }
    )

    assert upload(http, "b17", package)["status"] == "COMPLETE"


@pytest.mark.parametrize(
    ("namespaces", "schemaversion", "standard"),
    [
        (NS_12, "1.2", "SCORM12"),
        (NS_2004, "CAM 1.3", "SCORM20042NDEDITION"),
        (NS_2004, "2004 3rd Edition", "SCORM20043RDEDITION"),
        (NS_2004, "2004 4th Edition", "SCORM20044THEDITION"),
        (NS_12, None, "SCORM12"),
    ],
)
def test_b18_learning_standard_detection(
    http: httpx.Client, namespaces: str, schemaversion: str | None, standard: str
) -> None:
    scorm_type = "scormtype" if namespaces == NS_12 else "scormType"
    resources = (
        f'<resource identifier="res" type="webcontent" adlcp:{scorm_type}="sco" '
        'href="index.html"/>'
    )
    text = manifest(
        namespaces=namespaces, schemaversion=schemaversion, resources=resources
    )

    job = upload(http, "b18", zip_bytes({"imsmanifest.xml": text, "index.html": "x"}))

    course = job["importResult"]["course"]  # type: ignore[index]
    assert course["courseLearningStandard"] == standard
    assert course["rootActivity"]["children"][0]["activityType"] == "SCO"


def test_b18_asset_resources_are_not_scos(http: httpx.Client) -> None:
    resources = (
        '<resource identifier="res" type="webcontent" adlcp:scormtype="asset" '
        'href="index.html"/>'
    )
    package = zip_bytes({"imsmanifest.xml": manifest(resources=resources)})

    course = upload(http, "b18", package)["importResult"]["course"]  # type: ignore[index]

    assert course["rootActivity"]["children"][0]["activityType"] == "ASSET"


def test_b19_xml_base_composes_the_launch_path(http: httpx.Client) -> None:
    text = (
        SCORM12_MANIFEST.format(title="B19")
        .replace("<resources>", '<resources xml:base="SCORM/">')
        .replace('href="index.html">', 'xml:base="sub/" href="index.html">')
    )
    package = zip_bytes({"imsmanifest.xml": text, "SCORM/sub/index.html": "<p/>"})

    course = upload(http, "b19", package)["importResult"]["course"]  # type: ignore[index]
    link = http.post("/courses/b19/preview", json={}).json()["launchLink"]

    assert course["rootActivity"]["children"][0]["href"] == "SCORM/sub/index.html"
    assert "SCORM/sub/index.html" in http.get(link).text


@pytest.mark.parametrize("flagged", [True, False], ids=["utf8-flag", "cp437"])
def test_b20_non_ascii_names_import_and_list_decoded(
    http: httpx.Client, flagged: bool
) -> None:
    name = "le\u00e7on/\u00e9.html"
    # zipfile flags any non-ASCII name as UTF-8; for the unflagged CP437 case an
    # ASCII placeholder of the same length is written, then its bytes replaced.
    placeholder = name if flagged else "leXon/X.html"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("imsmanifest.xml", SCORM12_MANIFEST.format(title="B20"))
        archive.writestr("index.html", "<p/>")
        archive.writestr(placeholder, "x")
    data = buffer.getvalue()
    if not flagged:
        data = data.replace(placeholder.encode(), name.encode("cp437"))

    assert upload(http, "b20", data)["status"] == "COMPLETE"
    paths = [f["path"] for f in http.get("/courses/b20/asset/list").json()["files"]]
    assert name in paths


def test_b20_a_flagged_name_that_is_not_utf8_is_an_error_naming_it(
    http: httpx.Client,
) -> None:
    data = bytearray(tiny_package("B20", bad_name=b"x"))
    data = bytearray(bytes(data).replace(b"bad_name", b"bad\xffname"))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            flags = int.from_bytes(data[at + offset : at + offset + 2], "little")
            data[at + offset : at + offset + 2] = (flags | 0x800).to_bytes(2, "little")
            at = data.find(signature, at + 1)

    job = upload(http, "b20", bytes(data))

    assert job["status"] == "ERROR"
    assert "b'bad\\xffname'" in str(job["message"])


def test_b21_macos_junk_is_ignored_and_not_listed(http: httpx.Client) -> None:
    package = zip_bytes(
        {
            "imsmanifest.xml": SCORM12_MANIFEST.format(title="B21"),
            "index.html": "<p/>",
            "__MACOSX/._imsmanifest.xml": b"\x00\x05\x16\x07",
            ".DS_Store": b"\x00",
        }
    )

    assert upload(http, "b21", package)["status"] == "COMPLETE"
    paths = [f["path"] for f in http.get("/courses/b21/asset/list").json()["files"]]
    assert not any("__MACOSX" in path for path in paths)


def test_b21_one_top_folder_becomes_the_root(http: httpx.Client) -> None:
    package = zip_bytes(
        {
            "course/imsmanifest.xml": SCORM12_MANIFEST.format(title="B21"),
            "course/index.html": "<p/>",
        }
    )

    job = upload(http, "b21", package)

    assert job["status"] == "COMPLETE"
    assert job["importResult"]["parserWarnings"] == [  # type: ignore[index]
        "the package is inside the folder 'course'; used it as the root"
    ]


def test_b26_same_id_without_the_flag_never_replaces(http: httpx.Client) -> None:
    import_tiny(http, "b26", title="First")

    response = http.post(
        "/courses/importJobs/upload",
        params={"courseId": "b26"},
        files={"file": ("p.zip", tiny_package("Second"), "application/zip")},
    )

    assert response.status_code == 400
    assert response.json() == {
        "message": "A course already exists with the specified id: "
        "ApiCourseId|b26!VersionId|0"
    }
    assert http.get("/courses/b26").json()["title"] == "First"
