"""Reading a ``SettingsPostSchema`` body: ``{"settings": [{"settingId", "value"}]}``."""

from __future__ import annotations

from typing import Any

from ._errors import BadRequestError
from ._http import json_object


def settings_body(value: Any, where: str = "body") -> list[tuple[str, object]]:
    """The settings of a ``SettingsPostSchema`` as (setting id, value) pairs."""
    body = json_object(value, where)
    entries = body.get("settings")
    if not isinstance(entries, list):
        raise BadRequestError(f"{where}.settings is required and must be a list")

    settings: list[tuple[str, object]] = []
    for entry in entries:
        entry = json_object(entry, f"{where}.settings[]")
        setting_id = entry.get("settingId")
        if not isinstance(setting_id, str) or not setting_id:
            raise BadRequestError(
                f"{where}.settings[].settingId must be a non-empty string"
            )
        settings.append((setting_id, entry.get("value")))
    return settings
