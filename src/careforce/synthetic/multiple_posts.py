"""People with more than one post: the same person in two workplaces, or in two roles at one.

ASC-WDS has one staff record per post; it tells people apart by their National Insurance
number, which careforce turns into a pseudonymous person key, so the number of distinct people
(headcount) is below the number of filled posts. Skills for Care puts England at about 1.07
posts per person (1.705 million filled posts held by about 1.59 million people in 2023/24, "The
state of the adult social care sector and workforce in England", 2024). The demo makes
:data:`SECOND_POST_SHARE` of an area's posts (with a known NI number) in every year the second
post of a person who holds another post in the same area: about 1.06 posts per person, a little
under England's since a person's other post may be in another area.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Final

from careforce.synthetic.sampling import shuffle, years_before
from careforce.synthetic.workers import Staffing, Worker

SECOND_POST_SHARE: Final = 0.06
"""Share of posts (known NI number, in post at the latest snapshot) that are a person's second
post (assumed, from Skills for Care's posts per person)."""

SAME_WORKPLACE_SHARE: Final = 0.3
"""Share of second posts in the same workplace as the first, in another role (assumed)."""

MAXIMUM_WEEKLY_HOURS: Final = 70.0
"""The two posts' weekly hours together stay below ASC-WDS's 75 hours a person (rule
NINUMBER-HOURS), with room to spare."""

PERSONAL_FIELDS: Final = (
    "ni",
    "dob",
    "gender",
    "ethnicity",
    "ethnicity_group",
    "nationality",
    "nationality_group",
    "citizenship",
    "country",
    "year_of_entry",
    "visa",
    "recruited_abroad",
    "disabled",
    "home_postcode",
    "age_band",
)
"""What a person's posts share (the rest belongs to the post)."""


def _compatible(first: Worker, second: Worker) -> bool:
    """True when ``second`` can be another post of ``first``'s person: same sex, born within
    two years (so shares by sex and age are kept), hours that add up to less than a person's
    limit, and dates that stay valid with the first post's date of birth and year of entry."""
    if first.gender != second.gender or abs(first.dob.year - second.dob.year) > 2:
        return False
    if first.hours + second.hours > MAXIMUM_WEEKLY_HOURS:
        return False
    if second.start_date < years_before(first.dob, -16):
        return False
    if second.in_sector and second.in_sector < first.dob.year + 16:
        return False
    entry = first.year_of_entry
    return not (entry.isdigit() and int(entry) > second.start_date.year)


def share_people(staffing: Staffing, rng: random.Random, *, snapshots: list[int]) -> int:
    """Make some posts the second post of a person holding another post in the area: the
    second post takes the first's personal details (NI number, date of birth, sex, ethnicity,
    nationality, ...). At each snapshot, in the order given, posts are paired until
    :data:`SECOND_POST_SHARE` of the posts then filled are second posts (pairs made for an
    earlier snapshot count while both posts are filled; a post is paired once only).
    Returns the number of second posts made.

    Args:
        staffing: The area's simulated staffing (changed in place).
        rng: The random stream of this step alone.
        snapshots: The snapshots whose posts are counted, the calibrated year's first.
    """
    used: set[int] = set()
    made = 0
    for done, snapshot in enumerate(snapshots):
        made += _pair_posts(staffing, rng, snapshot=snapshot, used=used, done=snapshots[:done])
    return made


def _pair_posts(
    staffing: Staffing, rng: random.Random, *, snapshot: int, used: set[int], done: list[int]
) -> int:
    """Pair posts filled at ``snapshot`` (none of ``used``) up to the wanted share; a second
    post is one not filled at the snapshots ``done`` already, so their shares stay as made."""
    present = [w for w in staffing.workers if w.present(snapshot) and w.ni]
    already = len(present) - len({w.ni for w in present})
    wanted = round(SECOND_POST_SHARE * len(present)) - already
    order = [w for w in present if w.serial not in used]
    shuffle(rng, order)
    seconds = [w for w in order if not any(w.present(earlier) for earlier in done)]
    by_workplace: dict[int, list[Worker]] = defaultdict(list)
    by_person: dict[tuple[str, int], list[Worker]] = defaultdict(list)
    for worker in order:
        by_workplace[worker.workplace.index].append(worker)
        by_person[worker.gender, worker.dob.year].append(worker)
    made = 0
    for second in seconds:
        if made >= wanted:
            break
        if second.serial in used:
            continue
        same_place = rng.random() < SAME_WORKPLACE_SHARE
        if same_place:
            pool = by_workplace[second.workplace.index]
        else:
            year = second.dob.year + int(rng.random() * 5) - 2
            pool = by_person[second.gender, year]
        first = _first_fit(second, pool, used, same_place=same_place)
        if first is None:
            continue
        for name in PERSONAL_FIELDS:
            setattr(second, name, getattr(first, name))
        second.cached_prefix = ""
        used.update((first.serial, second.serial))
        made += 1
    return made


CANDIDATES_TRIED: Final = 40
"""Candidates looked at for a post's first post before giving up on it."""


def _first_fit(
    second: Worker, pool: list[Worker], used: set[int], *, same_place: bool
) -> Worker | None:
    """The first candidate in ``pool`` that can be the other post of ``second``'s person."""
    tried = 0
    for w in pool:
        if w.serial in used or w.serial == second.serial:
            continue
        tried += 1
        if tried > CANDIDATES_TRIED:
            return None
        if (
            same_place == (w.workplace.index == second.workplace.index)
            and (not same_place or w.role != second.role)
            and _compatible(w, second)
        ):
            return w
    return None
