"""The mock's OpenAPI document: exactly the route table, and current with the official
client it takes its parameter facts from."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from reliability_cases import ROOT

from scormcloud_mock import MockScormCloud
from scormcloud_mock._openapi import openapi_document
from scormcloud_mock._routes import API_ROUTES

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "gen_openapi.py"


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_openapi", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_official_facts_are_up_to_date() -> None:
    pytest.importorskip("rustici_software_cloud_v2")
    generator = load_generator()
    expected = generator.render()
    assert generator.OUTPUT.read_text() == expected, (
        "run: .venv/bin/python docs/gen_openapi.py"
    )


def test_the_document_is_served_and_lists_exactly_the_route_table() -> None:
    with MockScormCloud() as mock:
        response = httpx.Client(transport=mock.transport()).get(
            f"{ROOT}/__mock__/openapi.json"
        )
    assert response.status_code == 200
    document = response.json()
    assert document == openapi_document()
    assert document["openapi"].startswith("3.0")

    listed = {
        (method.upper(), re.sub(r"\{(\w+)\}", "<>", template))
        for template, methods in document["paths"].items()
        for method in methods
    }
    routed = {
        (method, re.sub(r"<(\w+)>", "<>", rule.rule))
        for rule in API_ROUTES.iter_rules()
        for method in rule.methods or ()
    }
    # werkzeug answers HEAD on every GET rule; the document lists the API's own HEAD.
    assert listed <= routed
    assert {call for call in routed if call[0] != "HEAD"} <= listed
    assert ("HEAD", "/registrations/<>") in listed


def test_operations_are_well_formed() -> None:
    document = openapi_document()
    schemas = document["components"]["schemas"]
    operation_ids = []
    for template, methods in document["paths"].items():
        for operation in methods.values():
            operation_ids.append(operation["operationId"])
            path_names = [
                p["name"] for p in operation["parameters"] if p["in"] == "path"
            ]
            assert path_names == re.findall(r"\{(\w+)\}", template)
    assert len(operation_ids) == len(set(operation_ids))
    for name in re.findall(r'"#/components/schemas/(\w+)"', json.dumps(document)):
        assert name in schemas


def test_what_the_mock_does_not_serve_is_left_out() -> None:
    document = openapi_document()
    configuration = document["paths"]["/appManagement/configuration"]["get"]
    names = {p["name"] for p in configuration["parameters"]}
    assert names == {"includeMetadata"}
    imports = document["components"]["schemas"]["ImportRequestSchema"]
    assert set(imports["properties"]) == {"fetchRequest"}
    assert "/courses/{courseId}/xAPIStatements" not in document["paths"]


def test_bodies_and_forms_come_from_the_official_models() -> None:
    paths = openapi_document()["paths"]
    create = paths["/registrations"]["post"]["requestBody"]["content"]
    assert create["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CreateRegistrationSchema"
    }
    upload = paths["/courses/{courseId}/asset/upload"]["post"]["requestBody"]
    form = upload["content"]["multipart/form-data"]["schema"]
    assert form["required"] == ["destination"]
    assert form["properties"]["file"]["format"] == "binary"
    token = paths["/oauth/authenticate/application/token"]["post"]["requestBody"]
    assert "application/x-www-form-urlencoded" in token["content"]
