"""OAuth token responses."""

from __future__ import annotations

from .._models import Model

__all__ = ["AppToken"]


class AppToken(Model):
    """``ApplicationToken``: a bearer token and how long it lives."""

    access_token: str
    expires_in: int | None = None
    token_type: str | None = None
