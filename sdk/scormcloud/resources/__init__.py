"""The API's resources, reached as attributes of a client (`client.courses`).

Each sync resource has an async twin (`Courses`, `AsyncCourses`) with the same
method names, used by `AsyncScormCloud`.
"""

from .application import (
    Application,
    ApplicationConfiguration,
    AsyncApplication,
    AsyncApplicationConfiguration,
)
from .course_assets import AsyncCourseAssets, CourseAssets
from .course_configuration import AsyncCourseConfiguration, CourseConfiguration
from .course_tags import AsyncCourseTags, CourseTags
from .course_versions import AsyncCourseVersions, CourseVersions
from .courses import AsyncCourses, Courses
from .oauth import AsyncOAuth, OAuth
from .registration_configuration import (
    AsyncRegistrationConfiguration,
    RegistrationConfiguration,
)
from .registration_instances import AsyncRegistrationInstances, RegistrationInstances
from .registration_tags import AsyncRegistrationTags, RegistrationTags
from .registrations import AsyncRegistrations, Registrations

__all__ = [
    "Application",
    "ApplicationConfiguration",
    "AsyncApplication",
    "AsyncApplicationConfiguration",
    "AsyncCourseAssets",
    "AsyncCourseConfiguration",
    "AsyncCourseTags",
    "AsyncCourseVersions",
    "AsyncCourses",
    "AsyncOAuth",
    "AsyncRegistrationConfiguration",
    "AsyncRegistrationInstances",
    "AsyncRegistrationTags",
    "AsyncRegistrations",
    "CourseAssets",
    "CourseConfiguration",
    "CourseTags",
    "CourseVersions",
    "Courses",
    "OAuth",
    "RegistrationConfiguration",
    "RegistrationInstances",
    "RegistrationTags",
    "Registrations",
]
