"""The public surface: what `import scormcloud` offers, pinned."""

from __future__ import annotations

import types as python_types
from pathlib import Path

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


def test_the_public_names_are_pinned() -> None:
    # A change here is a change to the public API: review it as one.
    assert scormcloud.__all__ == [
        "APIConnectionError",
        "APIResponseValidationError",
        "APIStatusError",
        "APITimeoutError",
        "ActivityResult",
        "AsyncPaginator",
        "AsyncScormCloud",
        "AuthenticationError",
        "BadRequestError",
        "ConflictError",
        "Course",
        "CourseActivity",
        "CourseAlreadyExistsError",
        "CoursePage",
        "CourseReference",
        "ImportFailedError",
        "ImportJob",
        "ImportResult",
        "ImportTimeoutError",
        "InternalServerError",
        "LaunchHistory",
        "Learner",
        "Metadata",
        "MissingCredentialsError",
        "NotFoundError",
        "NotImplementedByServerError",
        "Page",
        "Paginator",
        "PermissionDeniedError",
        "PostBack",
        "RESTART_SETTING_ID",
        "RateLimitError",
        "Registration",
        "RegistrationPage",
        "RepeatedPageTokenError",
        "RestartPolicy",
        "RetryPolicy",
        "Score",
        "ScormCloud",
        "ScormCloudError",
        "SettingItem",
        "SettingList",
        "SettingMetadata",
    ]


def test_py_typed_ships_with_both_packages() -> None:
    import scormcloud_mock

    for package in (scormcloud, scormcloud_mock):
        assert (Path(package.__file__).parent / "py.typed").is_file()
