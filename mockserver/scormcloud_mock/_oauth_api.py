"""Handlers for the two token endpoints; both take HTTP basic credentials."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from werkzeug.routing import Rule
from werkzeug.wrappers import Response

from ._errors import BadRequestError
from ._http import Call, json_object, json_response, parse_int, route

DEFAULT_EXPIRATION_SECONDS = 300


def create_token(call: Call) -> Response:
    """``POST /appManagement/token``: scopes and an absolute expiry, as JSON."""
    body = json_object(call.json_body(), "body")
    permissions = json_object(body.get("permissions"), "body.permissions")
    scopes = permissions.get("scopes")
    if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
        raise BadRequestError("body.permissions.scopes must be a list of strings")

    expiry = body.get("expiry")
    if not isinstance(expiry, str):
        raise BadRequestError("body.expiry is required (an ISO 8601 date and time)")
    try:
        expires = datetime.fromisoformat(expiry.replace("Z", "+00:00"))
    except ValueError:
        raise BadRequestError(f"'{expiry}' is not an ISO 8601 date and time") from None
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=timezone.utc)
    try:
        # An offset can carry the first or last day past year 1 or 9999 in UTC; such
        # a token could never be read back, so it is refused here.
        expires = expires.astimezone(timezone.utc)
    except OverflowError:
        raise BadRequestError(
            f"'{expiry}' is outside the dates a token can carry"
        ) from None

    token = call.backend.tokens.issue(_app_id(call), frozenset(scopes), expires)
    return json_response({"result": token})


def get_app_token(call: Call) -> Response:
    """``POST /oauth/authenticate/application/token``: a form with ``scope``."""
    scope = call.request.form.get("scope", "")
    scopes = frozenset(scope.split())
    if not scopes:
        raise BadRequestError("Required form field 'scope' is missing")
    seconds = parse_int(
        call.request.form.get("expiration", str(DEFAULT_EXPIRATION_SECONDS)),
        "expiration",
    )
    if seconds <= 0:
        raise BadRequestError("expiration must be a positive number of seconds")

    expires = call.backend.clock.now() + timedelta(seconds=seconds)
    token = call.backend.tokens.issue(_app_id(call), scopes, expires)
    return json_response(
        {"access_token": token, "expires_in": seconds, "token_type": "Bearer"}
    )


def _app_id(call: Call) -> str:
    auth = call.request.authorization
    return (auth.username if auth else None) or ""


ROUTES: list[Rule] = [
    route("POST", "/appManagement/token", create_token),
    route("POST", "/oauth/authenticate/application/token", get_app_token),
]
