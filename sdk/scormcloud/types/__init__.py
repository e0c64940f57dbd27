"""Models of the JSON the service sends and accepts."""

from .course import (
    ActivityType,
    Course,
    CourseActivity,
    CourseReference,
    LearningStandard,
    Metadata,
)
from .import_job import ImportJob, ImportJobStatus, ImportResult
from .registration import (
    ActivityResult,
    CompletionAmount,
    CompletionStatus,
    Learner,
    Registration,
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
    "CompletionAmount",
    "CompletionStatus",
    "Course",
    "CourseActivity",
    "CourseReference",
    "ImportJob",
    "ImportJobStatus",
    "ImportResult",
    "Learner",
    "LearningStandard",
    "LearningStandardVariant",
    "Metadata",
    "RESTART_SETTING_ID",
    "Registration",
    "RestartPolicy",
    "Score",
    "SettingItem",
    "SettingList",
    "SettingMetadata",
    "SettingValidValue",
    "SettingValueSource",
    "SuccessStatus",
]
