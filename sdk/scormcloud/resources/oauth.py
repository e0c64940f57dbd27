"""OAuth tokens: `client.oauth`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from .._models import Model, parse_response
from ..types.oauth import AppToken

if TYPE_CHECKING:
    from .._client import ScormCloud


class _StringResult(Model):
    result: str


class OAuth:
    """Tokens that grant some scopes without sharing the secret key."""

    def __init__(self, client: ScormCloud) -> None:
        self._client = client

    def create_token(
        self,
        scopes: Sequence[str],
        *,
        expiry: datetime,
        application_name: str | None = None,
    ) -> str:
        """Create a token with `scopes` that is valid until `expiry`.

        A token cannot be revoked, so keep `expiry` near.

        Args:
            scopes: For example ``["read:course", "write:registration"]``.
            expiry: When the token stops working (a naive time is taken as UTC).
            application_name: Restrict the token to this application.
        """
        if expiry.tzinfo is None:
            expiry = expiry.replace(tzinfo=timezone.utc)
        permissions: dict[str, object] = {"scopes": list(scopes)}
        if application_name is not None:
            permissions["applicationName"] = application_name
        body = {"permissions": permissions, "expiry": expiry.isoformat()}
        response = self._client._request("POST", "/appManagement/token", json=body)
        return parse_response(_StringResult, response).result

    def get_app_token(
        self, scopes: Sequence[str], *, expiration: int = 300
    ) -> AppToken:
        """Get a token with `scopes` that lives `expiration` seconds."""
        form = {"scope": " ".join(scopes), "expiration": str(expiration)}
        response = self._client._request(
            "POST", "/oauth/authenticate/application/token", data=form
        )
        return parse_response(AppToken, response)
