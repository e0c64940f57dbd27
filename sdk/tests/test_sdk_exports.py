"""The public surface: what `import scormcloud` offers, pinned."""

from __future__ import annotations

import types as python_types

import pytest

import scormcloud
import scormcloud.resources
import scormcloud.types


@pytest.mark.parametrize(
    "module", [scormcloud, scormcloud.types, scormcloud.resources], ids=repr
)
def test_all_is_sorted_and_lists_every_public_name(
    module: python_types.ModuleType,
) -> None:
    public = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, python_types.ModuleType)
    }

    assert module.__all__ == sorted(module.__all__)
    assert set(module.__all__) == public
