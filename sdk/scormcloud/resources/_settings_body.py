"""The settings calls shared by the application, courses and registrations.

Every level reads settings with GET, writes them with a ``SettingsPostSchema``
POST and clears one with DELETE on ``<level path>/{setting_id}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._base_client import build_path
from .._resource import Call, no_content, returns
from ..types.settings import SettingList


def settings_post(settings: Mapping[str, str]) -> dict[str, Any]:
    """`{setting_id: value}` as the service's list of `settingId`/`value` pairs."""
    return {
        "settings": [
            {"settingId": setting_id, "value": str(value)}
            for setting_id, value in settings.items()
        ]
    }


def get_settings(path: str, include_metadata: bool) -> Call[SettingList]:
    params = {"includeMetadata": "true"} if include_metadata else {}
    return Call("GET", path, returns(SettingList), params=params)


def set_settings(path: str, settings: Mapping[str, str]) -> Call[None]:
    return Call("POST", path, no_content, json=settings_post(settings))


def delete_setting(path: str, setting_id: str) -> Call[None]:
    path += build_path("/{setting_id}", setting_id=setting_id)
    return Call("DELETE", path, no_content)
