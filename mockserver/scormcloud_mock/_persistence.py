"""Write-through persistence of the mock's state, for ``serve --data-dir``.

With a data directory the stores keep their records in :class:`JournaledTable`
mappings instead of dicts, and the backend's lock is a :class:`CommitLock`. Every
change made while the lock is held belongs to one transaction: when the outermost
holder releases the lock, the changed records are appended to ``journal`` as one
checksummed entry and fsynced. A change is therefore on disk before any response
that reports it is sent, and a crash never leaves half a transaction behind.

At start ``snapshot`` is read and the journal replayed up to its first torn entry
(the write a crash interrupted, which nobody was told about); then a new snapshot
is written and the journal emptied. The same compaction runs while serving once
the journal outgrows the snapshot.

Records are pickled: the directory holds the mock's own trusted state, never input
from a client, and the frozen dataclasses of ``_records`` pickle as they are.
"""

from __future__ import annotations

import logging
import os
import pickle
import struct
import sys
import threading
import weakref
import zlib
from collections.abc import (
    Callable,
    Hashable,
    Iterator,
    KeysView,
    MutableMapping,
    ValuesView,
)
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

logger = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
State = dict[str, dict[Any, Any]]

#: Bump when records change shape; an older directory is then refused, not misread.
FORMAT = 1
_HEADER = struct.Struct("<II")  # payload length, CRC-32 of the payload
_DELETED = object()
#: The journal is folded into the snapshot once it is this much larger than it.
_COMPACT_FACTOR = 4
_COMPACT_MIN_BYTES = 8 << 20
# fdatasync skips the metadata an append does not need; macOS lacks it.
_sync_data = getattr(os, "fdatasync", os.fsync)


class PersistenceError(Exception):
    """The data directory cannot be used; the message says why."""


class JournaledTable(MutableMapping[K, V], Generic[K, V]):
    """A dict whose changes the journal records; writes take the backend's lock."""

    def __init__(self, name: str, data: dict[K, V], journal: Journal) -> None:
        self._name = name
        self._data = data
        self._journal = journal

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __setitem__(self, key: K, value: V) -> None:
        # Taking the lock makes a write made outside any transaction commit at once.
        with self._journal.lock:
            self._data[key] = value
            self._journal.note(self._name, key, value)

    def __delitem__(self, key: K) -> None:
        with self._journal.lock:
            del self._data[key]
            self._journal.note(self._name, key, _DELETED)

    def clear(self) -> None:
        with self._journal.lock:
            self._data.clear()
            self._journal.note_clear(self._name)

    # The rest read the dict directly, for speed.
    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def keys(self) -> KeysView[K]:
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        return self._data.values()


class CommitLock:
    """The backend's reentrant lock; its outermost release commits the journal."""

    def __init__(self, journal: Journal) -> None:
        self._lock = threading.RLock()
        self._depth = 0
        self._journal = journal

    def __enter__(self) -> bool:
        self._lock.acquire()
        self._depth += 1
        return True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        done: list[Callable[[], None]] = []
        try:
            # A failed request may have changed memory too; disk must follow it.
            if self._depth == 1:
                done = self._journal.commit()
        finally:
            self._depth -= 1
            self._lock.release()
        for action in done:
            action()


class Journal:
    """A state folder: the snapshot, the journal since, and an exclusive lock."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._folder = folder
        self._journal_path = folder / "journal"
        self._release = _lock_folder(folder)
        self._finalizer = weakref.finalize(self, self._release)
        self._state = _load(folder)
        self._pending: dict[tuple[str, Any], object] = {}
        self._cleared: set[str] = set()
        self._after_commit: list[Callable[[], None]] = []
        self.lock = CommitLock(self)
        self._compact()
        _sync_folder(folder.parent)

    def table(self, name: str) -> JournaledTable[Any, Any]:
        """The named table, holding what the folder held."""
        return JournaledTable(name, self._state.setdefault(name, {}), self)

    def note(self, name: str, key: object, value: object) -> None:
        self._pending[(name, key)] = value

    def note_clear(self, name: str) -> None:
        self._pending = {k: v for k, v in self._pending.items() if k[0] != name}
        self._cleared.add(name)

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the current transaction is on disk (lock held)."""
        self._after_commit.append(action)

    def commit(self) -> list[Callable[[], None]]:
        """Append what changed as one entry (lock held); return what may now run."""
        if self._pending or self._cleared:
            self._write_entry()
        done, self._after_commit = self._after_commit, []
        return done

    def _write_entry(self) -> None:
        # Pickled now, not when noted: a record set twice is written once.
        operations: list[tuple[Any, ...]] = [
            ("clear", name) for name in sorted(self._cleared)
        ]
        operations += [
            ("delete", name, key) if value is _DELETED else ("set", name, key, value)
            for (name, key), value in self._pending.items()
        ]
        _append(self._journal_path, _frame(pickle.dumps(operations, protocol=5)))
        self._pending.clear()
        self._cleared.clear()
        if self._journal_path.stat().st_size > self._compact_above:
            self._compact()

    def close(self) -> None:
        """Let another mock open the folder; repeatable."""
        self._finalizer()

    def _compact(self) -> None:
        """Fold the journal into a new snapshot, then empty it."""
        snapshot = pickle.dumps({"format": FORMAT, "tables": self._state}, protocol=5)
        _write_atomically(self._folder / "snapshot", snapshot)
        # Replaying an entry the snapshot already holds changes nothing, so a crash
        # between these two steps is harmless.
        with open(self._journal_path, "wb") as journal:
            _sync_data(journal.fileno())
        _sync_folder(self._folder)
        self._compact_above = max(_COMPACT_MIN_BYTES, _COMPACT_FACTOR * len(snapshot))
        logger.debug("compacted %s (%d bytes)", self._folder, len(snapshot))


def _load(folder: Path) -> State:
    state: State = {}
    snapshot = folder / "snapshot"
    if snapshot.exists():
        state = _read_snapshot(snapshot)
    if (folder / "journal").exists():
        for operations in _entries((folder / "journal").read_bytes()):
            _apply(state, operations)
    return state


def _read_snapshot(path: Path) -> State:
    try:
        saved = pickle.loads(path.read_bytes())
        if saved["format"] != FORMAT:
            raise ValueError(f"format {saved['format']}, expected {FORMAT}")
        tables: State = saved["tables"]
        return tables
    except Exception as error:
        raise PersistenceError(
            f"{path} cannot be read (written by another version of the mock?): {error}"
        ) from error


def _entries(data: bytes) -> Iterator[list[tuple[Any, ...]]]:
    """Each whole entry; a torn or corrupt one ends the journal."""
    offset = 0
    while offset + _HEADER.size <= len(data):
        length, checksum = _HEADER.unpack_from(data, offset)
        payload = data[offset + _HEADER.size : offset + _HEADER.size + length]
        if len(payload) < length or zlib.crc32(payload) != checksum:
            logger.debug("journal ends in a torn entry at byte %d", offset)
            return
        yield pickle.loads(payload)
        offset += _HEADER.size + length


def _apply(state: State, operations: list[tuple[Any, ...]]) -> None:
    for operation in operations:
        table = state.setdefault(operation[1], {})
        if operation[0] == "clear":
            table.clear()
        elif operation[0] == "delete":
            table.pop(operation[2], None)
        else:
            table[operation[2]] = operation[3]


def _frame(payload: bytes) -> bytes:
    return _HEADER.pack(len(payload), zlib.crc32(payload)) + payload


def _append(path: Path, entry: bytes) -> None:
    with open(path, "ab") as journal:
        size = journal.tell()
        try:
            journal.write(entry)
            journal.flush()
            _sync_data(journal.fileno())
        except OSError:
            # A partial entry would hide every later one from the replay.
            journal.truncate(size)
            raise


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    # Makes a rename or a new file itself durable; Windows cannot open folders.
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _lock_folder(folder: Path) -> Callable[[], None]:
    """Hold ``folder/lock`` exclusively; return what releases it."""
    if sys.platform == "win32":
        return lambda: None
    import fcntl

    descriptor = os.open(folder / "lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        raise PersistenceError(f"{folder} is in use by another mock") from None
    return lambda: os.close(descriptor)
