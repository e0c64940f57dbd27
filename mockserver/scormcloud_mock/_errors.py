"""Errors the mock answers with, in SCORM Cloud's wire shape.

Every failure inside the mock is raised as a :class:`MockError` carrying the HTTP status
and the message SCORM Cloud would send; the WSGI layer turns it into the response body.

    MockError
    ├── BadRequestError           400 {"message": ...}
    ├── AuthorizationRequiredError 401 {"error": "Authorization Required."}
    ├── NotFoundError             404 {"message": ...}
    ├── GoneError                 410 (expired launch links)
    ├── PayloadTooLargeError      413 {"message": ...}
    └── NotImplementedByMockError 501 {"message": "... not implemented by mock"}
"""

from __future__ import annotations

from typing import Any


class MockError(Exception):
    """A failure that SCORM Cloud reports with ``status`` and ``{"message": ...}``."""

    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"message": self.message}


class BadRequestError(MockError):
    status = 400


class AuthorizationRequiredError(MockError):
    """Missing or wrong credentials; the only error whose body uses ``error``."""

    status = 401

    def __init__(self) -> None:
        super().__init__("Authorization Required.")

    def body(self) -> dict[str, Any]:
        return {"error": self.message}


class NotFoundError(MockError):
    status = 404


class GoneError(MockError):
    status = 410


class PayloadTooLargeError(MockError):
    status = 413


class NotImplementedByMockError(MockError):
    status = 501

    def __init__(self, method: str, path: str) -> None:
        super().__init__(f"{method} {path} is not implemented by mock")
