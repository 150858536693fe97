"""The action plan: validation, updates, and the overdue and stale flags at an as-of date."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from action_plan_support import PLAN
from careforce.core.outcomes import columns as c
from careforce.core.outcomes.action_plan import (
    ACTION_PLAN_SCHEMA_ID,
    ActionPlan,
    UnknownActionError,
    Update,
    action_plan_json_schema,
    parse_action_plan,
    with_update,
)
from careforce.core.outcomes.actions import (
    action_flags,
    action_summary,
    plan_frames,
    updates_between,
)
from careforce.core.outcomes.validation import ConfigurationError

pytestmark = pytest.mark.unit

SCHEMA = action_plan_json_schema()


def parse(data: dict[str, Any]) -> ActionPlan:
    return parse_action_plan(copy.deepcopy(data), SCHEMA)


def flags_at(plan: ActionPlan, as_of: dt.date) -> pl.DataFrame:
    details, milestones, updates = (frame.lazy() for frame in plan_frames(plan))
    return action_flags(
        details,
        milestones,
        updates,
        as_of=as_of,
        start_date=plan.start_date,
        stale_after_months=plan.stale_after_months,
    ).collect()


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ConfigurationError) as caught:
        parse_action_plan(data, SCHEMA)
    return [str(problem) for problem in caught.value.problems]


class TestActionPlan:
    def test_schema_id_is_versioned(self) -> None:
        assert SCHEMA["$id"] == ACTION_PLAN_SCHEMA_ID
        assert "/v1." in SCHEMA["$id"]

    def test_outcome_numbers_become_codes(self) -> None:
        plan = parse(PLAN)
        assert plan.actions[0].detailed_actions[0].outcomes == ["1", "3"]
        assert plan.actions[0].detailed_actions[0].milestones[0].due == dt.date(2023, 3, 31)

    def test_status_must_agree_with_the_latest_update(self) -> None:
        data = copy.deepcopy(PLAN)
        data["actions"][0]["detailed_actions"][1]["status"] = "at risk"
        assert problems(data) == [
            "actions[0].detailed_actions[1].status: is 'at risk' but the latest update "
            "(2023-02-10, updates[1]) reports 'complete'; make them agree"
        ]

    def test_outcome_links_must_be_outcomes_of_the_plan(self) -> None:
        data = copy.deepcopy(PLAN)
        data["actions"][1]["detailed_actions"][0]["outcomes"] = [1, 5]
        assert problems(data) == [
            "actions[1].detailed_actions[0].outcomes[1]: there is no outcome '5' (outcomes: 1, 3)"
        ]

    @pytest.mark.parametrize(
        ("change", "field", "words"),
        [
            pytest.param(("status", "finished"), "status", "must be one of", id="status"),
            pytest.param(("outcomes", []), "outcomes", "at least 1 item", id="no-outcomes"),
            pytest.param(("code", "1.1"), "code", "already used", id="duplicate-code"),
        ],
    )
    def test_problem_names_the_field(self, change: tuple[str, Any], field: str, words: str) -> None:
        data = copy.deepcopy(PLAN)
        data["actions"][1]["detailed_actions"][0][change[0]] = change[1]
        found = problems(data)
        assert any(
            line.startswith(f"actions[1].detailed_actions[0].{field}") and words in line
            for line in found
        ), found

    @pytest.mark.parametrize(
        "due", ["2023-02-30", "31/03/2023", "2023-3-31"], ids=["no-such-day", "british", "short"]
    )
    def test_dates_must_be_iso(self, due: str) -> None:
        data = copy.deepcopy(PLAN)
        data["actions"][1]["detailed_actions"][0]["milestones"][0]["due"] = due
        found = problems(data)
        assert found
        assert found[0].startswith("actions[1].detailed_actions[0].milestones[0].due"), found


class TestWithUpdate:
    def test_adds_the_update_and_its_status(self) -> None:
        plan = with_update(
            parse(PLAN),
            code="2.1",
            update=Update(
                date=dt.date(2023, 1, 15), text="Launched", status=c.ActionStatus.AT_RISK
            ),
        )
        detail = plan.actions[1].detailed_actions[0]
        assert detail.status.value == "at risk"
        assert [u.text for u in detail.updates] == ["Launched"]

    def test_unknown_code(self) -> None:
        with pytest.raises(UnknownActionError):
            with_update(parse(PLAN), code="9.9", update=Update(date=dt.date(2023, 1, 1), text="x"))

    def test_an_older_update_cannot_change_the_status(self) -> None:
        older = Update(date=dt.date(2022, 1, 1), text="Late entry", status=c.ActionStatus.OFF_TRACK)
        with pytest.raises(ConfigurationError, match="make them agree"):
            with_update(parse(PLAN), code="1.2", update=older)


class TestFlags:
    def test_flags_at_a_date(self) -> None:
        flags = flags_at(parse(PLAN), dt.date(2023, 6, 30))
        expected = pl.DataFrame(
            {
                c.CODE: ["1.1", "1.2", "2.1"],
                c.STATUS: ["on track", "complete", "not started"],
                c.MILESTONES: [2, 1, 1],
                c.MILESTONES_COMPLETE: [1, 0, 0],
                c.OVERDUE_MILESTONES: [0, 0, 1],
                c.NEXT_MILESTONE: ["Report 2023/24", "Projections", "Campaign"],
                c.NEXT_DUE: [dt.date(2024, 3, 31), dt.date(2023, 1, 31), dt.date(2022, 12, 31)],
                c.LAST_UPDATE: [dt.date(2023, 3, 20), dt.date(2023, 2, 10), None],
                c.DAYS_SINCE_UPDATE: [102, 140, 455],
                c.OVERDUE: [False, False, True],
                c.STALE: [False, False, True],
            }
        )
        assert_frame_equal(flags.select(expected.columns), expected)

    @pytest.mark.parametrize(
        ("as_of", "stale"),
        [
            pytest.param(dt.date(2023, 9, 19), False, id="day-before-six-months"),
            pytest.param(dt.date(2023, 9, 20), False, id="exactly-six-months"),
            pytest.param(dt.date(2023, 9, 21), True, id="six-months-and-a-day"),
        ],
    )
    def test_stale_after_six_months_without_update(self, as_of: dt.date, stale: bool) -> None:
        flags = flags_at(parse(PLAN), as_of)
        assert flags.filter(pl.col(c.CODE) == "1.1").get_column(c.STALE).item() is stale

    def test_plan_setting_changes_the_stale_period(self) -> None:
        data = copy.deepcopy(PLAN) | {"stale_after_months": 12}
        flags = flags_at(parse(data), dt.date(2023, 9, 21))
        assert flags.filter(pl.col(c.CODE) == "1.1").get_column(c.STALE).item() is False

    def test_never_updated_counts_from_the_start(self) -> None:
        plan = parse(PLAN)
        assert flags_at(plan, dt.date(2022, 9, 30)).get_column(c.STALE).to_list()[2] is False
        assert flags_at(plan, dt.date(2022, 10, 2)).get_column(c.STALE).to_list()[2] is True

    def test_milestone_completed_after_the_date_is_still_open(self) -> None:
        flags = flags_at(parse(PLAN), dt.date(2023, 3, 31) + dt.timedelta(days=1))
        assert flags.filter(pl.col(c.CODE) == "1.1").get_column(c.OVERDUE).item() is False
        early = flags_at(parse(PLAN), dt.date(2023, 3, 10))
        row = early.filter(pl.col(c.CODE) == "1.1").row(0, named=True)
        assert (row[c.MILESTONES_COMPLETE], row[c.NEXT_MILESTONE]) == (0, "Report 2022/23")

    def test_status_at_an_earlier_date_comes_from_the_updates(self) -> None:
        plan = parse(PLAN)
        assert flags_at(plan, dt.date(2022, 5, 1)).get_column(c.STATUS).to_list() == [
            "not started",
            "not started",
            "not started",
        ]
        assert flags_at(plan, dt.date(2022, 12, 1)).get_column(c.STATUS).to_list() == [
            "not started",
            "on track",
            "not started",
        ]

    def test_complete_action_is_neither_overdue_nor_stale(self) -> None:
        flags = flags_at(parse(PLAN), dt.date(2026, 1, 1))
        row = flags.filter(pl.col(c.CODE) == "1.2").row(0, named=True)
        assert (row[c.OVERDUE], row[c.STALE]) == (False, False)

    def test_summary_counts_by_status(self) -> None:
        summary = action_summary(flags_at(parse(PLAN), dt.date(2023, 6, 30)).lazy()).collect()
        assert summary.select(
            c.ACTION, c.DETAILED_ACTIONS, "on track", "complete", "not started", c.OVERDUE, c.STALE
        ).rows() == [("1", 2, 1, 1, 0, 0, 0), ("2", 1, 0, 0, 1, 1, 1)]

    def test_updates_between_dates_newest_first(self) -> None:
        details, _, updates = plan_frames(parse(PLAN))
        recent = updates_between(
            updates.lazy(), details.lazy(), start=dt.date(2022, 6, 1), end=dt.date(2023, 3, 20)
        ).collect()
        assert recent.select(c.CODE, c.DATE).rows() == [
            ("1.1", dt.date(2023, 3, 20)),
            ("1.2", dt.date(2023, 2, 10)),
        ]
        assert recent.get_column(c.EVIDENCE_LINKS).to_list()[0] == (
            "Board paper <https://example.org/p>"
        )
