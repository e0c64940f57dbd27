"""docs/coverage.md must match the route table; regenerate it when routes change."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("rustici_software_cloud_v2")

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "gen_coverage.py"


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_coverage", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_coverage_page_is_up_to_date() -> None:
    generator = load_generator()
    expected = generator.render()
    actual = generator.OUTPUT.read_text()
    assert actual == expected, "run: .venv/bin/python docs/gen_coverage.py"


def test_the_generator_sees_known_endpoints() -> None:
    generator = load_generator()
    rows = generator.endpoints("registration_api.py")
    assert ("create_registration", "POST", "/registrations") in rows
    assert generator.served("POST", "/registrations")
    statements = "/registrations/{registrationId}/xAPIStatements"
    assert not generator.served("GET", statements)
