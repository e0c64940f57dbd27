"""Writes mockserver/scormcloud_mock/_official_operations.json: the query, form and
body parameters of every call the mock serves, as the official client declares them.

The mock's OpenAPI document (``GET /__mock__/openapi.json``) takes its paths and
methods from the mock's own route table and only these parameter facts from here, so
the official client (a dev dependency) is not needed at run time. Run after adding
routes; a test fails when the file is out of date:

    .venv/bin/python docs/gen_openapi.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import rustici_software_cloud_v2.api as official_api
import rustici_software_cloud_v2.models as official_models
from werkzeug.exceptions import MethodNotAllowed, NotFound

from scormcloud_mock._routes import API_ROUTES

OUTPUT = (
    Path(__file__).resolve().parents[1]
    / "mockserver"
    / "scormcloud_mock"
    / "_official_operations.json"
)
MODULES = (
    "application_management_api.py",
    "authentication_api.py",
    "course_api.py",
    "ping_api.py",
    "registration_api.py",
)
_METHOD = re.compile(r"    def (\w+)_with_http_info\(.*?(?=\n    def |\Z)", re.DOTALL)
_CALL = re.compile(r"call_api\(\s*'([^']+)', '([A-Z]+)'")
_PARAM_DOC = re.compile(r":param (\S+) (\w+):(.*)")
_QUERY = re.compile(r"query_params\.append\(\('(\w+)', params\['(\w+)'\]\)\)")
_FORM = re.compile(r"form_params\.append\(\('(\w+)', params\['(\w+)'\]\)\)")
_FILE = re.compile(r"local_var_files\['(\w+)'\] = params\['(\w+)'\]")
_PATH = re.compile(r"path_params\['(\w+)'\] = params\['(\w+)'\]")
_BODY = re.compile(r"body_params = params\['(\w+)'\]")
_SETTER = re.compile(
    r"    @(\w+)\.setter\n(.*?)(?=\n    @|\n    def to_dict)", re.DOTALL
)
_ALLOWED = re.compile(r"allowed_values = (\[.*?\])")
_SCALARS: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "datetime": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "object": {},
    "file": {"type": "string", "format": "binary"},
}
# Sample values for path parameters, so templates can be matched as real paths.
_SAMPLES = {"versionId": "0", "instanceId": "0"}


def served(method: str, template: str) -> bool:
    path = re.sub(r"\{(\w+)\}", lambda m: _SAMPLES.get(m.group(1), "sample"), template)
    try:
        API_ROUTES.bind("mock").match(path, method)
    except (NotFound, MethodNotAllowed):
        return False
    return True


def operation(name: str, block: str, schemas: dict[str, Any]) -> dict[str, Any]:
    docs = {m[1]: (m[0], "(required)" in m[2]) for m in _PARAM_DOC.findall(block)}

    def parameter(wire: str, python: str) -> dict[str, Any]:
        kind, required = docs.get(python, ("str", False))
        return {"name": wire, "required": required, "schema": schema(kind, schemas)}

    body = _BODY.search(block)
    return {
        "operationId": re.sub(r"_(\w)", lambda m: m.group(1).upper(), name),
        "path": [parameter(*m) for m in _PATH.findall(block)],
        "query": [parameter(*m) for m in _QUERY.findall(block)],
        "form": [parameter(*m) for m in _FORM.findall(block) + _FILE.findall(block)],
        "body": schema(docs[body.group(1)][0], schemas) if body else None,
    }


def schema(kind: str, schemas: dict[str, Any]) -> dict[str, Any]:
    """A JSON schema for a swagger-codegen type name; models land in ``schemas``."""
    if kind in _SCALARS:
        return dict(_SCALARS[kind])
    if kind.startswith("list["):
        return {"type": "array", "items": schema(kind[5:-1], schemas)}
    if kind.startswith("dict("):
        value = kind[5:-1].split(", ", 1)[1]
        return {"type": "object", "additionalProperties": schema(value, schemas)}
    if kind not in schemas:
        schemas[kind] = {}  # a placeholder first: models refer to each other
        schemas[kind] = model(kind, schemas)
    return {"$ref": f"#/components/schemas/{kind}"}


def model(name: str, schemas: dict[str, Any]) -> dict[str, Any]:
    cls = getattr(official_models, name)
    if not cls.swagger_types:
        # An enum model: its values are the class's upper-case constants.
        values = [v for k, v in vars(cls).items() if k.isupper() and isinstance(v, str)]
        return {"type": "string", "enum": values}
    source = Path(__import__(cls.__module__, fromlist=["_"]).__file__).read_text()
    setters = dict(_SETTER.findall(source))
    properties: dict[str, Any] = {}
    required = []
    for attribute, kind in cls.swagger_types.items():
        wire = cls.attribute_map[attribute]
        properties[wire] = schema(kind, schemas)
        setter = setters.get(attribute, "")
        allowed = _ALLOWED.search(setter)
        if allowed:
            properties[wire] = {"type": "string", "enum": json.loads(allowed.group(1))}
        if "must not be `None`" in setter:
            required.append(wire)
    body: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        body["required"] = required
    return body


def render() -> str:
    operations: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for module_file in MODULES:
        source = (Path(official_api.__file__).parent / module_file).read_text()
        for found in _METHOD.finditer(source):
            path, method = _CALL.search(found.group(0)).groups()  # type: ignore[union-attr]
            if served(method, path):
                key = f"{method} {path}"
                operations[key] = operation(found.group(1), found.group(0), schemas)
    document = {
        "operations": dict(sorted(operations.items())),
        "schemas": dict(sorted(schemas.items())),
    }
    return json.dumps(document, indent=1, sort_keys=False) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(render())
    print(f"wrote {OUTPUT}")
