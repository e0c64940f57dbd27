"""OAuth tokens: `client.oauth`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from .._models import Model, parse_response
from .._resource import AsyncAPIResource, Call, SyncAPIResource, copy_doc, returns
from ..types.oauth import AppToken


class _StringResult(Model):
    result: str


class OAuth(SyncAPIResource):
    """Tokens that grant some scopes without sharing the secret key."""

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
        return self._client._call(_create_token(scopes, expiry, application_name))

    def get_app_token(
        self, scopes: Sequence[str], *, expiration: int = 300
    ) -> AppToken:
        """Get a token with `scopes` that lives `expiration` seconds."""
        return self._client._call(_get_app_token(scopes, expiration))


class AsyncOAuth(AsyncAPIResource):
    """OAuth tokens, for the async client."""

    @copy_doc(OAuth.create_token)
    async def create_token(
        self,
        scopes: Sequence[str],
        *,
        expiry: datetime,
        application_name: str | None = None,
    ) -> str:
        call = _create_token(scopes, expiry, application_name)
        return await self._client._call(call)

    @copy_doc(OAuth.get_app_token)
    async def get_app_token(
        self, scopes: Sequence[str], *, expiration: int = 300
    ) -> AppToken:
        return await self._client._call(_get_app_token(scopes, expiration))


def _create_token(
    scopes: Sequence[str], expiry: datetime, application_name: str | None
) -> Call[str]:
    if expiry.tzinfo is None:
        expiry = expiry.replace(tzinfo=timezone.utc)
    permissions: dict[str, object] = {"scopes": list(scopes)}
    if application_name is not None:
        permissions["applicationName"] = application_name
    body = {"permissions": permissions, "expiry": expiry.isoformat()}
    return Call(
        "POST",
        "/appManagement/token",
        lambda response: parse_response(_StringResult, response).result,
        json=body,
    )


def _get_app_token(scopes: Sequence[str], expiration: int) -> Call[AppToken]:
    form = {"scope": " ".join(scopes), "expiration": str(expiration)}
    return Call(
        "POST",
        "/oauth/authenticate/application/token",
        returns(AppToken),
        data=form,
    )
