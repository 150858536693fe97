"""Some people hold two posts: one NI number on two staff records, as ASC-WDS identifies people."""

from __future__ import annotations

from collections import defaultdict

import pytest

from careforce.synthetic.ascwds_returns import simulate_area
from careforce.synthetic.multiple_posts import MAXIMUM_WEEKLY_HOURS, PERSONAL_FIELDS
from careforce.synthetic.profiles import build_profile

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def people():
    staffing = simulate_area(build_profile("staffordshire").areas[0], seed=2022)
    posts = defaultdict(list)
    for worker in staffing.present(2):
        posts[worker.ni or f"blank-{worker.serial}"].append(worker)
    return staffing, posts


class TestMultiplePosts:
    def test_posts_per_person_as_assumed(self, people) -> None:
        staffing, posts = people
        assert len(staffing.present(2)) == 18_253
        assert len(posts) == 17_203
        assert len(staffing.present(2)) / len(posts) == pytest.approx(1.061, abs=0.001)

    def test_every_year_has_the_same_posts_per_person(self, people) -> None:
        staffing, _ = people
        for snapshot in range(1, len(staffing.counts) + 1):
            present = [w for w in staffing.present(snapshot) if w.ni]
            ratio = len(present) / len({w.ni for w in present})
            assert ratio == pytest.approx(1.064, abs=0.003), snapshot

    def test_nobody_holds_more_than_two_posts(self, people) -> None:
        _, posts = people
        assert max(len(p) for p in posts.values()) == 2

    def test_a_persons_posts_share_their_details_and_keep_to_the_hours(self, people) -> None:
        _, posts = people
        pairs = [p for p in posts.values() if len(p) == 2]
        assert len(pairs) == 1_050
        for first, second in pairs:
            assert all(getattr(first, f) == getattr(second, f) for f in PERSONAL_FIELDS)
            assert first.hours + second.hours <= MAXIMUM_WEEKLY_HOURS
            if first.workplace is second.workplace:
                assert first.role != second.role
        same_place = sum(first.workplace is second.workplace for first, second in pairs)
        assert 0.15 < same_place / len(pairs) < 0.35
