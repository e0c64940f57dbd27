"""Launch-link options (B04), the player page, course files and its runtime calls."""

from __future__ import annotations

import base64
import json
import re
from typing import Any

import httpx
import pytest
from mock_http import create_registration, import_course

from scormcloud_mock import MockScormCloud

GOLF_12 = "golf_scorm12_runtime_basic_calls.zip"
MULTI_SCO_12 = "golf_scorm12_runtime_minimum_calls_multi_sco.zip"
MOCK_ROOT = "https://cloud.scorm.com/__mock__"


@pytest.fixture
def registered(http: httpx.Client) -> str:
    import_course(http, "g12", GOLF_12)
    create_registration(http, "r1", "g12")
    return "r1"


def link_for(http: httpx.Client, registration_id: str, **body: Any) -> str:
    response = http.post(
        f"/registrations/{registration_id}/launchLink",
        json={"redirectOnExitUrl": "message", **body},
    )
    assert response.status_code == 200, response.text
    link: str = response.json()["launchLink"]
    return link


def page_config(page: httpx.Response) -> dict[str, Any]:
    match = re.search(r'id="mock-launch">(.*?)</script>', page.text, re.S)
    assert match is not None
    config: dict[str, Any] = json.loads(match.group(1))
    return config


def launch_id_of(config: dict[str, Any]) -> str:
    return str(config["runtimeUrl"]).rsplit("/", 1)[1]


def test_b04_every_option_arrives_and_is_echoed(
    http: httpx.Client, registered: str
) -> None:
    options = {
        "redirectOnExitUrl": "https://lms.example/done",
        "cssUrl": "https://cdn.example/p.css",
        "expiry": 120,
        "tracking": True,
        "startSco": "item_1",
        "culture": "fr-FR",
        "learnerTags": ["l"],
        "courseTags": ["c"],
        "registrationTags": ["from-launch"],
        "additionalvalues": [{"item": "k", "value": "v"}],
    }
    link = link_for(http, registered, **options)
    echoed = link.split("?options=", 1)[1]
    decoded = json.loads(base64.urlsafe_b64decode(echoed + "=" * (-len(echoed) % 4)))
    page = http.get(link)
    config = page_config(page)

    assert decoded == options
    assert '<link rel="stylesheet" href="https://cdn.example/p.css">' in page.text
    assert config["redirectOnExitUrl"] == "https://lms.example/done"
    assert config["options"]["additionalvalues"] == [{"item": "k", "value": "v"}]
    assert config["first"]["activityId"] == "item_1"
    assert http.get(f"/registrations/{registered}/tags").json() == {
        "tags": ["from-launch"]
    }


@pytest.mark.parametrize(
    "body",
    [
        {"expiry": 5},
        {"expiry": 301},
        {"expiry": "60"},
        {"redirectOnExitUrl": "not a url"},
        {"redirectOnExitUrl": "ftp://lms.example/"},
        {"cssUrl": "styles.css"},
        {"tracking": "no"},
        {"startSco": "no_such_item"},
        {"registrationTags": "a"},
        {"additionalvalues": [{"item": "k"}]},
    ],
)
def test_b04_bad_options_are_400_and_no_link(
    http: httpx.Client, registered: str, body: dict[str, Any]
) -> None:
    response = http.post(
        f"/registrations/{registered}/launchLink",
        json={"redirectOnExitUrl": "message", **body},
    )
    assert response.status_code == 400
    assert set(response.json()) == {"message"}


@pytest.mark.parametrize(
    ("redirect", "target"),
    [("closer", "closer"), ("BLANK", "blank"), ("https://x.example/a", None)],
)
def test_redirect_keywords_and_urls(
    http: httpx.Client, registered: str, redirect: str, target: str | None
) -> None:
    config = page_config(
        http.get(link_for(http, registered, redirectOnExitUrl=redirect))
    )
    assert config["redirectOnExitUrl"] == (target or redirect)


def test_message_exit_goes_to_the_mock_exit_page(
    http: httpx.Client, registered: str
) -> None:
    config = page_config(http.get(link_for(http, registered)))
    launch_id = launch_id_of(config)
    assert config["redirectOnExitUrl"] == f"../exited/{launch_id}"
    exited = http.get(f"{MOCK_ROOT}/exited/{launch_id}")
    assert "You have exited the course" in exited.text


def test_the_player_frames_the_sco_and_serves_course_files(
    http: httpx.Client, registered: str
) -> None:
    config = page_config(http.get(link_for(http, registered)))
    launch_id = launch_id_of(config)
    launch_file = http.get(f"{MOCK_ROOT}/content/{launch_id}/shared/launchpage.html")

    assert config["first"]["href"] == f"../content/{launch_id}/shared/launchpage.html"
    assert config["first"]["cmi"]["cmi.core.lesson_status"] == "not attempted"
    assert config["first"]["cmi"]["cmi.core.student_id"] == "learner-1"
    assert launch_file.status_code == 200
    assert launch_file.headers["content-type"].startswith("text/html")
    assert "ScormProcessInitialize" in launch_file.text


@pytest.mark.parametrize(
    "path",
    ["%2e%2e/%2e%2e/etc/passwd", "shared/%2e%2e%2f..%2fimsmanifest.xml", "nope.html"],
)
def test_course_files_outside_the_version_are_404(
    http: httpx.Client, registered: str, path: str
) -> None:
    config = page_config(http.get(link_for(http, registered)))
    response = http.get(f"{MOCK_ROOT}/content/{launch_id_of(config)}/{path}")
    assert response.status_code == 404


def test_unknown_launch_ids_serve_nothing(http: httpx.Client) -> None:
    response = http.get(f"{MOCK_ROOT}/content/forged/shared/launchpage.html")
    assert response.status_code == 404


def test_the_player_runtime_commits_through_the_mock(
    http: httpx.Client, registered: str
) -> None:
    config = page_config(http.get(link_for(http, registered)))
    launch_id = launch_id_of(config)
    commit = http.post(
        f"{MOCK_ROOT}/runtime/{launch_id}",
        json={
            "activityId": "item_1",
            "values": {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "80"},
            "terminate": True,
        },
    )
    exit_call = http.post(f"{MOCK_ROOT}/exit/{launch_id}", json={})

    assert (commit.status_code, exit_call.status_code) == (200, 200)
    body = http.get(f"/registrations/{registered}").json()
    assert body["registrationSuccess"] == "PASSED"
    assert body["score"] == {"scaled": 80.0}
    history = http.get(f"/registrations/{registered}/launchHistory").json()
    assert "exitTime" in history["launchHistory"][0]


def test_tracking_false_records_nothing(http: httpx.Client, registered: str) -> None:
    config = page_config(http.get(link_for(http, registered, tracking=False)))
    http.post(
        f"{MOCK_ROOT}/runtime/{launch_id_of(config)}",
        json={"values": {"cmi.core.lesson_status": "passed"}},
    )
    assert http.get(f"/registrations/{registered}").json()["registrationSuccess"] == (
        "UNKNOWN"
    )


def test_a_multi_sco_course_gets_a_table_of_contents(http: httpx.Client) -> None:
    import_course(http, "multi", MULTI_SCO_12)
    create_registration(http, "rm", "multi")
    page = http.get(link_for(http, "rm"))
    config = page_config(page)

    assert len(config["activities"]) == 18
    assert page.text.count('data-activity="') == 18
    opened = http.post(
        f"{MOCK_ROOT}/session/{launch_id_of(config)}",
        json={"activityId": "playing_par_item"},
    )
    assert opened.status_code == 200
    assert opened.json()["href"].endswith("/Playing/Par.html")


def test_expired_links_launch_nothing(
    http: httpx.Client, mock: MockScormCloud, registered: str
) -> None:
    link = link_for(http, registered, expiry=10)
    clock = http.post(f"{MOCK_ROOT}/clock", json={"advanceSeconds": 11})

    assert clock.status_code == 200
    assert http.get(link).status_code == 410
    assert mock.dump_state()["registrations"][0]["instances"][0]["launchHistory"] == []


def test_simulation_endpoints(http: httpx.Client, registered: str) -> None:
    launched = http.post(f"{MOCK_ROOT}/registrations/{registered}/launch").json()
    committed = http.post(
        f"{MOCK_ROOT}/registrations/{registered}/runtime",
        json={"values": {"cmi.core.lesson_status": "completed"}, "terminate": True},
    ).json()
    state = http.get(f"{MOCK_ROOT}/state").json()

    assert launched["instance"] == 0 and launched["restarted"] is False
    assert launched["activityId"] == "item_1"
    assert committed["registrationCompletion"] == "COMPLETED"
    assert state["courses"][0]["id"] == "g12"
    assert state["registrations"][0]["instances"][0]["registrationCompletion"] == (
        "COMPLETED"
    )
    assert http.post(f"{MOCK_ROOT}/clock", json={"advanceSeconds": -1}).status_code == (
        400
    )


def test_a_course_without_scos_still_opens_the_player(http: httpx.Client) -> None:
    import_course(http, "assets", "golf_scorm2004_3rd_cp_one_file_per_sco.zip")
    create_registration(http, "ra", "assets")
    page = http.get(link_for(http, "ra"))

    assert page.status_code == 200
    assert page_config(page)["first"] is None
    assert http.get("/registrations/ra").json()["registrationCompletion"] == "UNKNOWN"
