"""The mock's own OpenAPI document, served at ``GET /__mock__/openapi.json``.

Paths and methods come from the route table, so the document lists exactly the calls
the mock serves and nothing else. What a template cannot say (query, form and body
parameters, the request models) comes from ``_official_operations.json``, extracted
from the official client by ``docs/gen_openapi.py``; a test keeps it current. The
document is what the hostile-input tests generate their requests from.
"""

from __future__ import annotations

import copy
import json
import re
from functools import cache
from importlib import resources
from typing import Any

from ._routes import API_ROUTES

JSON = dict[str, Any]

_PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>")
_REF = re.compile(r'"#/components/schemas/(\w+)"')
# Parts of the official API that the mock answers 501 (docs/mock.md, "What it does
# not"): left out, so the document never promises a call the mock refuses to serve.
_UNSERVED_QUERY = frozenset({"learningStandard", "singleSco"})
_UNSERVED_PROPERTIES = {
    "ImportRequestSchema": ("mediaFileReferenceRequest", "connectorReferenceRequest"),
}
_ERROR_RESPONSE = {
    "description": "Refused: {'message': ...}, or {'error': ...} for a 401",
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/MockError"}}
    },
}
_RESPONSES = {
    "2XX": {"description": "Success"},
    "4XX": _ERROR_RESPONSE,
}
_ERROR_SCHEMA = {
    "type": "object",
    "properties": {"message": {"type": "string"}, "error": {"type": "string"}},
}


def openapi_document() -> JSON:
    """A fresh copy, so a caller may change it without touching the cached one."""
    return copy.deepcopy(_build())


@cache
def _build() -> JSON:
    source = resources.files(__package__).joinpath("_official_operations.json")
    official = json.loads(source.read_text(encoding="utf-8"))
    operations: dict[str, JSON] = official["operations"]

    paths: dict[str, dict[str, JSON]] = {}
    for rule in API_ROUTES.iter_rules():
        template = _PLACEHOLDER.sub(lambda m: "{" + _camel(m.group(1)) + "}", rule.rule)
        for method in sorted(rule.methods or ()):
            facts = operations.get(f"{method} {template}")
            # werkzeug answers HEAD on every GET rule; list only the API's own HEADs.
            if method == "HEAD" and facts is None:
                continue
            handler = getattr(rule.endpoint, "__name__", str(rule.endpoint))
            operation = _operation(template, facts or {"operationId": _camel(handler)})
            paths.setdefault(template, {})[method.lower()] = operation

    schemas = _reachable(_served_schemas(official["schemas"]), paths)
    schemas["MockError"] = _ERROR_SCHEMA
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "scormcloud_mock: the SCORM Cloud REST API v2 calls it serves",
            "version": "2.0",
        },
        "servers": [{"url": "/api/v2"}],
        "security": [{"APP_NORMAL": []}, {"OAUTH": []}],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(sorted(schemas.items())),
            "securitySchemes": {
                "APP_NORMAL": {"type": "http", "scheme": "basic"},
                "OAUTH": {"type": "http", "scheme": "bearer"},
            },
        },
    }


def _operation(template: str, facts: JSON) -> JSON:
    path_types = {p["name"]: p["schema"] for p in facts.get("path", [])}
    parameters = [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": path_types.get(name, {"type": "string"}),
        }
        for name in re.findall(r"\{(\w+)\}", template)
    ]
    parameters += [
        {"in": "query", **p}
        for p in facts.get("query", [])
        if p["name"] not in _UNSERVED_QUERY
    ]
    operation: JSON = {
        "operationId": facts["operationId"],
        "parameters": parameters,
        "responses": _RESPONSES,
    }
    body = _request_body(facts)
    if body is not None:
        operation["requestBody"] = body
    return operation


def _request_body(facts: JSON) -> JSON | None:
    if facts.get("body"):
        content = {"application/json": {"schema": facts["body"]}}
        return {"required": True, "content": content}
    form = facts.get("form") or []
    if not form:
        return None
    # A form that carries a file is multipart; the token form is URL-encoded.
    binary = any(p["schema"].get("format") == "binary" for p in form)
    media = "multipart/form-data" if binary else "application/x-www-form-urlencoded"
    schema: JSON = {
        "type": "object",
        "properties": {p["name"]: p["schema"] for p in form},
    }
    required = [p["name"] for p in form if p["required"]]
    if required:
        schema["required"] = required
    return {"required": True, "content": {media: {"schema": schema}}}


def _served_schemas(schemas: dict[str, JSON]) -> dict[str, JSON]:
    served = copy.deepcopy(schemas)
    for name, properties in _UNSERVED_PROPERTIES.items():
        for property_name in properties:
            served[name]["properties"].pop(property_name, None)
    return served


def _reachable(schemas: dict[str, JSON], paths: JSON) -> dict[str, JSON]:
    """Only the models the listed operations refer to, directly or through others."""
    found: dict[str, JSON] = {}
    pending = _REF.findall(json.dumps(paths))
    while pending:
        name = pending.pop()
        if name not in found and name in schemas:
            found[name] = schemas[name]
            pending += _REF.findall(json.dumps(schemas[name]))
    return found


def _camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)
