"""Tests for the mock's course-package reader: real golf packages, their broken
variants, and small zips built here for every edge the reader must handle."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from scormcloud_mock._package import (
    Activity,
    PackageError,
    PackageLimits,
    read_package,
)

PACKAGES = Path(__file__).resolve().parents[2] / "examples" / "packages"
CATALOG: dict[str, Any] = json.loads((PACKAGES / "catalog.json").read_text("utf-8"))

STANDARDS = {
    "SCORM 1.2": "SCORM12",
    "SCORM 2004 2nd Edition": "SCORM20042NDEDITION",
    "SCORM 2004 3rd Edition": "SCORM20043RDEDITION",
    "SCORM 2004 4th Edition": "SCORM20044THEDITION",
}

# catalog.json records no titles; these are the default organizations' <title>s.
TITLES = {
    "golf_scorm12_cp_single_sco.zip": "Golf Explained - CP Single SCO",
    "golf_scorm12_runtime_basic_calls.zip": "Golf Explained - Run-time Basic Calls",
    "golf_scorm12_runtime_minimum_calls_multi_sco.zip": (
        "Golf Explained - Minimum Run-time Calls"
    ),
    "golf_scorm2004_2nd_cp_single_sco.zip": "Golf Explained - CP Single SCO",
    "golf_scorm2004_3rd_runtime_basic_calls.zip": (
        "Golf Explained - Run-time Basic Calls"
    ),
    "golf_scorm2004_3rd_cp_metadata.zip": "Golf Explained - Metadata Example",
    "golf_scorm2004_3rd_cp_one_file_per_sco.zip": (
        "Golf Explained - CP One File Per SCO"
    ),
    "golf_scorm2004_3rd_seq_simple_remediation.zip": (
        "Golf Explained - Simple Remediation"
    ),
    "golf_scorm2004_3rd_seq_random_test.zip": "Golf Explained - Sequencing Random Test",
    "golf_scorm2004_4th_seq_post_test_rollup.zip": (
        "Golf Explained - 4th Edition Features"
    ),
}

NS_12 = (
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"'
)
NS_2004 = (
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"'
)
SCO = (
    '<resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="a.html"/>'
)
ITEM = '<item identifier="i1" identifierref="r1"><title>Lesson</title></item>'


# -- helpers ---------------------------------------------------------------------------


@pytest.fixture
def destination(tmp_path: Path) -> Path:
    course = tmp_path / "course"
    course.mkdir()
    return course


def manifest(
    items: str = ITEM,
    resources: str = SCO,
    *,
    namespaces: str = NS_12,
    schemaversion: str | None = "1.2",
    organizations: str | None = None,
    metadata: str = "",
    manifest_attributes: str = "",
    resources_attributes: str = "",
) -> str:
    version = f"<schemaversion>{schemaversion}</schemaversion>" if schemaversion else ""
    if organizations is None:
        organizations = (
            '<organizations default="org"><organization identifier="org">'
            f"<title>Test Course</title>{items}</organization></organizations>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="test.manifest" {namespaces} {manifest_attributes}>'
        f"<metadata><schema>ADL SCORM</schema>{version}{metadata}</metadata>"
        f"{organizations}<resources {resources_attributes}>{resources}</resources>"
        "</manifest>"
    )


def upload_path(tmp_path: Path, name: str = "") -> Path:
    upload = tmp_path / "upload"
    upload.mkdir(exist_ok=True)
    return upload / (name or f"package{len(list(upload.iterdir()))}.zip")


def write_zip(tmp_path: Path, entries: dict[str, str | bytes]) -> Path:
    path = upload_path(tmp_path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def package_with(tmp_path: Path, manifest_text: str | bytes) -> Path:
    return write_zip(tmp_path, {"imsmanifest.xml": manifest_text, "a.html": "<p>"})


def refused(source: Path | io.BytesIO, destination: Path, fragment: str) -> str:
    with pytest.raises(PackageError) as caught:
        read_package(source, destination)
    message = str(caught.value)
    assert fragment in message
    assert "\n" not in message
    assert list(destination.iterdir()) == []
    return message


def written_outside(tmp_path: Path) -> set[str]:
    return {path.name for path in tmp_path.iterdir()} - {"course", "upload"}


def leaves(activity: Activity) -> Iterator[Activity]:
    if not activity.children:
        yield activity
    for child in activity.children:
        yield from leaves(child)


def count(activity: Activity, activity_type: str) -> int:
    return sum(1 for leaf in leaves(activity) if leaf.activity_type == activity_type)


def launchable_count(activity: Activity) -> int:
    return sum(1 for leaf in leaves(activity) if leaf.href is not None)


# -- real packages -----------------------------------------------------------------


# The SCORM golf packages; the other standards are in test_package_standards.py.
GOLF_ENTRIES = [p for p in CATALOG["packages"] if p["file"] in TITLES]


@pytest.mark.parametrize("entry", GOLF_ENTRIES, ids=[p["file"] for p in GOLF_ENTRIES])
def test_golf_package_imports_as_catalogued(
    entry: dict[str, Any], destination: Path
) -> None:
    package = read_package(PACKAGES / entry["file"], destination)

    expected_scos = entry["launchables"] if entry["launchable_kind"] == "SCO" else 0
    assert package.learning_standard == STANDARDS[entry["standard"]]
    assert package.title == TITLES[entry["file"]]
    assert package.manifest_identifier == entry["manifest_identifier"]
    assert count(package.root_activity, "SCO") == expected_scos
    assert launchable_count(package.root_activity) == entry["launchables"]
    assert package.parser_warnings == ()

    assert package.launch_href is not None
    assert (destination / package.launch_href.partition("?")[0]).is_file()
    assert (destination / "imsmanifest.xml").is_file()


def test_asset_only_package_has_no_sco(destination: Path) -> None:
    package = read_package(
        PACKAGES / "golf_scorm2004_3rd_cp_one_file_per_sco.zip", destination
    )

    assert count(package.root_activity, "SCO") == 0
    assert count(package.root_activity, "ASSET") == 18


def test_items_sharing_a_resource_keep_their_own_parameters(destination: Path) -> None:
    package = read_package(
        PACKAGES / "golf_scorm2004_3rd_seq_simple_remediation.zip", destination
    )

    hrefs = {leaf.item_identifier: leaf.href for leaf in leaves(package.root_activity)}
    assert hrefs["playing_item"] == "shared/launchpage.html?content=playing"
    assert hrefs["test_1"] == "shared/launchpage.html?content=assessment1"
    assert package.root_activity.children[0].title == "Remediation Wrapper"


def test_item_parameters_are_appended_to_the_resource_href(destination: Path) -> None:
    package = read_package(
        PACKAGES / "golf_scorm12_runtime_minimum_calls_multi_sco.zip", destination
    )

    quiz = next(
        leaf
        for leaf in leaves(package.root_activity)
        if leaf.item_identifier == "playing_quiz_item"
    )
    assert quiz.href == "shared/assessmenttemplate.html?questions=Playing"
    assert quiz.resource_identifier == "playing_quiz_resource"
    assert package.root_activity.children[0].activity_type == "AGGREGATION"


@pytest.mark.parametrize(
    ("file", "title", "scos"),
    [
        ("zip64_entries.zip", "Golf Explained - Run-time Basic Calls", 1),
        ("backslash_separators.zip", "Golf Explained - Run-time Basic Calls", 1),
        ("multiple_organizations.zip", "Golf Explained - Minimum Run-time Calls", 18),
        (
            "golf_scorm12_runtime_basic_calls_v2_title_only.zip",
            "Golf Explained - Run-time Basic Calls (v2, retitled)",
            1,
        ),
        (
            "golf_scorm12_runtime_minimum_calls_v2_sco_removed.zip",
            "Golf Explained - Minimum Run-time Calls",
            17,
        ),
        (
            "golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip",
            "Golf Explained - Run-time Basic Calls",
            2,
        ),
    ],
)
def test_importable_variant(
    file: str, title: str, scos: int, destination: Path
) -> None:
    package = read_package(PACKAGES / "variants" / file, destination)

    assert package.title == title
    assert count(package.root_activity, "SCO") == scos
    assert package.parser_warnings == ()


def test_multiple_organizations_use_the_default_one(destination: Path) -> None:
    package = read_package(
        PACKAGES / "variants" / "multiple_organizations.zip", destination
    )

    assert package.root_activity.item_identifier == "golf_sample_default_org"
    assert package.root_activity.external_identifier == "golf_sample_default_org"


def test_backslash_entry_names_become_folders(destination: Path) -> None:
    read_package(PACKAGES / "variants" / "backslash_separators.zip", destination)

    assert (destination / "Playing" / "Par.html").is_file()
    assert not [p for p in destination.rglob("*") if "\\" in p.name]


def test_non_ascii_file_names_are_extracted(destination: Path) -> None:
    package = read_package(
        PACKAGES / "variants" / "non_ascii_filenames.zip", destination
    )

    assert (destination / "Playing" / "Règles du golf.html").is_file()
    assert (destination / "Playing" / "ルール.jpg").is_file()
    assert "日本語" in package.title


def test_single_top_folder_becomes_the_root_with_a_warning(destination: Path) -> None:
    package = read_package(
        PACKAGES / "variants" / "manifest_in_subfolder.zip", destination
    )

    assert (destination / "imsmanifest.xml").is_file()
    assert not (destination / "RuntimeBasicCalls_SCORM12").exists()
    assert package.launch_href == "shared/launchpage.html"
    assert (destination / "shared" / "launchpage.html").is_file()
    assert len(package.parser_warnings) == 1
    assert "RuntimeBasicCalls_SCORM12" in package.parser_warnings[0]


BROKEN = {
    "broken_no_manifest.zip": "no imsmanifest.xml found at the package root",
    "broken_malformed_manifest.zip": "imsmanifest.xml is malformed: unclosed token",
    "broken_path_traversal.zip": "'../evil.txt'",
    "broken_zip_slip_variants.zip": "'/tmp/evil-absolute.txt'",
    "broken_duplicate_manifest_entries.zip": "two entries named 'imsmanifest.xml'",
    "sparse_asset_overwrite_Playing_Playing.html.zip": "no imsmanifest.xml found",
}


def test_every_broken_variant_has_an_expected_refusal() -> None:
    on_disk = {path.name for path in (PACKAGES / "variants").glob("broken_*.zip")}

    assert on_disk == {name for name in BROKEN if name.startswith("broken_")}


@pytest.mark.parametrize(("file", "fragment"), BROKEN.items())
def test_broken_variant_is_refused(
    file: str, fragment: str, tmp_path: Path, destination: Path
) -> None:
    refused(PACKAGES / "variants" / file, destination, fragment)

    assert written_outside(tmp_path) == set()


# -- the zip container -------------------------------------------------------------


def test_not_a_zip_is_refused_with_its_name(tmp_path: Path, destination: Path) -> None:
    source = upload_path(tmp_path, "course.zip")
    source.write_text("# just markdown\n")

    refused(source, destination, "'course.zip' is not a valid zip archive")


def test_not_a_zip_file_object_is_refused(destination: Path) -> None:
    refused(io.BytesIO(b"hello"), destination, "the uploaded file is not a valid zip")


def test_file_object_source_imports(tmp_path: Path, destination: Path) -> None:
    data = package_with(tmp_path, manifest()).read_bytes()

    package = read_package(io.BytesIO(data), destination)

    assert package.launch_href == "a.html"
    assert (destination / "a.html").read_text() == "<p>"


def test_destination_must_be_an_empty_directory(
    tmp_path: Path, destination: Path
) -> None:
    (destination / "keep.txt").write_text("mine")

    with pytest.raises(ValueError, match="not an empty directory"):
        read_package(package_with(tmp_path, manifest()), destination)
    assert (destination / "keep.txt").read_text() == "mine"


def test_no_manifest_is_refused(tmp_path: Path, destination: Path) -> None:
    source = write_zip(tmp_path, {"index.html": "<p>", "Playing/a.html": "<p>"})

    refused(source, destination, "no imsmanifest.xml found at the package root")


def test_manifest_in_a_folder_next_to_other_root_files_is_refused(
    tmp_path: Path, destination: Path
) -> None:
    source = write_zip(
        tmp_path, {"course/imsmanifest.xml": manifest(), "readme.txt": "hello"}
    )

    refused(source, destination, "no imsmanifest.xml found at the package root")


def test_mac_junk_is_skipped_and_ignored_for_the_top_folder(
    tmp_path: Path, destination: Path
) -> None:
    source = write_zip(
        tmp_path,
        {
            "course/imsmanifest.xml": manifest(),
            "course/a.html": "<p>",
            "course/.DS_Store": b"\0\0\0\1Bud1",
            "__MACOSX/course/._imsmanifest.xml": b"\0\5\26\7",
            "__MACOSX/._course": b"\0\5\26\7",
        },
    )

    package = read_package(source, destination)

    assert sorted(p.name for p in destination.rglob("*")) == [
        "a.html",
        "imsmanifest.xml",
    ]
    assert package.launch_href == "a.html"


@pytest.mark.parametrize(
    "entry",
    [
        "../evil.txt",
        "Playing/../../evil-nested.txt",
        "..\\evil-backslash.txt",
        "C:/evil-drive.txt",
        "C:\\evil-drive.txt",
        "/evil-absolute.txt",
    ],
)
def test_escaping_entry_refuses_the_whole_package(
    entry: str, tmp_path: Path, destination: Path
) -> None:
    # The escaping entry comes last, so nothing may be written before refusing.
    source = write_zip(
        tmp_path, {"imsmanifest.xml": manifest(), "a.html": "<p>", entry: "evil"}
    )

    message = refused(source, destination, repr(entry))

    assert "outside the package" in message or "absolute path" in message
    assert written_outside(tmp_path) == set()


def test_absolute_entry_inside_tmp_is_not_written(
    tmp_path: Path, destination: Path
) -> None:
    target = tmp_path / "absolute-evil.txt"
    source = write_zip(tmp_path, {"imsmanifest.xml": manifest(), str(target): "evil"})

    refused(source, destination, "has an absolute path")

    assert not target.exists()


def test_symlink_entry_is_refused(tmp_path: Path, destination: Path) -> None:
    source = package_with(tmp_path, manifest())
    with zipfile.ZipFile(source, "a") as archive:
        link = zipfile.ZipInfo("shared/evil-symlink")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")

    refused(source, destination, "'shared/evil-symlink' is a symbolic link")

    assert written_outside(tmp_path) == set()


def test_encrypted_entry_is_refused(tmp_path: Path, destination: Path) -> None:
    source = upload_path(tmp_path, "encrypted.zip")
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("imsmanifest.xml", manifest())
        archive.writestr("a.html", "<p>")
        archive.getinfo("a.html").flag_bits |= 0x1

    refused(source, destination, "'a.html' is encrypted")


def test_duplicate_entries_are_refused(tmp_path: Path, destination: Path) -> None:
    source = package_with(tmp_path, manifest())
    with (
        pytest.warns(UserWarning, match="Duplicate name"),
        zipfile.ZipFile(source, "a") as archive,
    ):
        archive.writestr("a.html", "<p>second")

    refused(source, destination, "two entries named 'a.html'")


def test_backslash_and_slash_spellings_of_one_path_are_duplicates(
    tmp_path: Path, destination: Path
) -> None:
    source = write_zip(
        tmp_path,
        {"imsmanifest.xml": manifest(), "Playing/a.html": "1", "Playing\\a.html": "2"},
    )

    refused(source, destination, "two entries named 'Playing/a.html'")


def test_entry_that_is_both_file_and_folder_is_refused(
    tmp_path: Path, destination: Path
) -> None:
    source = write_zip(
        tmp_path, {"imsmanifest.xml": manifest(), "a.html": "<p>", "a.html/b": "x"}
    )

    refused(source, destination, "'a.html' is both a file and a folder")


def test_corrupt_entry_is_refused(tmp_path: Path, destination: Path) -> None:
    source = upload_path(tmp_path, "corrupt.zip")
    with zipfile.ZipFile(source, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("imsmanifest.xml", manifest())
        archive.writestr("a.html", b"A" * 1000)
    source.write_bytes(source.read_bytes().replace(b"A" * 1000, b"B" * 1000))

    refused(source, destination, "'a.html' cannot be extracted")


def _raw_name_zip(tmp_path: Path, placeholder: str, raw_name: bytes) -> Path:
    # zipfile always flags non-ASCII names as UTF-8, so legacy names are patched in.
    source = write_zip(
        tmp_path, {"imsmanifest.xml": manifest(), "a.html": "<p>", placeholder: "x"}
    )
    data = source.read_bytes()
    assert data.count(placeholder.encode()) == 2 and len(placeholder) == len(raw_name)
    source.write_bytes(data.replace(placeholder.encode(), raw_name))
    return source


@pytest.mark.parametrize(
    ("placeholder", "raw_name"),
    [
        ("R_gles.html", "Règles.html".encode("cp437")),
        ("R__gles.html", "Règles.html".encode()),
    ],
    ids=["cp437", "utf8-without-flag"],
)
def test_legacy_entry_names_are_decoded(
    placeholder: str, raw_name: bytes, tmp_path: Path, destination: Path
) -> None:
    read_package(_raw_name_zip(tmp_path, placeholder, raw_name), destination)

    assert (destination / "Règles.html").read_text() == "x"


def test_utf8_flagged_entry_names_are_extracted(
    tmp_path: Path, destination: Path
) -> None:
    resource = SCO.replace('href="a.html"', 'href="Règles du golf.html"')
    source = write_zip(
        tmp_path,
        {"imsmanifest.xml": manifest(resources=resource), "Règles du golf.html": "x"},
    )

    package = read_package(source, destination)

    assert package.launch_href == "Règles du golf.html"
    assert (destination / "Règles du golf.html").read_text() == "x"


# -- limits ------------------------------------------------------------------------


def _zeros_zip(tmp_path: Path, size: int) -> Path:
    source = package_with(tmp_path, manifest())
    with zipfile.ZipFile(source, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("zeros.bin", "w") as entry:
            for _ in range(size // (1 << 20)):
                entry.write(bytes(1 << 20))
    return source


def test_high_ratio_entry_is_refused_as_a_bomb(
    tmp_path: Path, destination: Path
) -> None:
    source = _zeros_zip(tmp_path, 50 << 20)

    refused(source, destination, "'zeros.bin' expands more than 200 times")


def test_ratio_limit_is_configurable(tmp_path: Path, destination: Path) -> None:
    source = _zeros_zip(tmp_path, 2 << 20)
    strict = PackageLimits(max_compression_ratio=10, ratio_checked_above_bytes=1000)
    lenient = PackageLimits(max_compression_ratio=100_000)

    with pytest.raises(PackageError, match="more than 10 times"):
        read_package(source, destination, limits=strict)
    assert list(destination.iterdir()) == []
    read_package(source, destination, limits=lenient)
    assert (destination / "zeros.bin").stat().st_size == 2 << 20


def test_small_entries_are_exempt_from_the_ratio_check(
    tmp_path: Path, destination: Path
) -> None:
    source = package_with(tmp_path, manifest())
    with zipfile.ZipFile(source, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("blank.css", " " * 500_000)

    read_package(source, destination)

    assert (destination / "blank.css").stat().st_size == 500_000


def test_total_size_is_bounded_by_bytes_written(
    tmp_path: Path, destination: Path
) -> None:
    # Stored entries have ratio 1, so only the running total can stop them.
    source = upload_path(tmp_path, "big.zip")
    with zipfile.ZipFile(source, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("imsmanifest.xml", manifest())
        for index in range(4):
            archive.writestr(f"media/{index}.bin", bytes(300_000))

    with pytest.raises(PackageError, match="expands to more than 1,000,000 bytes"):
        read_package(source, destination, limits=PackageLimits(max_total_bytes=10**6))
    assert list(destination.iterdir()) == []


def test_entry_count_is_bounded(tmp_path: Path, destination: Path) -> None:
    files: dict[str, str | bytes] = {f"f{index}.txt": "x" for index in range(5)}
    source = write_zip(tmp_path, {"imsmanifest.xml": manifest(), **files})

    with pytest.raises(PackageError, match="6 entries; the limit is 5"):
        read_package(source, destination, limits=PackageLimits(max_entries=5))


# -- manifest parsing --------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, newline",
    [(b"\xef\xbb\xbf", "\n"), (b"", "\r\n"), (b"\xef\xbb\xbf", "\r\n")],
    ids=["bom", "crlf", "bom-crlf"],
)
def test_bom_and_crlf_manifests_import(
    prefix: bytes, newline: str, tmp_path: Path, destination: Path
) -> None:
    text = manifest().replace("><", f">{newline}<")

    package = read_package(package_with(tmp_path, prefix + text.encode()), destination)

    assert package.title == "Test Course"
    assert package.launch_href == "a.html"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "no element found"),
        (b'<?xml version="1.0"?>\n', "no element found"),
        (b"<manifest><organizations></manifest>", "mismatched tag"),
        (b"<html><body/></html>", "root element is <html>, not <manifest>"),
        (b'<?xml version="1.0" encoding="bogus"?><manifest/>', "unknown encoding"),
    ],
    ids=["empty", "declaration-only", "mismatched", "wrong-root", "bad-encoding"],
)
def test_malformed_manifest_is_refused_with_the_reason(
    content: bytes, reason: str, tmp_path: Path, destination: Path
) -> None:
    message = refused(
        package_with(tmp_path, content), destination, "imsmanifest.xml is malformed"
    )

    assert reason in message


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE manifest [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<manifest identifier="m"><organizations/><resources/><x>&lol3;</x></manifest>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<manifest identifier="m"><organizations/><resources/><x>&secret;</x></manifest>
"""


EXTERNAL_PARAMETER_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE manifest [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd">%remote;]>
<manifest identifier="m"><organizations/><resources/></manifest>
"""


@pytest.mark.parametrize(
    "content",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_PARAMETER_ENTITY],
    ids=["entity-expansion", "external", "external-parameter"],
)
def test_xml_entities_are_refused(
    content: str, tmp_path: Path, destination: Path
) -> None:
    message = refused(
        package_with(tmp_path, content), destination, "imsmanifest.xml is malformed"
    )

    assert "entities" in message


def test_missing_resource_reference_is_refused(
    tmp_path: Path, destination: Path
) -> None:
    items = ITEM + '<item identifier="i2" identifierref="missing_resource"/>'

    refused(
        package_with(tmp_path, manifest(items)),
        destination,
        "item 'i2' references resource 'missing_resource', which does not exist",
    )


def test_item_without_identifier_is_refused(tmp_path: Path, destination: Path) -> None:
    items = '<item identifierref="r1"><title>Nameless</title></item>'

    refused(
        package_with(tmp_path, manifest(items)), destination, "without an identifier"
    )


def test_deeply_nested_items_are_refused(tmp_path: Path, destination: Path) -> None:
    depth = 3000
    items = '<item identifier="x">' * depth + ITEM + "</item>" * depth

    refused(package_with(tmp_path, manifest(items)), destination, "too deeply")


@pytest.mark.parametrize(
    ("schemaversion", "namespaces", "extra", "standard", "warned"),
    [
        ("1.2", NS_12, "", "SCORM12", False),
        ("CAM 1.3", NS_2004, "", "SCORM20042NDEDITION", False),
        ("2004 3rd Edition", NS_2004, "", "SCORM20043RDEDITION", False),
        ("2004 4th Edition", NS_2004, "", "SCORM20044THEDITION", False),
        (None, NS_12, "", "SCORM12", True),
        (None, NS_2004, "", "SCORM20043RDEDITION", True),
        (
            None,
            NS_2004,
            '<adlcp:data><adlcp:map targetID="shared"/></adlcp:data>',
            "SCORM20044THEDITION",
            True,
        ),
        ("1.3", NS_2004, "", "SCORM20043RDEDITION", True),
    ],
    ids=[
        "1.2",
        "cam-1.3",
        "3rd",
        "4th",
        "missing-1.2-ns",
        "missing-2004-ns",
        "missing-4th-elements",
        "unknown",
    ],
)
def test_learning_standard_detection(
    schemaversion: str | None,
    namespaces: str,
    extra: str,
    standard: str,
    warned: bool,
    tmp_path: Path,
    destination: Path,
) -> None:
    items = ITEM.replace("</item>", f"{extra}</item>")
    text = manifest(items, namespaces=namespaces, schemaversion=schemaversion)

    package = read_package(package_with(tmp_path, text), destination)

    assert package.learning_standard == standard
    assert any(standard in w for w in package.parser_warnings) == warned


@pytest.mark.parametrize(
    ("namespaces", "attribute", "value", "activity_type"),
    [
        (NS_12, "adlcp:scormtype", "sco", "SCO"),
        (NS_12, "adlcp:scormType", "sco", "SCO"),
        (NS_2004, "adlcp:scormType", "sco", "SCO"),
        (NS_2004, "adlcp:scormtype", "sco", "SCO"),
        (NS_12, "adlcp:scormtype", "SCO", "SCO"),
        (NS_12, "adlcp:scormtype", "asset", "ASSET"),
        (NS_2004, "adlcp:scormType", "asset", "ASSET"),
    ],
)
def test_scorm_type_attribute_spellings(
    namespaces: str,
    attribute: str,
    value: str,
    activity_type: str,
    tmp_path: Path,
    destination: Path,
) -> None:
    resource = f'<resource identifier="r1" {attribute}="{value}" href="a.html"/>'
    text = manifest(resources=resource, namespaces=namespaces)

    package = read_package(package_with(tmp_path, text), destination)

    (leaf,) = leaves(package.root_activity)
    assert leaf.activity_type == activity_type
    assert count(package.root_activity, "SCO") == (activity_type == "SCO")
    assert package.launch_href == "a.html"


def test_xml_base_is_applied_at_every_level(tmp_path: Path, destination: Path) -> None:
    resource = (
        '<resource identifier="r1" adlcp:scormtype="sco" xml:base="sub/" '
        'href="index.html"/>'
    )
    text = manifest(resources=resource, resources_attributes='xml:base="SCORM/"')

    package = read_package(package_with(tmp_path, text), destination)

    assert package.launch_href == "SCORM/sub/index.html"


def test_manifest_level_xml_base_comes_first(tmp_path: Path, destination: Path) -> None:
    resource = (
        '<resource identifier="r1" adlcp:scormtype="sco" xml:base="sub\\" '
        'href="index.html?page=1"/>'
    )
    text = manifest(
        resources=resource,
        manifest_attributes='xml:base="content/"',
        resources_attributes='xml:base="SCORM"',
    )

    package = read_package(package_with(tmp_path, text), destination)

    assert package.launch_href == "content/SCORM/sub/index.html?page=1"


@pytest.mark.parametrize(
    ("href", "parameters", "expected"),
    [
        ("a.html", "?questions=Playing", "a.html?questions=Playing"),
        ("a.html", "questions=Playing", "a.html?questions=Playing"),
        ("a.html?content=x", "?questions=1", "a.html?content=x&questions=1"),
        ("a.html?content=x", "&questions=1", "a.html?content=x&questions=1"),
        ("a.html", "#part2", "a.html#part2"),
        ("a.html#top", "#part2", "a.html#top"),
        ("a.html#top", "q=1", "a.html?q=1#top"),
        ("a.html", "   ", "a.html"),
        ("Playing\\a.html?path=x\\y", "", "Playing/a.html?path=x\\y"),
    ],
)
def test_href_and_parameters(
    href: str, parameters: str, expected: str, tmp_path: Path, destination: Path
) -> None:
    resource = (
        f'<resource identifier="r1" adlcp:scormtype="sco" href="{escape(href)}"/>'
    )
    item = (
        f'<item identifier="i1" identifierref="r1" parameters="{escape(parameters)}"/>'
    )

    package = read_package(
        package_with(tmp_path, manifest(item, resource)), destination
    )

    assert package.launch_href == expected


def test_metadata_location_with_backslash_does_not_break_import(
    tmp_path: Path, destination: Path
) -> None:
    location = "<adlcp:location>metadata\\course.xml</adlcp:location>"
    resource = SCO.replace("/>", f"><metadata>{location}</metadata></resource>")
    text = manifest(resources=resource, metadata=location)

    package = read_package(package_with(tmp_path, text), destination)

    assert package.launch_href == "a.html"


def test_missing_default_organization_uses_the_first_with_a_warning(
    tmp_path: Path, destination: Path
) -> None:
    organizations = (
        '<organizations default="nowhere">'
        f'<organization identifier="first"><title>First</title>{ITEM}</organization>'
        '<organization identifier="second"><title>Second</title></organization>'
        "</organizations>"
    )

    package = read_package(
        package_with(tmp_path, manifest(organizations=organizations)), destination
    )

    assert package.title == "First"
    assert package.root_activity.item_identifier == "first"
    assert package.parser_warnings == (
        "default organization 'nowhere' does not exist; using the first organization",
    )


def test_organizations_without_default_use_the_first_silently(
    tmp_path: Path, destination: Path
) -> None:
    organizations = (
        f'<organizations><organization identifier="o1">{ITEM}</organization>'
        '<organization identifier="o2"/></organizations>'
    )

    package = read_package(
        package_with(tmp_path, manifest(organizations=organizations)), destination
    )

    assert package.root_activity.item_identifier == "o1"
    assert package.parser_warnings == ()


LOM_TITLE = (
    "<lom><general><title><langstring>Course From Metadata</langstring>"
    "</title></general></lom>"
)


@pytest.mark.parametrize(
    ("metadata", "title"),
    [(LOM_TITLE, "Course From Metadata"), ("", "test.manifest")],
    ids=["lom-title", "identifier"],
)
def test_empty_organizations_build_a_root_from_sco_resources(
    metadata: str, title: str, tmp_path: Path, destination: Path
) -> None:
    resources = SCO + (
        '<resource identifier="css" adlcp:scormtype="asset" href="s.css"/>'
        '<resource identifier="r2" adlcp:scormtype="sco" href="b.html"/>'
    )
    text = manifest(resources=resources, organizations="<organizations/>")

    package = read_package(
        package_with(tmp_path, text.replace("</metadata>", f"{metadata}</metadata>")),
        destination,
    )

    assert package.title == title
    assert [child.resource_identifier for child in package.root_activity.children] == [
        "r1",
        "r2",
    ]
    assert count(package.root_activity, "SCO") == 2
    assert package.launch_href == "a.html"
    assert "no organization" in package.parser_warnings[0]


def test_organization_without_title_falls_back_to_the_lom_title(
    tmp_path: Path, destination: Path
) -> None:
    organizations = (
        f'<organizations><organization identifier="o">{ITEM}</organization>'
        "</organizations>"
    )
    text = manifest(organizations=organizations, metadata=LOM_TITLE)

    package = read_package(package_with(tmp_path, text), destination)

    assert package.title == "Course From Metadata"
    assert package.root_activity.title == "Course From Metadata"


def test_item_with_children_and_identifierref_is_an_aggregation(
    tmp_path: Path, destination: Path
) -> None:
    items = (
        f'<item identifier="parent" identifierref="r1"><title>P</title>{ITEM}</item>'
    )

    package = read_package(package_with(tmp_path, manifest(items)), destination)

    (parent,) = package.root_activity.children
    assert parent.activity_type == "AGGREGATION"
    assert parent.href is None and parent.resource_identifier is None
    assert [child.item_identifier for child in parent.children] == ["i1"]


def test_launch_href_is_the_first_launchable_in_tree_order(
    tmp_path: Path, destination: Path
) -> None:
    resources = (
        SCO + '<resource identifier="r2" adlcp:scormtype="asset" href="b.html"/>'
    )
    items = (
        '<item identifier="empty"><title>Label</title></item>'
        '<item identifier="group"><item identifier="asset" identifierref="r2"/></item>'
        + ITEM
    )

    package = read_package(
        package_with(tmp_path, manifest(items, resources)), destination
    )

    assert package.root_activity.children[0].activity_type == "AGGREGATION"
    assert package.launch_href == "b.html"


SEQUENCED_ITEM = """
<item identifier="i1" identifierref="r1"><title>Quiz</title>
  <imsss:sequencing{idref}>
    <imsss:objectives>
      <imsss:primaryObjective objectiveID="pass" satisfiedByMeasure="{by_measure}">
        <imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>
      </imsss:primaryObjective>
    </imsss:objectives>
  </imsss:sequencing>
</item>"""


@pytest.mark.parametrize(("by_measure", "score"), [("true", "0.6"), ("false", None)])
def test_scaled_passing_score_from_2004_primary_objective(
    by_measure: str, score: str | None, tmp_path: Path, destination: Path
) -> None:
    item = SEQUENCED_ITEM.format(idref="", by_measure=by_measure)
    text = manifest(item, namespaces=NS_2004, schemaversion="2004 3rd Edition")

    package = read_package(package_with(tmp_path, text), destination)

    assert package.root_activity.children[0].scaled_passing_score == score


def test_scaled_passing_score_from_a_sequencing_collection(
    tmp_path: Path, destination: Path
) -> None:
    shared = SEQUENCED_ITEM.format(idref=' ID="quiz_rules"', by_measure="true")
    shared = shared.split("<imsss:sequencing", 1)[1].rsplit("</item>", 1)[0]
    collection = (
        f"<imsss:sequencingCollection><imsss:sequencing{shared}"
        "</imsss:sequencingCollection></manifest>"
    )
    item = (
        '<item identifier="i1" identifierref="r1">'
        '<imsss:sequencing IDRef="quiz_rules"/></item>'
    )
    text = manifest(item, namespaces=NS_2004, schemaversion="2004 4th Edition")
    text = text.replace("</manifest>", collection)

    package = read_package(package_with(tmp_path, text), destination)

    assert package.root_activity.children[0].scaled_passing_score == "0.6"


def with_mastery_score(mastery: str) -> str:
    score = f"<adlcp:masteryscore>{mastery}</adlcp:masteryscore>"
    return ITEM.replace("</item>", f"{score}</item>")


@pytest.mark.parametrize(
    ("mastery", "score"), [("80", "0.8"), ("100", "1"), ("0", "0"), ("75.5", "0.755")]
)
def test_scaled_passing_score_from_12_masteryscore(
    mastery: str, score: str, tmp_path: Path, destination: Path
) -> None:
    item = with_mastery_score(mastery)

    package = read_package(package_with(tmp_path, manifest(item)), destination)

    assert package.root_activity.children[0].scaled_passing_score == score
    assert package.parser_warnings == ()


@pytest.mark.parametrize("mastery", ["eighty", "150", "NaN"])
def test_unusable_masteryscore_is_ignored_with_a_warning(
    mastery: str, tmp_path: Path, destination: Path
) -> None:
    item = with_mastery_score(mastery)

    package = read_package(package_with(tmp_path, manifest(item)), destination)

    assert package.root_activity.children[0].scaled_passing_score is None
    assert package.parser_warnings == (f"ignored masteryscore {mastery!r} of 'i1'",)


def test_wire_shape_matches_course_activity_schema(
    tmp_path: Path, destination: Path
) -> None:
    resources = SCO + '<resource identifier="r2" adlcp:scormtype="asset" href="b.pdf"/>'
    items = (
        '<item identifier="unit"><title> Unit 1 </title>'
        '<item identifier="i1" identifierref="r1"><title>Lesson</title>'
        "<adlcp:masteryscore>80</adlcp:masteryscore></item>"
        '<item identifier="i2" identifierref="r2"><title>Handout</title></item>'
        "</item>"
    )

    package = read_package(
        package_with(tmp_path, manifest(items, resources)), destination
    )

    assert package.root_activity.to_wire() == {
        "externalIdentifier": "org",
        "itemIdentifier": "org",
        "activityType": "AGGREGATION",
        "title": "Test Course",
        "children": [
            {
                "externalIdentifier": "unit",
                "itemIdentifier": "unit",
                "activityType": "AGGREGATION",
                "title": "Unit 1",
                "children": [
                    {
                        "externalIdentifier": "i1",
                        "itemIdentifier": "i1",
                        "resourceIdentifier": "r1",
                        "activityType": "SCO",
                        "href": "a.html",
                        "title": "Lesson",
                        "scaledPassingScore": "0.8",
                        "children": [],
                    },
                    {
                        "externalIdentifier": "i2",
                        "itemIdentifier": "i2",
                        "resourceIdentifier": "r2",
                        "activityType": "ASSET",
                        "href": "b.pdf",
                        "title": "Handout",
                        "children": [],
                    },
                ],
            }
        ],
    }
    assert json.loads(json.dumps(package.root_activity.to_wire()))
