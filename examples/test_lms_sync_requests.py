"""Testing requests-based user code offline: `responses` routes it to the mock."""

from __future__ import annotations

from pathlib import Path

import httpx
import responses
from lms_sync_requests import registration_report, start_course

from scormcloud_mock import MockScormCloud

BASE_URL = "https://cloud.scorm.com/api/v2"
PACKAGES = Path(__file__).resolve().parent / "packages"
GOLF = PACKAGES / "golf_scorm2004_3rd_runtime_basic_calls.zip"
GOLF_V2 = PACKAGES / "variants/golf_scorm2004_3rd_runtime_basic_calls_v2_sco_added.zip"
AUTH = ("app", "secret")


def test_report_across_versions() -> None:
    with MockScormCloud() as mock, mock.client() as client:
        client.courses.import_and_wait("golf", GOLF)
        client.courses.set_restart_policy("golf", "WHEN_NEWER_PACKAGE_VERSION_EXISTS")
        with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
            mock.attach_responses(rsps, base_url=BASE_URL)
            body = {"courseId": "golf", "registrationId": "r1", "learner": {"id": "a"}}
            assert start_course(BASE_URL, AUTH, body) == 204
            assert start_course(BASE_URL, AUTH, body) == 400

        client.courses.import_and_wait("golf", GOLF_V2, may_create_new_version=True)
        link = client.registrations.launch_link("r1")
        httpx.Client(transport=mock.transport()).get(link).raise_for_status()

        with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
            mock.attach_responses(rsps, base_url=BASE_URL)
            report = registration_report(BASE_URL, AUTH, "r1")

    assert report == {
        "registration": "r1",
        "attempts": [
            {"instance": 0, "version": 0, "completion": "UNKNOWN"},
            {"instance": 1, "version": 1, "completion": "UNKNOWN"},
        ],
    }
