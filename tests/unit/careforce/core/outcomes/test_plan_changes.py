"""Changes to the action plan: updates, milestones added or completed, lead partners."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from action_plan_support import PLAN as BASE_PLAN
from careforce.core.outcomes.action_plan import (
    ActionPlan,
    Milestone,
    UnknownActionError,
    Update,
    action_plan_json_schema,
    parse_action_plan,
    with_lead_partners,
    with_milestone,
    with_milestone_completed,
    with_update,
)
from careforce.core.outcomes.columns import ActionStatus
from careforce.core.outcomes.validation import ConfigurationError
from careforce.io.config_files import parse_yaml
from careforce.io.outcomes_files import format_action_plan_yaml

pytestmark = pytest.mark.unit

SCHEMA = action_plan_json_schema()

PLAN: dict[str, Any] = copy.deepcopy(BASE_PLAN)
PLAN["actions"][1]["detailed_actions"].append(
    {"code": "2.2", "title": "Share toolkits", "outcomes": [3]}
)
"""The shared test plan with a detailed action that has no milestones, updates or partners."""
"""A small plan: 1.1 has partners, milestones (one complete) and an update; 2.2 has nothing."""

START = dt.date(2022, 4, 1)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NEL = "\x85"
"""NEXT LINE (U+0085): a line break to YAML, which the plan file must keep as it is."""
TEXT = st.text(alphabet=st.characters(codec="utf-8"), min_size=1)
"""Any non-empty text."""


def parse(data: dict[str, Any] | None = None) -> ActionPlan:
    return parse_action_plan(copy.deepcopy(data or PLAN), SCHEMA)


PARSED = parse()
"""The plan, parsed once (tests check that no change mutates it)."""


def detail(plan: ActionPlan, code: str) -> Any:
    for action in plan.actions:
        for item in action.detailed_actions:
            if item.code == code:
                return item
    raise AssertionError(f"no detailed action {code}")


def round_trip(plan: ActionPlan) -> ActionPlan:
    """The plan written as a plan file and read back as careforce reads plan files."""
    data, _ = parse_yaml(format_action_plan_yaml(plan, header="written by a test"))
    return parse_action_plan(data, SCHEMA)


def problems(call: Callable[[], object]) -> list[str]:
    with pytest.raises(ConfigurationError) as caught:
        call()
    return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def plan() -> ActionPlan:
    return parse()


class TestWithMilestone:
    def test_is_added_in_due_date_order(self, plan: ActionPlan) -> None:
        changed = with_milestone(
            plan, code="1.1", milestone=Milestone(title="Mid-year", due=dt.date(2023, 9, 30))
        )
        assert [m.title for m in detail(changed, "1.1").milestones] == [
            "Report 2022/23",
            "Mid-year",
            "Report 2023/24",
        ]

    def test_earliest_goes_first_and_latest_last(self, plan: ActionPlan) -> None:
        first = with_milestone(
            plan, code="1.1", milestone=Milestone(title="Kick-off", due=dt.date(2022, 5, 1))
        )
        last = with_milestone(
            first, code="1.1", milestone=Milestone(title="Close", due=dt.date(2027, 3, 31))
        )
        titles = [m.title for m in detail(last, "1.1").milestones]
        assert titles == ["Kick-off", "Report 2022/23", "Report 2023/24", "Close"]

    def test_same_due_date_goes_after_the_existing_one(self, plan: ActionPlan) -> None:
        changed = with_milestone(
            plan, code="1.1", milestone=Milestone(title="Also", due=dt.date(2023, 3, 31))
        )
        titles = [m.title for m in detail(changed, "1.1").milestones]
        assert titles == ["Report 2022/23", "Also", "Report 2023/24"]

    def test_detailed_action_without_milestones_gets_its_first(self, plan: ActionPlan) -> None:
        milestone = Milestone(title="Toolkit shared", due=dt.date(2024, 1, 31))
        changed = with_milestone(plan, code="2.2", milestone=milestone)
        assert detail(changed, "2.2").milestones == [milestone]
        assert detail(plan, "2.2").milestones == []

    def test_other_fields_and_actions_are_kept(self, plan: ActionPlan) -> None:
        changed = with_milestone(
            plan, code="1.1", milestone=Milestone(title="Mid-year", due=dt.date(2023, 9, 30))
        )
        before, after = detail(plan, "1.1"), detail(changed, "1.1")
        assert after.model_dump(exclude={"milestones"}) == before.model_dump(exclude={"milestones"})
        assert changed.model_dump(exclude={"actions"}) == plan.model_dump(exclude={"actions"})
        assert detail(changed, "2.1") == detail(plan, "2.1")

    def test_completed_before_the_plan_start_is_refused(self, plan: ActionPlan) -> None:
        milestone = Milestone(title="Old", due=dt.date(2022, 6, 30), completed=dt.date(2022, 3, 31))
        found = problems(lambda: with_milestone(plan, code="2.2", milestone=milestone))
        assert found == [
            "actions[1].detailed_actions[1].milestones[0].completed: 2022-03-31 is before the "
            "plan's start_date 2022-04-01"
        ]

    def test_unknown_code(self, plan: ActionPlan) -> None:
        with pytest.raises(UnknownActionError):
            with_milestone(plan, code="9.9", milestone=Milestone(title="x", due=START))


class TestWithMilestoneCompleted:
    def test_marks_the_milestone_complete(self, plan: ActionPlan) -> None:
        changed = with_milestone_completed(plan, code="1.1", index=1, completed=dt.date(2024, 3, 1))
        milestones = detail(changed, "1.1").milestones
        assert milestones[1].completed == dt.date(2024, 3, 1)
        assert milestones[1].title == "Report 2023/24"
        assert milestones[0] == detail(plan, "1.1").milestones[0]
        assert detail(plan, "1.1").milestones[1].completed is None

    def test_completed_on_the_start_date_is_accepted(self, plan: ActionPlan) -> None:
        changed = with_milestone_completed(plan, code="2.1", index=0, completed=START)
        assert detail(changed, "2.1").milestones[0].completed == START

    @pytest.mark.parametrize("index", [2, 5, -1])
    def test_no_such_milestone(self, plan: ActionPlan, index: int) -> None:
        found = problems(
            lambda: with_milestone_completed(plan, code="1.1", index=index, completed=START)
        )
        assert found == [f"milestones[{index}]: 1.1 has no milestone {index + 1}"]

    def test_detailed_action_without_milestones(self, plan: ActionPlan) -> None:
        found = problems(
            lambda: with_milestone_completed(plan, code="2.2", index=0, completed=START)
        )
        assert found == ["milestones[0]: 2.2 has no milestone 1"]

    def test_already_complete_is_refused(self, plan: ActionPlan) -> None:
        found = problems(
            lambda: with_milestone_completed(
                plan, code="1.1", index=0, completed=dt.date(2023, 4, 1)
            )
        )
        assert found == ["milestones[0]: 'Report 2022/23' is already complete"]

    def test_completing_twice_is_refused(self, plan: ActionPlan) -> None:
        once = with_milestone_completed(plan, code="2.1", index=0, completed=dt.date(2023, 1, 5))
        with pytest.raises(ConfigurationError, match="already complete"):
            with_milestone_completed(once, code="2.1", index=0, completed=dt.date(2023, 1, 6))

    def test_date_before_the_plan_start_is_refused(self, plan: ActionPlan) -> None:
        found = problems(
            lambda: with_milestone_completed(
                plan, code="1.1", index=1, completed=dt.date(2022, 3, 31)
            )
        )
        assert found == [
            "actions[0].detailed_actions[0].milestones[1].completed: 2022-03-31 is before the "
            "plan's start_date 2022-04-01"
        ]

    def test_unknown_code(self, plan: ActionPlan) -> None:
        with pytest.raises(UnknownActionError):
            with_milestone_completed(plan, code="1", index=0, completed=START)


class TestWithLeadPartners:
    def test_replaces_the_partners(self, plan: ActionPlan) -> None:
        partners = ["Stoke-on-Trent City Council", "Staffordshire ICS"]
        changed = with_lead_partners(plan, code="1.1", partners=partners)
        assert detail(changed, "1.1").lead_partners == partners
        assert detail(plan, "1.1").lead_partners == ["Staffordshire County Council"]

    def test_sets_partners_where_there_were_none(self, plan: ActionPlan) -> None:
        changed = with_lead_partners(plan, code="2.2", partners=["Skills for Care"])
        assert detail(changed, "2.2").lead_partners == ["Skills for Care"]

    def test_empties_the_partners(self, plan: ActionPlan) -> None:
        changed = with_lead_partners(plan, code="1.1", partners=[])
        assert detail(changed, "1.1").lead_partners == []

    def test_later_changes_to_the_list_given_do_not_reach_the_plan(self, plan: ActionPlan) -> None:
        partners = ["A"]
        changed = with_lead_partners(plan, code="1.1", partners=partners)
        partners.append("B")
        assert detail(changed, "1.1").lead_partners == ["A"]

    def test_empty_partner_is_refused(self, plan: ActionPlan) -> None:
        found = problems(lambda: with_lead_partners(plan, code="1.1", partners=["A", ""]))
        assert len(found) == 1
        assert found[0].startswith("actions[0].detailed_actions[0].lead_partners[1]: ")
        assert "at least 1 character" in found[0]

    def test_unknown_code(self, plan: ActionPlan) -> None:
        with pytest.raises(UnknownActionError):
            with_lead_partners(plan, code="3.1", partners=["A"])


class TestWithUpdate:
    def test_reported_status_becomes_the_status(self, plan: ActionPlan) -> None:
        update = Update(date=dt.date(2024, 1, 5), text="Slipping", status=ActionStatus.AT_RISK)
        changed = with_update(plan, code="1.1", update=update)
        assert detail(changed, "1.1").status is ActionStatus.AT_RISK
        assert detail(changed, "1.1").updates[-1] == update

    def test_older_update_with_another_status_is_refused(self, plan: ActionPlan) -> None:
        update = Update(date=dt.date(2022, 12, 1), text="Late news", status=ActionStatus.AT_RISK)
        with pytest.raises(ConfigurationError, match="make them agree"):
            with_update(plan, code="1.2", update=update)


CHANGES: list[Callable[[ActionPlan], ActionPlan]] = [
    lambda p: with_update(p, code="1.1", update=Update(date=dt.date(2024, 1, 1), text="x")),
    lambda p: with_update(
        p,
        code="1.2",
        update=Update(date=dt.date(2022, 7, 1), text="x", status=ActionStatus.OFF_TRACK),
    ),
    lambda p: with_milestone(p, code="1.1", milestone=Milestone(title="m", due=START)),
    lambda p: with_milestone_completed(p, code="1.1", index=1, completed=dt.date(2024, 1, 1)),
    lambda p: with_milestone_completed(p, code="1.1", index=0, completed=dt.date(2024, 1, 1)),
    lambda p: with_milestone_completed(p, code="1.1", index=1, completed=dt.date(2020, 1, 1)),
    lambda p: with_lead_partners(p, code="1.1", partners=["A", "B"]),
    lambda p: with_lead_partners(p, code="1.1", partners=[]),
    lambda p: with_lead_partners(p, code="1.1", partners=[""]),
    lambda p: with_lead_partners(p, code="0.0", partners=["A"]),
]
"""Changes that succeed and changes that are refused."""


class TestOriginalIsKept:
    @pytest.mark.parametrize("change", CHANGES)
    def test_the_plan_given_is_never_changed(
        self, plan: ActionPlan, change: Callable[[ActionPlan], ActionPlan]
    ) -> None:
        before = copy.deepcopy(plan.model_dump())
        try:
            changed = change(plan)
        except (ConfigurationError, UnknownActionError):
            pass
        else:
            assert changed is not plan
            assert changed != plan
        assert plan.model_dump() == before
        assert plan == PARSED


class TestRoundTripProperties:
    @PROPERTY
    @given(text=TEXT, author=st.none() | TEXT, status=st.none() | st.sampled_from(ActionStatus))
    def test_update_survives_the_plan_file(
        self, text: str, author: str | None, status: ActionStatus | None
    ) -> None:
        update = Update(date=dt.date(2024, 2, 29), text=text, author=author, status=status)
        changed = with_update(PARSED, code="1.1", update=update)
        assert detail(changed, "1.1").updates[-1] == update
        assert round_trip(changed) == changed
        assert parse() == PARSED

    @PROPERTY
    @given(partners=st.lists(TEXT, max_size=5))
    def test_lead_partners_survive_the_plan_file(self, partners: list[str]) -> None:
        changed = with_lead_partners(PARSED, code="2.2", partners=partners)
        assert detail(changed, "2.2").lead_partners == partners
        assert round_trip(changed) == changed

    @PROPERTY
    @given(
        milestones=st.lists(
            st.tuples(TEXT, st.dates(dt.date(2022, 4, 1), dt.date(2030, 12, 31))),
            min_size=1,
            max_size=5,
        )
    )
    def test_milestones_stay_in_due_order_and_survive_the_plan_file(
        self, milestones: list[tuple[str, dt.date]]
    ) -> None:
        changed = PARSED
        for title, due in milestones:
            changed = with_milestone(changed, code="1.1", milestone=Milestone(title=title, due=due))
        dues = [m.due for m in detail(changed, "1.1").milestones]
        assert dues == sorted(dues)
        assert len(dues) == 2 + len(milestones)
        assert round_trip(changed) == changed

    @PROPERTY
    @given(partners=st.lists(st.text(max_size=3), min_size=1, max_size=4))
    def test_partners_are_set_or_an_empty_one_is_refused(self, partners: list[str]) -> None:
        if all(partners):
            changed = with_lead_partners(PARSED, code="1.1", partners=partners)
            assert detail(changed, "1.1").lead_partners == partners
        else:
            with pytest.raises(ConfigurationError):
                with_lead_partners(PARSED, code="1.1", partners=partners)
        assert parse() == PARSED


class TestNextLineCharacter:
    """U+0085 (NEXT LINE) is a line break to YAML: the plan file writes it in double quotes
    (escaped), so it reads back as it was instead of folding to a space."""

    @pytest.mark.parametrize("text", [NEL, f"a{NEL}b", f"line one{NEL}line two"])
    def test_update_text(self, text: str) -> None:
        changed = with_update(
            PARSED, code="1.1", update=Update(date=dt.date(2024, 1, 1), text=text)
        )
        assert detail(round_trip(changed), "1.1").updates[-1].text == text

    def test_lead_partner(self) -> None:
        changed = with_lead_partners(PARSED, code="1.1", partners=[f"Council{NEL}"])
        assert round_trip(changed) == changed
