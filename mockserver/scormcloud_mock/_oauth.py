"""OAuth bearer tokens: issued by the mock, checked on every API call.

A token is self-contained and signed, like SCORM Cloud's ("the requested permissions
are encoded in the token which is then signed"): nothing is stored, so a token cannot
be revoked, only expire. The signing key is random per mock (and kept in its data
directory, if it has one).

Scopes: ``read``, ``write`` and ``admin`` are broad; ``read:course``,
``write:registration``, ``delete:course`` and the like name one resource. A call needs
the action its method implies on the resource its path names.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime

from ._errors import AuthorizationRequiredError, MockError

_ACTIONS = {"GET": "read", "HEAD": "read", "POST": "write", "PUT": "write"}
_RESOURCES = {
    "courses": "course",
    "registrations": "registration",
    "appManagement": "application",
    "learner": "learner",
}


class ForbiddenError(MockError):
    status = 403


@dataclass(frozen=True)
class Grant:
    """What a valid token allows: its application, scopes and expiry."""

    app_id: str
    scopes: frozenset[str]
    expires: datetime

    def allows(self, method: str, api_path: str) -> bool:
        action = _ACTIONS.get(method, "delete")
        resource = _resource(api_path)
        wanted = {"admin", f"{action}:{resource}"}
        # The broad "write" scope covers deleting as well as writing.
        wanted.add("write" if action == "delete" else action)
        return bool(self.scopes & wanted)


class TokenIssuer:
    """Signs and verifies tokens with a key only this mock knows."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    @property
    def key(self) -> bytes:
        return self._key

    def issue(self, app_id: str, scopes: frozenset[str], expires: datetime) -> str:
        claims = {"app": app_id, "scopes": sorted(scopes), "exp": expires.timestamp()}
        payload = _encode(json.dumps(claims, separators=(",", ":")).encode())
        return f"{payload}.{self._sign(payload)}"

    def verify(self, token: str, now: datetime) -> Grant:
        """The grant of a genuine, unexpired token; 401 otherwise."""
        payload, _, signature = token.partition(".")
        expected = self._sign(payload)
        if not hmac.compare_digest(signature.encode(), expected.encode()):
            raise AuthorizationRequiredError()
        claims = json.loads(_decode(payload))
        grant = Grant(
            app_id=claims["app"],
            scopes=frozenset(claims["scopes"]),
            expires=datetime.fromtimestamp(claims["exp"], tz=now.tzinfo),
        )
        if now >= grant.expires:
            raise AuthorizationRequiredError()
        return grant

    def check(self, grant: Grant, method: str, api_path: str) -> None:
        if not grant.allows(method, api_path):
            raise ForbiddenError(f"The token's scopes do not allow {method} {api_path}")

    def _sign(self, payload: str) -> str:
        digest = hmac.new(self._key, payload.encode(), hashlib.sha256).digest()
        return _encode(digest)


def _resource(api_path: str) -> str:
    first = api_path.strip("/").split("/", 1)[0]
    return _RESOURCES.get(first, first)


def _encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
