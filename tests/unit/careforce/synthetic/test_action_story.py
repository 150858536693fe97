"""The demo's action plan tells a story at the demo's today."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.outcomes.action_plan import check_action_plan
from careforce.core.vocab.demo import DEMO_TODAY
from careforce.services.outcomes import action_progress, load_action_plan
from careforce.synthetic.action_story import demo_action_plan

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def plan():
    return demo_action_plan(load_action_plan().plan)


def test_the_plan_is_valid_and_keeps_every_action(plan) -> None:
    shipped = load_action_plan().plan
    assert check_action_plan(plan) == []
    assert [(d.code, d.title) for a in plan.actions for d in a.detailed_actions] == [
        (d.code, d.title) for a in shipped.actions for d in a.detailed_actions
    ]
    assert "synthetic" in plan.name


def test_statuses_mix_at_the_demo_today(plan) -> None:
    flags = action_progress(plan, as_of=DEMO_TODAY).flags
    counts = dict(flags.group_by("status").len().iter_rows())
    assert counts == {
        "complete": 10,
        "on track": 18,
        "at risk": 6,
        "off track": 1,
        "not started": 1,
    }
    assert flags.filter(pl.col("overdue"))["code"].to_list() == [
        "2.4",
        "3.2",
        "4.3",
        "4.5",
        "5.5",
        "6.3",
        "7.5",
        "8.1",
    ]
    assert flags.filter(pl.col("stale"))["code"].to_list() == ["4.5", "8.1"]


def test_every_action_has_partners_and_updates(plan) -> None:
    details = [d for a in plan.actions for d in a.detailed_actions]
    assert all(d.lead_partners for d in details)
    assert all(d.updates for d in details)
    assert all(u.date <= DEMO_TODAY for d in details for u in d.updates)


def test_complete_actions_have_their_milestones_completed(plan) -> None:
    for detail in (d for a in plan.actions for d in a.detailed_actions):
        if detail.status.value == "complete":
            assert all(m.completed for m in detail.milestones)


def test_a_year_before_the_demo_today_the_story_is_earlier(plan) -> None:
    """At 30 June 2023 nothing is complete yet: the plan moves through time."""
    earlier = action_progress(plan, as_of=DEMO_TODAY.replace(year=2023)).flags
    statuses = set(earlier["status"].to_list())
    assert "complete" not in statuses
    assert "on track" in statuses
