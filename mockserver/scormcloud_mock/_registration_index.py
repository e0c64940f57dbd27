"""An ordered index of registrations, so that a list page costs what it holds.

Filtering and sorting every registration for every page made a page of
``GET /registrations`` cost O(n log n): most of a second with 100,000 registrations.
The index keeps both orders a list can ask for (by created and by updated moment,
ties broken by id, as keys in sorted lists) and the ids of each course's and each
learner's registrations, updated as registrations change. An unfiltered page is then
a slice, and a page for one course or learner sorts only their registrations.

Callers hold the backend's lock around every method, as they do for the table.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterator, MutableMapping
from datetime import datetime

from ._records import Registration
from ._registration_query import RegistrationQuery, moment

Key = tuple[datetime, str]


class RegistrationIndex(MutableMapping[str, Registration]):
    """The store's mapping of registrations by id, indexed as it changes.

    Wraps the backend's table (a dict, or a persistent table): reads go to the
    table, and every write also updates both orders and the course and learner
    sets, which are rebuilt from the table at start.
    """

    def __init__(self, table: MutableMapping[str, Registration]) -> None:
        self._table = table
        self._forget()
        for registration in table.values():
            self._index(registration)

    def __getitem__(self, registration_id: str) -> Registration:
        return self._table[registration_id]

    def __setitem__(self, registration_id: str, registration: Registration) -> None:
        old = self._table.get(registration_id)
        self._table[registration_id] = registration
        if old is not None:
            self._unindex(old)
        self._index(registration)

    def __delitem__(self, registration_id: str) -> None:
        old = self._table[registration_id]
        del self._table[registration_id]
        self._unindex(old)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def clear(self) -> None:
        # Faster than the mixin's one-by-one removal.
        self._table.clear()
        self._forget()

    def _forget(self) -> None:
        self._orders: dict[str, list[Key]] = {"created": [], "updated": []}
        self._by_course: dict[str, set[str]] = {}
        self._by_learner: dict[str, set[str]] = {}

    def _index(self, registration: Registration) -> None:
        registration_id = registration.registration_id
        for field, keys in self._orders.items():
            insort(keys, _key(registration, field))
        self._by_course.setdefault(registration.course_id, set()).add(registration_id)
        learner = registration.learner.learner_id
        self._by_learner.setdefault(learner, set()).add(registration_id)

    def _unindex(self, old: Registration) -> None:
        for field, keys in self._orders.items():
            del keys[bisect_left(keys, _key(old, field))]
        _drop(self._by_course, old.course_id, old.registration_id)
        _drop(self._by_learner, old.learner.learner_id, old.registration_id)

    def page(
        self,
        query: RegistrationQuery,
        offset: int,
        size: int,
        title_of: Callable[[str], str],
    ) -> tuple[list[Registration], int | None, int]:
        """One page of what ``query`` selects, the next page's offset, the total."""
        if query.filtered:
            matching = self._matching(query, title_of)
            ids, total = matching[offset : offset + size], len(matching)
        else:
            keys = self._orders[query.order_field]
            ids, total = _window(keys, offset, size, query.descending), len(keys)
        end = offset + size
        return [self._table[i] for i in ids], (end if end < total else None), total

    def _matching(
        self, query: RegistrationQuery, title_of: Callable[[str], str]
    ) -> list[str]:
        """Ids of every match, in the query's order."""
        keys = self._orders[query.order_field]
        candidates = self._candidates(query)
        if candidates is not None:
            # One course's or learner's registrations: sort those, not everyone's.
            keys = sorted(_key(self._table[i], query.order_field) for i in candidates)
        ids = [i for _, i in keys if query.matches(self._table[i], title_of)]
        if query.descending:
            ids.reverse()
        return ids

    def _candidates(self, query: RegistrationQuery) -> set[str] | None:
        """The smallest id set a course or learner filter narrows the list to."""
        sets = []
        if query.course_id is not None:
            sets.append(self._by_course.get(query.course_id, set()))
        if query.learner_id is not None:
            sets.append(self._by_learner.get(query.learner_id, set()))
        return min(sets, key=len) if sets else None


def _key(registration: Registration, field: str) -> Key:
    return moment(registration, field), registration.registration_id


def _window(keys: list[Key], offset: int, size: int, descending: bool) -> list[str]:
    """The ids of an unfiltered page, sliced straight from the sorted keys."""
    if not descending:
        return [i for _, i in keys[offset : offset + size]]
    stop = max(len(keys) - offset, 0)
    return [i for _, i in reversed(keys[max(stop - size, 0) : stop])]


def _drop(groups: dict[str, set[str]], group: str, registration_id: str) -> None:
    members = groups.get(group)
    if members is not None:
        members.discard(registration_id)
        if not members:
            del groups[group]
