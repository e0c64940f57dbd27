"""The API's resources, reached as attributes of a client (`client.courses`)."""

from .courses import CourseConfiguration, Courses, CourseVersions
from .registrations import RegistrationInstances, Registrations

__all__ = [
    "CourseConfiguration",
    "CourseVersions",
    "Courses",
    "RegistrationInstances",
    "Registrations",
]
