"""The API's resources, reached as attributes of a client (`client.courses`)."""

from .application import Application, ApplicationConfiguration
from .course_assets import CourseAssets
from .course_configuration import CourseConfiguration
from .course_tags import CourseTags
from .course_versions import CourseVersions
from .courses import Courses
from .oauth import OAuth
from .registration_configuration import RegistrationConfiguration
from .registration_instances import RegistrationInstances
from .registration_tags import RegistrationTags
from .registrations import Registrations

__all__ = [
    "Application",
    "ApplicationConfiguration",
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
