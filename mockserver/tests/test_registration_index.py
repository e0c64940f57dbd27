"""The ordered registration index answers every page as a full sort would."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from scormcloud_mock._records import Instance, Learner, Registration
from scormcloud_mock._registration_index import RegistrationIndex
from scormcloud_mock._registration_query import ORDER_BY, RegistrationQuery, moment

START = datetime(2026, 1, 1, tzinfo=timezone.utc)


def registration(number: int, rng: random.Random) -> Registration:
    # Few distinct moments, so that ties (broken by id) are common.
    created = START + timedelta(seconds=rng.randrange(5))
    instance = Instance(number=0, course_version=0, created=created, updated=created)
    return Registration(
        registration_id=f"reg-{rng.randrange(1000):03d}-{number}",
        course_id=rng.choice(["a", "b"]),
        learner=Learner(learner_id=rng.choice(["ada", "bob", "cy"])),
        created=created,
        xapi_registration_id="x",
        instances=(instance,),
        tags=tuple(rng.sample(["t1", "t2"], rng.randrange(3))),
    )


def brute_force(table: dict[str, Registration], query: RegistrationQuery) -> list[str]:
    """The list as the mock computed it before the index: filter all, sort all."""
    matching = [r for r in table.values() if query.matches(r, lambda _: "Golf")]
    matching.sort(key=lambda r: r.registration_id)
    matching.sort(key=lambda r: moment(r, query.order_field))
    if query.descending:
        matching.reverse()
    return [r.registration_id for r in matching]


def churn(index: RegistrationIndex, rng: random.Random) -> None:
    """Create, update (a newer instance) and delete registrations at random."""
    for number in range(300):
        ids = list(index)
        action = rng.random()
        if action < 0.6 or not ids:
            new = registration(number, rng)
            index[new.registration_id] = new
        elif action < 0.85:
            old = index[rng.choice(ids)]
            later = old.latest.updated + timedelta(seconds=rng.randrange(1, 4))
            instance = replace(old.latest, number=old.latest.number + 1, updated=later)
            index[old.registration_id] = replace(
                old, instances=(*old.instances, instance)
            )
        else:
            del index[rng.choice(ids)]


QUERIES = [
    *(RegistrationQuery(order_by=order) for order in ORDER_BY),
    RegistrationQuery(course_id="a"),
    RegistrationQuery(learner_id="bob", order_by="updated_asc"),
    RegistrationQuery(course_id="b", learner_id="cy", order_by="updated_desc"),
    RegistrationQuery(tags=("t1",), order_by="created_asc"),
    RegistrationQuery(filter="-1", filter_by="registration_id"),
    RegistrationQuery(filter="golf", filter_by="course_title"),
    RegistrationQuery(course_id="nobody"),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_pages_match_a_full_sort(query: RegistrationQuery) -> None:
    table: dict[str, Registration] = {}
    index = RegistrationIndex(table)
    churn(index, random.Random(7))
    expected = brute_force(table, query)

    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        items, offset, total = index.page(query, offset, 7, lambda _: "Golf")
        assert total == len(expected)
        seen += [r.registration_id for r in items]
    assert seen == expected


def test_an_index_over_a_filled_table_and_clear() -> None:
    rng = random.Random(3)
    table = {r.registration_id: r for r in (registration(n, rng) for n in range(50))}
    index = RegistrationIndex(table)
    query = RegistrationQuery(order_by="updated_asc")

    assert [r.registration_id for r in index.page(query, 0, 50, str)[0]] == (
        brute_force(table, query)
    )
    index.clear()
    assert not table and index.page(query, 0, 10, str) == ([], None, 0)
