"""Packages of the non-SCORM standards, built in test code (our own content)."""

from __future__ import annotations

from course_zips import zip_bytes

CMI5_XML = """<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/course/tiny">
    <title><langstring lang="en-US">Tiny cmi5</langstring></title>
    <description><langstring lang="en-US">A test course</langstring></description>
  </course>
  <au id="https://example.org/au/intro" moveOn="Completed">
    <title><langstring lang="en-US">Intro</langstring></title>
    <url>
      <![CDATA[ intro.html?page=1 ]]>
    </url>
  </au>
  <block id="https://example.org/block/1">
    <title><langstring lang="fr-FR">Bloc</langstring></title>
    <au id="https://example.org/au/test" masteryScore="0.8">
      <title><langstring lang="en-US">Test</langstring></title>
      <url>test.html</url>
    </au>
  </block>
</courseStructure>
"""

TINCAN_XML = """\ufeff<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="https://example.org/tiny" type="http://adlnet.gov/expapi/activities/course">
      <name>Tiny xAPI</name>
      <description lang="en-US">A test course</description>
      <launch lang="en-us">index.html</launch>
    </activity>
  </activities>
</tincan>
"""

# UniversitySite-like: BOM, CRLF, no final newline, an empty type, names that are
# not the course id.
AICC_FILES = {
    "assessment.crs": "\ufeff[Course]\r\nCourse_ID=1\r\nCourse_Title=Tiny AICC\r\n"
    "Total_AUs=1\r\n[Course_Description]\r\nFree text",
    "assessment.au": '"system_id","type","command_line","file_name","mastery_score"'
    '\r\n"A1","","","default.htm",80',
    "assessment.des": '"system_id","developer_id","title","description"\r\n'
    '"A1","1","Only AU","Text"',
    "assessment.cst": '"block","member"\r\n"ROOT","A1"',
    "default.htm": "<html></html>",
}


def cmi5_package(xml: str = CMI5_XML) -> bytes:
    return zip_bytes({"cmi5.xml": xml, "intro.html": "<p/>", "test.html": "<p/>"})


def tincan_package(xml: str = TINCAN_XML) -> bytes:
    return zip_bytes({"tincan.xml": xml, "index.html": "<p/>"})


def aicc_package(**replaced: str) -> bytes:
    files: dict[str, bytes | str] = dict(AICC_FILES)
    for name, content in replaced.items():
        key = name.replace("_", ".")
        if content:
            files[key] = content
        else:
            files.pop(key, None)
    return zip_bytes(files)
