"""Reading requests the way SCORM Cloud's Java service does, and writing responses.

Every problem with a request becomes a 400 with a message naming the parameter, never
a 500.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from werkzeug.routing import Rule
from werkzeug.wrappers import Request, Response

from ._backend import Backend
from ._errors import BadRequestError, PayloadTooLargeError
from ._values import shorten

_INTEGER = re.compile(r"-?[0-9]{1,10}")

#: JSON bodies of this API are small; anything larger is refused before parsing.
MAX_JSON_BYTES = 1024 * 1024


@dataclass(frozen=True)
class Call:
    """One API request as the handlers see it."""

    request: Request
    backend: Backend
    #: Any path prefix in front of ``/api/v2``; None where there is no site root.
    prefix: str | None = None

    @property
    def site_root(self) -> str:
        """Scheme, host and any path prefix in front of ``/api/v2``, as sent."""
        # Built on demand: few handlers need it, and werkzeug's host_url is not cheap.
        if self.prefix is None:
            return ""
        return self.request.host_url.rstrip("/") + self.prefix

    def query_bool(self, name: str) -> bool:
        # Java's Boolean.parseBoolean: "true" in any letter case, anything else false.
        return self.request.args.get(name, "").lower() == "true"

    def query_str(self, name: str, *, required: bool = False) -> str | None:
        value = self.request.args.get(name)
        if required and not value:
            raise BadRequestError(f"Required query parameter '{name}' is missing")
        return value

    def query_int(self, name: str) -> int | None:
        value = self.request.args.get(name)
        return None if value is None else parse_int(value, name)

    def json_body(self) -> Any:
        length = self.request.content_length
        if length is not None and length > MAX_JSON_BYTES:
            raise PayloadTooLargeError("Request body is too large")
        raw = self.request.get_data(cache=False)
        if len(raw) > MAX_JSON_BYTES:
            raise PayloadTooLargeError("Request body is too large")
        try:
            return json.loads(raw, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as error:
            # ValueError covers bad UTF-8, bad syntax, NaN/Infinity and huge integers.
            reason = shorten(str(error) or type(error).__name__)
            raise BadRequestError(f"Request body is not valid JSON: {reason}") from None


def route(method: str, template: str, handler: object) -> Rule:
    """One row of the route table: a method and path template (under ``/api/v2``)."""
    return Rule(template, methods=[method], endpoint=handler)


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")


def no_content() -> Response:
    return Response(status=204)


def parse_int(value: str, name: str) -> int:
    # Java's parser takes an optional minus and plain digits that fit in an int.
    if not _INTEGER.fullmatch(value) or not -(2**31) <= int(value) < 2**31:
        raise BadRequestError(f"'{shorten(value)}' is not a valid integer for {name}")
    return int(value)


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def json_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadRequestError(f"{where} must be a JSON object")
    return value


def required_str(body: dict[str, Any], key: str, where: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise BadRequestError(
            f"{where}.{key} is required and must be a non-empty string"
        )
    return value


def optional_str(body: dict[str, Any], key: str, where: str) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise BadRequestError(f"{where}.{key} must be a string")
    return value


def optional_number(body: dict[str, Any], key: str, where: str) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise BadRequestError(f"{where}.{key} must be a number")
    return float(value)


def optional_enum(
    body: dict[str, Any], key: str, where: str, allowed: frozenset[str]
) -> str | None:
    value = optional_str(body, key, where)
    if value is None:
        return None
    # The service's enums are upper case; accept any case the way its parser does.
    if value.upper() not in allowed:
        choices = ", ".join(sorted(allowed))
        raise BadRequestError(f"'{value}' is not a valid {where}.{key} ({choices})")
    return value.upper()
