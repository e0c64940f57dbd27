"""Typed client for the SCORM Cloud REST API v2.

Example:

    from scormcloud import ScormCloud

    # Credentials come from SCORMCLOUD_APP_ID and SCORMCLOUD_SECRET_KEY.
    with ScormCloud() as client:
        course = client.courses.import_and_wait("golf", "golf.zip")

    # The same calls, awaited:
    async with AsyncScormCloud() as client:
        course = await client.courses.import_and_wait("golf", "golf.zip")
"""

from ._async_client import AsyncScormCloud
from ._client import ScormCloud
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    CourseAlreadyExistsError,
    ImportFailedError,
    ImportTimeoutError,
    InternalServerError,
    MissingCredentialsError,
    NotFoundError,
    NotImplementedByServerError,
    PermissionDeniedError,
    RateLimitError,
    RepeatedPageTokenError,
    ScormCloudError,
)
from ._retries import RetryPolicy
from ._version import __version__ as __version__
from .pagination import AsyncPaginator, Page, Paginator
from .types import (
    RESTART_SETTING_ID,
    ActivityResult,
    Course,
    CourseActivity,
    CoursePage,
    CourseReference,
    ImportJob,
    ImportResult,
    LaunchHistory,
    Learner,
    Metadata,
    PostBack,
    Registration,
    RegistrationPage,
    RestartPolicy,
    Score,
    SettingItem,
    SettingList,
    SettingMetadata,
)

__all__ = [
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
