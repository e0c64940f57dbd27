"""The reader for cmi5, xAPI and AICC, and the shared package catalog.

Packages of the shared catalog are read from /work/shared/packages when it exists
(the catalog tests skip otherwise); the rest are built here or copied in the repo.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from course_zips import SCORM12_MANIFEST, zip_bytes
from mock_http import BASE_URL, PACKAGES, import_course
from package_builders import (
    CMI5_XML,
    TINCAN_XML,
    aicc_package,
    cmi5_package,
    tincan_package,
)

from scormcloud_mock import MockScormCloud
from scormcloud_mock._manifest import Activity
from scormcloud_mock._package import Package, PackageError, read_package

SHARED = Path("/work/shared/packages")
SHARED_CATALOG = SHARED / "catalog.json"

STANDARDS = {
    "SCORM 1.2": "SCORM12",
    "SCORM 2004 2nd Edition": "SCORM20042NDEDITION",
    "SCORM 2004 3rd Edition": "SCORM20043RDEDITION",
    "SCORM 2004 4th Edition": "SCORM20044THEDITION",
    "cmi5": "CMI5",
    "xAPI / Tin Can (tincan.xml)": "XAPI",
    "AICC (CMI001, HACP)": "AICC",
    "AICC (synthetic fixture)": "AICC",
}

# The catalog records no titles; these are what each descriptor names.
TITLES = {
    "catapult_cmi5_multi_au_framed.zip": "Introduction to Geology - Multi AU at Root",
    "catapult_cmi5_pre_post_test_framed.zip": "Introduction to Geology - Pre/Post Test",
    "catapult_cmi5_masteryscore_responsive.zip": (
        "Introduction to Geology - Responsive Style - Mastery Score"
    ),
    "tincan_golf_example.zip": "Tin Can Golf Example",
    "aicc_universitysite_testing_tool.zip": "UniversitySite AICC Testing Tool",
    "aicc_complex_three_au_fixture.zip": "Complex AICC Course",
}

# Outcomes the catalog leaves to the implementation; ours are in decisions.md.
OUR_COUNTS = {
    # An empty <organizations/>: one SCO child per SCO resource.
    "moodle_scorm12_missing_org.zip": 1,
    # Items with children are aggregations even when they name a resource.
    "moodle_scorm12_complexscorm_debugger.zip": 5,
}


def shared_entries(section: str) -> list[dict[str, Any]]:
    if not SHARED_CATALOG.is_file():
        return []
    entries: list[dict[str, Any]] = json.loads(SHARED_CATALOG.read_text("utf-8"))[
        section
    ]
    return [e for e in entries if e["file"].endswith(".zip")]


def scos(activity: Activity) -> int:
    own = 1 if activity.activity_type == "SCO" else 0
    return own + sum(scos(child) for child in activity.children)


def read(source: bytes | Path, destination: Path) -> Package:
    return read_package(
        io.BytesIO(source) if isinstance(source, bytes) else source, destination
    )


@pytest.fixture
def destination(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    return folder


def _needs_shared() -> None:
    if not SHARED_CATALOG.is_file():
        pytest.skip(f"{SHARED} is not present")


@pytest.mark.parametrize(
    "entry",
    shared_entries("packages") or [{"file": "(shared folder absent)"}],
    ids=lambda entry: entry["file"],
)
def test_every_shared_package_meets_its_catalog_entry(
    entry: dict[str, Any], destination: Path
) -> None:
    _needs_shared()
    outcome: str = entry["suggested_outcome"]
    if outcome.startswith("reject"):
        with pytest.raises(PackageError):
            read_package(SHARED / entry["file"], destination)
        assert list(destination.iterdir()) == []
        return

    package = read_package(SHARED / entry["file"], destination)
    assert package.learning_standard == STANDARDS[entry["standard"]]
    if entry["file"] in TITLES:
        assert package.title == TITLES[entry["file"]]
    kind = entry["launchable_kind"]
    expected = entry["launchables"] if kind in ("SCO", "AU", "activity") else 0
    assert scos(package.root_activity) == OUR_COUNTS.get(entry["file"], expected)
    assert package.launch_href is not None


@pytest.mark.parametrize(
    "entry",
    shared_entries("variants") or [{"file": "(shared folder absent)"}],
    ids=lambda entry: entry["file"],
)
def test_every_shared_variant_meets_its_catalog_entry(
    entry: dict[str, Any], destination: Path
) -> None:
    _needs_shared()
    # Broken variants and a sparse zip are refused as whole packages.
    refused = entry["file"].startswith("variants/broken_") or "sparse" in entry["file"]
    if refused:
        with pytest.raises(PackageError):
            read_package(SHARED / entry["file"], destination)
        return
    assert read_package(SHARED / entry["file"], destination).launch_href


def test_cmi5_blocks_aus_mastery_and_languages(destination: Path) -> None:
    package = read(cmi5_package(), destination)

    assert (package.learning_standard, package.title) == ("CMI5", "Tiny cmi5")
    intro, block = package.root_activity.children
    assert (intro.activity_type, intro.href) == ("SCO", "intro.html?page=1")
    assert (block.activity_type, block.title) == ("AGGREGATION", "Bloc")
    assert block.children[0].scaled_passing_score == "0.8"
    assert package.languages == ("en-US", "fr-FR")
    assert dict(package.metadata) == {"description": "A test course"}
    assert package.launch_href == "intro.html?page=1"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (
            CMI5_XML.replace("<url>test.html</url>", ""),
            "AU 'https://example.org/au/test' has no <url>",
        ),
        (
            CMI5_XML.replace("au/test", "au/intro"),
            "the id 'https://example.org/au/intro' is used twice",
        ),
        (CMI5_XML.split("<au ")[0] + "</courseStructure>", "cmi5.xml has no AU"),
        ("<courseStructure/>", "cmi5.xml has no <course> element"),
        ("<course/>", "its root element is <course>, not <courseStructure>"),
        (
            '<!DOCTYPE x [<!ENTITY e "boom">]><courseStructure>&e;</courseStructure>',
            "XML entities and external references are not allowed",
        ),
    ],
)
def test_broken_cmi5_is_refused(xml: str, message: str, destination: Path) -> None:
    with pytest.raises(
        PackageError, match=message.replace("(", r"\(").replace("?", r"\?")
    ):
        read(cmi5_package(xml), destination)
    assert list(destination.iterdir()) == []


def test_tincan_with_a_bom(destination: Path) -> None:
    package = read(tincan_package(), destination)

    assert (package.learning_standard, package.title) == ("XAPI", "Tiny xAPI")
    assert [c.href for c in package.root_activity.children] == ["index.html"]
    assert package.languages == ("en-US",)


def test_tincan_without_launch_is_refused(destination: Path) -> None:
    xml = TINCAN_XML.replace('<launch lang="en-us">index.html</launch>', "")

    with pytest.raises(PackageError, match="no activity with a <launch>"):
        read(tincan_package(xml), destination)


def test_aicc_with_bom_crlf_and_odd_names(destination: Path) -> None:
    package = read(aicc_package(), destination)

    assert (package.learning_standard, package.title) == ("AICC", "Tiny AICC")
    (au,) = package.root_activity.children
    assert (au.title, au.href, au.scaled_passing_score) == (
        "Only AU",
        "default.htm",
        "0.8",
    )
    assert package.manifest_identifier == "1"


def test_aicc_complex_fixture_in_the_repo(destination: Path) -> None:
    package = read_package(PACKAGES / "aicc_complex_three_au_fixture.zip", destination)

    assert [c.item_identifier for c in package.root_activity.children] == [
        "A1",
        "A2",
        "A3",
    ]
    assert package.parser_warnings == (
        "ignored non-standard complex.cst columns: prerequisites, attributes",
        "AU 'A1' is also a block; its members follow it",
    )


def test_tincan_golf_in_the_repo(destination: Path) -> None:
    package = read_package(PACKAGES / "tincan_golf_example.zip", destination)

    assert (package.learning_standard, package.title) == (
        "XAPI",
        "Tin Can Golf Example",
    )
    assert scos(package.root_activity) == 1


@pytest.mark.parametrize(
    ("replaced", "message"),
    [
        (
            {"assessment_crs": "", "assessment_au": "", "assessment_des": ""},
            "no imsmanifest.xml found",
        ),
        ({"assessment_au": ""}, "the AICC course has no .au file"),
        ({"assessment_crs": "[Other]\r\nx=1"}, "has no \\[Course\\] section"),
        (
            {"assessment_au": '"system_id","file_name"\r\n"A1",""'},
            "AICC AU 'A1' has no File_Name",
        ),
    ],
)
def test_broken_aicc_is_refused(
    replaced: dict[str, str], message: str, destination: Path
) -> None:
    with pytest.raises(PackageError, match=message):
        read(aicc_package(**replaced), destination)


def test_a_scorm_manifest_wins_over_other_descriptors(destination: Path) -> None:
    both = zip_bytes(
        {
            "imsmanifest.xml": SCORM12_MANIFEST.format(title="SCORM"),
            "index.html": "<p/>",
            "tincan.xml": TINCAN_XML,
        }
    )

    assert read(both, destination).learning_standard == "SCORM12"


def test_scorm_course_metadata_from_external_lom(destination: Path) -> None:
    package = read_package(PACKAGES / "golf_scorm2004_3rd_cp_metadata.zip", destination)

    metadata = dict(package.metadata)
    assert package.languages == ("en",)
    assert (metadata["title"], metadata["titleLanguage"]) == ("Golf Explained", "en-US")
    assert metadata["keywords"] == ("golf", "golf etiquette", "golf handicap")
    assert metadata["typicalTime"] == "PT10M"
    assert metadata["description"].startswith("A high level overview of the sport")


def test_metadata_and_languages_on_the_wire() -> None:
    with MockScormCloud(import_job_running_polls=0) as mock:
        with httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as http:
            import_course(http, "meta", "golf_scorm2004_3rd_cp_metadata.zip")
            course = http.get(
                "/courses/meta", params={"includeCourseMetadata": "true"}
            ).json()
            cmi5 = http.post(
                "/courses/importJobs/upload",
                params={"courseId": "cmi5"},
                files={"file": ("c.zip", cmi5_package(), "application/zip")},
            ).json()["result"]
            job = http.get(f"/courses/importJobs/{cmi5}").json()

    assert course["metadata"]["keywords"] == ["golf", "golf etiquette", "golf handicap"]
    assert course["title"] == "Golf Explained - Metadata Example"
    assert job["importResult"]["courseLanguages"] == ["en-US", "fr-FR"]
