"""The progress report's content: the latest period, what changed, and every chart's table."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import polars as pl
import pytest

from careforce.core.outcomes.action_plan import action_plan_json_schema, parse_action_plan
from careforce.core.outcomes.actions import action_flags, action_summary, plan_frames
from careforce.core.outcomes.report import ActionInputs, latest_period, progress_report

pytestmark = pytest.mark.unit

PLAN = {
    "schema_version": "1",
    "name": "Test plan",
    "start_date": "2022-04-01",
    "actions": [
        {
            "code": "1",
            "title": "Use data",
            "detailed_actions": [
                {
                    "code": "1.1",
                    "title": "Measure progress",
                    "outcomes": [1],
                    "status": "on track",
                    "milestones": [{"title": "Report", "due": "2023-03-31"}],
                    "updates": [{"date": "2023-02-01", "text": "Drafted", "status": "on track"}],
                }
            ],
        }
    ],
}


def scorecard(build: SimpleNamespace) -> pl.DataFrame:
    rows = build.rows(
        "vacancy_rate",
        {"2020/21": (0.10, 0.09, 0.11, None), "2021/22": (0.07, 0.06, 0.08, None)},
    ) + build.rows(
        "zero_hours_share",
        {"2020/21": (0.42, 0.39, 0.45, None), "2021/22": (None, None, None, "[c]")},
    )
    data = build.framework(
        {"code": "1.1b", "title": "Full complement", "sources": [{"measure_id": "vacancy_rate"}]},
        {"code": "1.I6", "title": "Zero hours", "sources": [{"measure_id": "zero_hours_share"}]},
        {"code": "1.2a", "title": "Flexible skills", "no_data_source": "Survey planned."},
    )
    return build.score(data, rows)


def actions(as_of: dt.date) -> ActionInputs:
    plan = parse_action_plan(PLAN, action_plan_json_schema())

    def flags(date: dt.date) -> pl.DataFrame:
        details, milestones, updates = (frame.lazy() for frame in plan_frames(plan))
        return action_flags(
            details,
            milestones,
            updates,
            as_of=date,
            start_date=plan.start_date,
            stale_after_months=6,
        ).collect()

    now = flags(as_of)
    return ActionInputs(
        name=plan.name,
        flags=now,
        summary=action_summary(now.lazy()).collect(),
        flags_year_ago=flags(as_of - dt.timedelta(days=365)),
        recent_updates=plan_frames(plan)[2]
        .drop("_sequence")
        .with_columns(pl.lit(0).alias("order"), pl.lit("Measure progress").alias("title")),
        stale_after_months=6,
    )


class TestProgressReport:
    def test_latest_period_is_the_last_with_a_value(self, build: SimpleNamespace) -> None:
        assert latest_period(scorecard(build)) == "2021/22"

    def test_changes_list_significant_changes_only(self, build: SimpleNamespace) -> None:
        report = progress_report(
            scorecard(build),
            framework="F",
            source=None,
            area="Staffordshire",
            as_of=dt.date(2023, 6, 30),
            actions=None,
        )
        assert report.period == "2021/22"
        assert report.previous_period == "2020/21"
        assert report.changes.rows == [
            ["1.1b Vacancy rate", "10.0%", "7.0%", "−3.0 percentage points", "improving"]
        ]

    def test_changes_are_from_the_last_financial_year_past_a_survey_round(
        self, build: SimpleNamespace
    ) -> None:
        # A survey round named by its calendar year ("2021") sorts between the financial years;
        # the report's changes are still from 2020/21 to 2021/22, as the scorecard compares them.
        rows = build.rows(
            "vacancy_rate",
            {"2020/21": (0.10, 0.09, 0.11, None), "2021/22": (0.07, 0.06, 0.08, None)},
        ) + build.rows("considering_leaving_share", {"2021": (0.2, 0.15, 0.25, None)})
        data = build.framework(
            {"code": "1.1b", "title": "Full", "sources": [{"measure_id": "vacancy_rate"}]},
            {
                "code": "1.1a",
                "title": "Leaving",
                "sources": [{"measure_id": "considering_leaving_share"}],
            },
        )
        report = progress_report(
            build.score(data, rows),
            framework="F",
            source=None,
            area=None,
            as_of=dt.date(2023, 6, 30),
            actions=None,
        )
        assert (report.period, report.previous_period) == ("2021/22", "2020/21")
        assert report.changes.caption == "Significant changes from 2020/21 to 2021/22"
        assert report.changes.rows[0][:3] == ["1.1b Vacancy rate", "10.0%", "7.0%"]

    def test_scorecard_table_keeps_symbols_and_gaps(self, build: SimpleNamespace) -> None:
        report = progress_report(
            scorecard(build),
            framework="F",
            source=None,
            area=None,
            as_of=dt.date(2023, 6, 30),
            actions=None,
        )
        rows = {row[0]: row for row in report.outcomes[0].table.rows}
        assert rows["1.I6 Zero hours"][2] == "[c]"
        assert rows["1.I6 Zero hours"][5] == "cannot be calculated"
        assert rows["1.2a Flexible skills"][1] == "No data source yet"
        assert rows["1.2a Flexible skills"][2] == "[x]"

    def test_every_chart_has_a_table_of_its_data(self, build: SimpleNamespace) -> None:
        report = progress_report(
            scorecard(build),
            framework="F",
            source=None,
            area=None,
            as_of=dt.date(2023, 6, 30),
            actions=actions(dt.date(2023, 6, 30)),
        )
        chart = report.outcomes[0].chart
        assert chart is not None
        assert chart.spec["description"] == chart.description
        assert "facet" in chart.spec
        plotted = {point["series"] for point in chart.spec["data"]["values"]}
        assert plotted == {"1.1b Vacancy rate (%)", "1.I6 Zero hours share (%)"}
        assert ["1.I6 Zero hours share (%)", "2021/22", "[c]", ""] in chart.table.rows
        assert report.status_chart is not None
        assert report.status_chart.table is report.status_summary

    def test_action_sections(self, build: SimpleNamespace) -> None:
        report = progress_report(
            scorecard(build),
            framework="F",
            source=None,
            area=None,
            as_of=dt.date(2023, 6, 30),
            actions=actions(dt.date(2023, 6, 30)),
        )
        assert report.flags == {"overdue": 1, "stale": 0, "detailed_actions": 1, "stale_months": 6}
        assert report.status_changes is not None
        assert report.status_changes.rows == [["1.1 Measure progress", "not started", "on track"]]
        assert report.actions is not None
        assert report.actions.rows[0][-1] == "overdue (1 milestone)"

    def test_an_action_without_flags_says_so_in_words(self, build: SimpleNamespace) -> None:
        # Before the milestone falls due nothing is flagged: "No flags", as the web page says,
        # never a bare "None".
        report = progress_report(
            scorecard(build),
            framework="F",
            source=None,
            area=None,
            as_of=dt.date(2023, 2, 15),
            actions=actions(dt.date(2023, 2, 15)),
        )
        assert report.actions is not None
        assert report.actions.rows[0][-1] == "No flags"
        assert all("None" not in cell for row in report.actions.rows for cell in row)
