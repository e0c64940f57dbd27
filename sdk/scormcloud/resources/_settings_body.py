"""The JSON a settings POST sends (``SettingsPostSchema``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def settings_post(settings: Mapping[str, str]) -> dict[str, Any]:
    """`{setting_id: value}` as the service's list of `settingId`/`value` pairs."""
    return {
        "settings": [
            {"settingId": setting_id, "value": str(value)}
            for setting_id, value in settings.items()
        ]
    }


def include_metadata_param(include_metadata: bool) -> dict[str, str]:
    return {"includeMetadata": "true"} if include_metadata else {}
