"""Models of the JSON the service sends and accepts."""

from .asset import AssetFile, FileListItem, SparseZipResult, UpdateAssetPolicy
from .course import (
    ActivityType,
    Course,
    CourseActivity,
    CoursePage,
    CourseReference,
    LearningStandard,
    Metadata,
)
from .import_job import ImportJob, ImportJobStatus, ImportResult
from .oauth import AppToken
from .registration import (
    ActivityResult,
    CompletionAmount,
    CompletionStatus,
    LaunchHistory,
    Learner,
    PostBack,
    Registration,
    RegistrationPage,
    Score,
    SuccessStatus,
)
from .settings import (
    RESTART_SETTING_ID,
    LearningStandardVariant,
    RestartPolicy,
    SettingItem,
    SettingList,
    SettingMetadata,
    SettingValidValue,
    SettingValueSource,
)

__all__ = [
    "ActivityResult",
    "ActivityType",
    "AppToken",
    "AssetFile",
    "CompletionAmount",
    "CompletionStatus",
    "Course",
    "CourseActivity",
    "CoursePage",
    "CourseReference",
    "FileListItem",
    "ImportJob",
    "ImportJobStatus",
    "ImportResult",
    "LaunchHistory",
    "Learner",
    "LearningStandard",
    "LearningStandardVariant",
    "Metadata",
    "PostBack",
    "RESTART_SETTING_ID",
    "Registration",
    "RegistrationPage",
    "RestartPolicy",
    "Score",
    "SettingItem",
    "SettingList",
    "SettingMetadata",
    "SettingValidValue",
    "SettingValueSource",
    "SparseZipResult",
    "SuccessStatus",
    "UpdateAssetPolicy",
]
