"""The mock's public surface, pinned: a change here is an API change."""

from __future__ import annotations

import scormcloud_mock


def test_the_public_names_are_pinned() -> None:
    assert scormcloud_mock.__all__ == [
        "DEFAULT_BASE_URL",
        "Clock",
        "Fault",
        "MockScormCloud",
        "MockServer",
        "MockTransport",
        "PersistenceError",
        "UploadedFile",
        "decode_multipart",
    ]


def test_every_public_name_resolves() -> None:
    # The package imports its names lazily; each must still be there.
    for name in scormcloud_mock.__all__:
        assert getattr(scormcloud_mock, name) is not None
    assert set(scormcloud_mock.__all__) <= set(dir(scormcloud_mock))
