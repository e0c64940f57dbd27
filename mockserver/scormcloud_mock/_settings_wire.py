"""Configuration settings as SCORM Cloud's JSON (``SettingListSchema``)."""

from __future__ import annotations

from typing import Any

from ._configuration import EffectiveSetting
from ._settings import SETTINGS

JSON = dict[str, Any]


def setting_list(settings: list[EffectiveSetting], *, include_metadata: bool) -> JSON:
    """``SettingListSchema``: the effective value of every known setting."""
    items = [_setting_item(setting, include_metadata) for setting in settings]
    return {"settingItems": items}


def _setting_item(setting: EffectiveSetting, include_metadata: bool) -> JSON:
    item: JSON = {
        "id": setting.setting_id,
        "effectiveValue": setting.value,
        "effectiveValueSource": setting.source,
    }
    if setting.explicit_value is not None:
        item["explicitValue"] = setting.explicit_value
    if include_metadata:
        definition = SETTINGS[setting.setting_id]
        item["metadata"] = {
            "default": definition.default,
            "dataType": definition.data_type,
            "settingDescription": definition.description,
            "level": definition.level,
            "validValues": [
                {"value": value, "valueDescription": text}
                for value, text in definition.valid_values
            ],
        }
    return item
