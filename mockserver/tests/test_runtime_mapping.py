"""From committed CMI values to registration results (field cases B05, B23, B24)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mock_http import BASE_URL, create_registration, import_course

from scormcloud_mock import MockScormCloud
from scormcloud_mock._errors import BadRequestError
from scormcloud_mock._runtime import SCORM12, SCORM2004, parse_session_time

GOLF_12 = "golf_scorm12_runtime_basic_calls.zip"
GOLF_2004 = "golf_scorm2004_3rd_runtime_basic_calls.zip"
MULTI_SCO_12 = "golf_scorm12_runtime_minimum_calls_multi_sco.zip"


@pytest.fixture
def courses(mock: MockScormCloud, http: httpx.Client) -> MockScormCloud:
    import_course(http, "g12", GOLF_12)
    import_course(http, "g2004", GOLF_2004)
    create_registration(http, "r12", "g12")
    create_registration(http, "r2004", "g2004")
    return mock


def progress(http: httpx.Client, registration_id: str) -> dict[str, Any]:
    body: dict[str, Any] = http.get(f"/registrations/{registration_id}").json()
    return body


@pytest.mark.parametrize(
    ("lesson_status", "completion", "success"),
    [
        ("passed", "COMPLETED", "PASSED"),
        ("completed", "COMPLETED", "UNKNOWN"),
        ("failed", "COMPLETED", "FAILED"),
        ("incomplete", "INCOMPLETE", "UNKNOWN"),
        ("browsed", "INCOMPLETE", "UNKNOWN"),
        ("not attempted", "UNKNOWN", "UNKNOWN"),
    ],
)
def test_b23_scorm12_lesson_status_sets_completion_and_success(
    courses: MockScormCloud,
    http: httpx.Client,
    lesson_status: str,
    completion: str,
    success: str,
) -> None:
    courses.commit_runtime("r12", {"cmi.core.lesson_status": lesson_status})
    body = progress(http, "r12")
    assert (body["registrationCompletion"], body["registrationSuccess"]) == (
        completion,
        success,
    )


@pytest.mark.parametrize(
    "score_first", [True, False], ids=["score-first", "status-first"]
)
def test_b24_the_latest_values_win_in_any_order(
    courses: MockScormCloud, http: httpx.Client, score_first: bool
) -> None:
    status = {"cmi.success_status": "passed", "cmi.completion_status": "completed"}
    score = {"cmi.score.scaled": "0.9"}
    for values in (score, status) if score_first else (status, score):
        courses.commit_runtime("r2004", values)

    body = progress(http, "r2004")
    assert body["score"] == {"scaled": 90.0}
    assert body["registrationSuccess"] == "PASSED"
    assert body["registrationCompletion"] == "COMPLETED"


def test_b05_no_score_means_no_score_key_then_a_scaled_score(
    courses: MockScormCloud, http: httpx.Client
) -> None:
    courses.commit_runtime("r2004", {"cmi.completion_status": "incomplete"})
    before = progress(http, "r2004")
    courses.commit_runtime("r2004", {"cmi.score.scaled": "0.85"})
    after = progress(http, "r2004")

    assert "score" not in before
    assert before["registrationSuccess"] == "UNKNOWN"
    assert after["score"] == {"scaled": 85.0}


def test_scorm12_raw_score_is_scaled_within_min_and_max(
    courses: MockScormCloud, http: httpx.Client
) -> None:
    values = {
        "cmi.core.score.raw": "30",
        "cmi.core.score.min": "10",
        "cmi.core.score.max": "50",
    }
    courses.commit_runtime("r12", values)
    assert progress(http, "r12")["score"] == {"scaled": 50.0}
    courses.commit_runtime("r12", {"cmi.core.score.max": ""})
    assert progress(http, "r12")["score"] == {"scaled": 30.0}


def test_session_times_add_up_across_sessions_but_not_within_one(
    courses: MockScormCloud, http: httpx.Client
) -> None:
    courses.commit_runtime("r2004", {"cmi.session_time": "PT10S"})
    courses.commit_runtime("r2004", {"cmi.session_time": "PT12.5S"}, terminate=True)
    assert progress(http, "r2004")["totalSecondsTracked"] == 12.5

    courses.launch("r2004")
    courses.commit_runtime("r2004", {"cmi.session_time": "PT1M0.25S"})
    assert progress(http, "r2004")["totalSecondsTracked"] == 72.75


@pytest.mark.parametrize(
    ("standard", "text", "seconds"),
    [
        (SCORM12, "0000:00:12.5", 12.5),
        (SCORM12, "01:02:03", 3723.0),
        (SCORM12, "9999:59:59.99", 35999999.99),
        (SCORM2004, "PT1H2M3.5S", 3723.5),
        (SCORM2004, "P1DT1S", 86401.0),
        (SCORM2004, "PT0H0M12.34S", 12.34),
    ],
)
def test_session_time_formats(standard: str, text: str, seconds: float) -> None:
    assert parse_session_time(standard, text) == pytest.approx(seconds)


@pytest.mark.parametrize(
    ("standard", "text"),
    [
        (SCORM12, "12.5"),
        (SCORM12, "00:61:00"),
        (SCORM12, "PT12S"),
        (SCORM2004, "P"),
        (SCORM2004, "PT"),
        (SCORM2004, "12 seconds"),
        (SCORM2004, "0000:00:12"),
    ],
)
def test_malformed_session_times_are_refused(standard: str, text: str) -> None:
    with pytest.raises(BadRequestError):
        parse_session_time(standard, text)


def test_a_malformed_commit_is_400_and_stores_nothing(
    courses: MockScormCloud, http: httpx.Client
) -> None:
    courses.commit_runtime("r2004", {"cmi.session_time": "PT5S", "cmi.location": "p1"})
    before = progress(http, "r2004")
    response = http.post(
        "https://cloud.scorm.com/__mock__/registrations/r2004/runtime",
        json={"values": {"cmi.location": "p9", "cmi.session_time": "five seconds"}},
    )

    assert response.status_code == 400
    assert response.json() == {"message": "'five seconds' is not an ISO 8601 duration"}
    assert progress(http, "r2004") == before


@pytest.mark.parametrize(
    "values",
    [
        {"cmi.score.scaled": "1.5"},
        {"cmi.score.scaled": "high"},
        {"cmi.completion_status": "done"},
        {"cmi.success_status": "PASSED"},
        {"student.name": "x"},
        {"cmi.location": None},
    ],
)
def test_bad_values_are_refused(
    courses: MockScormCloud, values: dict[str, Any]
) -> None:
    with pytest.raises(BadRequestError):
        courses.commit_runtime("r2004", values)


def test_activity_details_carry_runtime_interactions_and_objectives(
    courses: MockScormCloud, http: httpx.Client
) -> None:
    courses.commit_runtime(
        "r2004",
        {
            "cmi.location": "page-4",
            "cmi.suspend_data": "abc",
            "cmi.exit": "suspend",
            "cmi.interactions.0.id": "q1",
            "cmi.interactions.0.type": "choice",
            "cmi.interactions.0.learner_response": "b",
            "cmi.interactions.0.result": "correct",
            "cmi.interactions.0.correct_responses.0.pattern": "b",
            "cmi.objectives.0.id": "obj-1",
            "cmi.objectives.0.success_status": "passed",
            "cmi.objectives.0.score.scaled": "1",
        },
    )
    body = http.get(
        "/registrations/r2004",
        params={
            "includeChildResults": "true",
            "includeInteractionsAndObjectives": "true",
            "includeRuntime": "true",
        },
    ).json()
    sco = body["activityDetails"]["children"][0]
    runtime = sco["runtime"]

    assert body["suspendedActivityId"] == "item_1"
    assert (sco["id"], sco["attempts"], sco["suspended"]) == ("item_1", 1, True)
    assert (runtime["location"], runtime["suspendData"]) == ("page-4", "abc")
    assert runtime["runtimeInteractions"] == [
        {
            "id": "q1",
            "type": "Choice",
            "objectives": [],
            "correctResponses": ["b"],
            "learnerResponse": "b",
            "result": "correct",
        }
    ]
    assert runtime["runtimeObjectives"] == [
        {
            "id": "obj-1",
            "runtimeObjectiveSuccessStatus": "PASSED",
            "runtimeObjectiveCompletionStatus": "UNKNOWN",
            "scoreScaled": "1",
        }
    ]
    assert [o["id"] for o in sco["objectives"]] == ["item_1", "obj-1"]


def test_without_flags_there_are_no_activity_details(
    courses: MockScormCloud, http: httpx.Client
) -> None:
    courses.commit_runtime("r2004", {"cmi.completion_status": "completed"})
    assert "activityDetails" not in progress(http, "r2004")
    root = http.get("/registrations/r2004", params={"includeRuntime": "true"}).json()[
        "activityDetails"
    ]
    assert "children" not in root and root["activityCompletion"] == "COMPLETED"


@pytest.fixture
def multi() -> Iterator[tuple[MockScormCloud, httpx.Client]]:
    with MockScormCloud(import_job_running_polls=0) as mock:
        with httpx.Client(
            base_url=BASE_URL, transport=mock.transport(), auth=("a", "b")
        ) as http:
            import_course(http, "multi", MULTI_SCO_12)
            create_registration(http, "rm", "multi")
            yield mock, http


def test_multi_sco_results_roll_up(multi: tuple[MockScormCloud, httpx.Client]) -> None:
    mock, http = multi
    root = mock.commit_runtime(
        "rm",
        {"cmi.core.lesson_status": "completed"},
        activity_id="playing_playing_item",
    )["activityDetails"]
    playing = root["children"][0]

    assert root["activityCompletion"] == "INCOMPLETE"
    assert playing["children"][0]["activityCompletion"] == "COMPLETED"
    assert playing["children"][1]["activityCompletion"] == "UNKNOWN"
    assert 0 < progress(http, "rm")["registrationCompletionAmount"] < 1

    unknown = http.post(
        "https://cloud.scorm.com/__mock__/registrations/rm/runtime",
        json={"values": {}, "activityId": "no_such_item"},
    )
    assert unknown.status_code == 400
