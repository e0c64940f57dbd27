"""Example "user code": a reporting job that reads SCORM Cloud with `requests`.

It knows nothing of this toolkit. `test_lms_sync_requests.py` tests it offline by
routing its traffic to the mock through the `responses` library.
"""

from __future__ import annotations

from typing import Any

import requests


def registration_report(
    base_url: str, auth: tuple[str, str], registration_id: str
) -> dict[str, Any]:
    """One learner's progress across every version they have taken."""
    session = requests.Session()
    session.auth = auth
    url = f"{base_url.rstrip('/')}/registrations/{registration_id}/instances"
    response = session.get(url, timeout=30)
    response.raise_for_status()
    instances = response.json()["registrations"]
    return {
        "registration": registration_id,
        "attempts": [
            {
                "instance": item["instance"],
                "version": item["course"]["version"],
                "completion": item["registrationCompletion"],
            }
            for item in instances
        ],
    }


def start_course(base_url: str, auth: tuple[str, str], body: dict[str, Any]) -> int:
    """Create a registration; returns the HTTP status."""
    url = f"{base_url.rstrip('/')}/registrations"
    return requests.post(url, json=body, auth=auth, timeout=30).status_code
