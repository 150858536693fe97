"""Outcomes use cases: evaluating the shipped framework on indicator results, checking measure
ids against the catalogue, writing the scorecard and tracking the action plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import polars as pl
import pytest

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.action_plan import Update
from careforce.core.publishing.frameworks import framework_problems
from careforce.core.vocab import published as pub
from careforce.io.indicator_results import read_indicator_results
from careforce.io.outcomes_files import parse_framework_text, read_action_plan_file
from careforce.services.outcomes import (
    OutcomesInputError,
    action_progress_file,
    evaluate,
    evaluate_files,
    load_framework,
    record_action_update,
    write_actions,
    write_scorecard,
)

pytestmark = pytest.mark.integration

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "outcomes" / "indicators"

SMALL = """
schema_version: "1"
name: Small
baseline_period: "2021/22"
outcomes:
  - code: "1"
    title: More resilience
    indicators:
      - code: R1
        title: Vacancies
        sources:
          - measure_id: {measure_id}
            breakdown: {breakdown}
            breakdown_value: {value}
"""


def small(measure_id: str = "vacancy_rate", breakdown: str = "total", value: str = "all") -> Any:
    text = SMALL.format(measure_id=measure_id, breakdown=breakdown, value=value)
    return parse_framework_text(text)


def latest(evaluation: Any, code: str, number: int = 1) -> dict[str, Any]:
    return evaluation.scorecard.filter(
        (pl.col(c.MEASURE_CODE) == code)
        & (pl.col(c.SOURCE_NUMBER) == number)
        & (pl.col(pub.PERIOD) == "2022/23")
    ).row(0, named=True)


@pytest.fixture(scope="module")
def evaluation() -> Any:
    """The shipped framework evaluated on the hand-made indicator results."""
    return evaluate_files(indicators=FIXTURE)


class TestEvaluateShippedFramework:
    def test_one_row_per_measure_source_and_period(self, evaluation: Any) -> None:
        scorecard = evaluation.scorecard
        assert scorecard.get_column(pub.PERIOD).unique().sort().to_list() == [
            "2020/21",
            "2021/22",
            "2022/23",
        ]
        assert (
            scorecard.height
            == scorecard.select(c.MEASURE_CODE, c.SOURCE_NUMBER, pub.PERIOD).n_unique()
        )
        assert scorecard.get_column(c.MEASURE_CODE).n_unique() == 27

    @pytest.mark.parametrize(
        ("code", "number", "value", "symbol", "direction"),
        [
            pytest.param("1.1b", 1, 0.080, None, "improving", id="vacancy-rate-falls"),
            pytest.param("1.I1", 1, 330.0, None, "improving", id="vacancies-fall"),
            pytest.param("1.I2", 1, 0.335, None, "no significant change", id="turnover"),
            pytest.param("1.I2", 2, 0.55, None, "worsening", id="leavers-staying-fall"),
            pytest.param("1.I6", 1, None, "[c]", "cannot be calculated", id="suppressed"),
            pytest.param("3.1a", 1, 0.55, None, "cannot be calculated", id="no-baseline"),
            pytest.param("2.1b", 1, 0.11, None, "increasing", id="no-judgement"),
            pytest.param("3.2c", 3, 0.68, None, "cannot be calculated", id="no-interval"),
            pytest.param("1.I4", 1, None, "[x]", "cannot be calculated", id="no-data-source"),
            pytest.param("1.1a", 3, None, "[x]", "cannot be calculated", id="not-in-results"),
        ],
    )
    def test_latest_values_and_directions(
        self,
        evaluation: Any,
        code: str,
        number: int,
        value: float | None,
        symbol: str | None,
        direction: str,
    ) -> None:
        row = latest(evaluation, code, number)
        assert row[pub.VALUE] == (pytest.approx(value) if value is not None else None)
        assert row[pub.SYMBOL] == symbol
        assert row[c.DIRECTION] == direction

    def test_missing_sources_are_warned_about(self, evaluation: Any) -> None:
        assert any(
            "1.1a source 3" in warning and "registered nurse" in warning
            for warning in evaluation.warnings
        )

    def test_area_comes_from_the_results(self, evaluation: Any) -> None:
        assert (evaluation.area_code, evaluation.area_name) == ("E10000028", "Staffordshire")


class TestChecks:
    def test_unknown_measure_id_suggests_the_nearest(self) -> None:
        problems, _ = framework_problems(small("vacancy_rat"))
        assert [str(p) for p in problems] == [
            "outcomes[0].indicators[0].sources[0].measure_id: 'vacancy_rat' is not a measure of "
            "the catalogue (docs/measures.md) or of the indicator results (did you mean "
            "'vacancy_rate'?)"
        ]

    def test_breakdown_the_measure_is_not_published_by(self) -> None:
        problems, _ = framework_problems(small("vacancy_rate", "sex", "Female"))
        assert problems[0].field == "outcomes[0].indicators[0].sources[0].breakdown"
        assert "vacancy_rate is not published by 'sex'" in problems[0].message

    def test_two_way_breakdown_of_a_category_share(self) -> None:
        problems, _ = framework_problems(
            small(
                "workforce_share", "job_role_group/ethnicity_group", "managerial/supervisory/White"
            )
        )
        assert problems == []

    def test_measure_only_in_the_results_is_accepted(self) -> None:
        results, _ = read_indicator_results(FIXTURE)
        survey = results.head(1).with_columns(pl.lit("survey_feels_valued").alias(pub.MEASURE_ID))
        problems, warnings = framework_problems(
            small("survey_feels_valued"), available=pl.concat([results, survey])
        )
        assert (problems, warnings) == ([], [])

    def test_evaluate_refuses_a_bad_id_naming_the_file(self) -> None:
        with pytest.raises(OutcomesInputError, match="did you mean 'vacancy_rate'"):
            evaluate(
                small("vacancy_rat"),
                read_indicator_results(FIXTURE)[0],
                framework_path=Path("f.yaml"),
            )

    def test_several_areas_need_a_choice(self) -> None:
        results, _ = read_indicator_results(FIXTURE)
        both = pl.concat(
            [
                results,
                results.with_columns(
                    pl.lit("E10000029").alias(pub.AREA_CODE), pl.lit("Suffolk").alias(pub.AREA_NAME)
                ),
            ]
        )
        with pytest.raises(OutcomesInputError, match=r"several areas \(E10000028, E10000029\)"):
            evaluate(small(), both)
        chosen = evaluate(small(), both, area="E10000029")
        assert set(chosen.scorecard.get_column(pub.AREA_NAME)) == {"Suffolk"}
        with pytest.raises(OutcomesInputError, match="no area 'E99'"):
            evaluate(small(), both, area="E99")


class TestFiles:
    def test_scorecard_files(self, tmp_path: Path) -> None:
        evaluation = evaluate_files(indicators=FIXTURE, framework="staffordshire-framework")
        files = write_scorecard(evaluation, tmp_path)
        assert [p.name for p in files] == [
            "scorecard.csv",
            "scorecard.ods",
            "scorecard.xlsx",
            "scorecard_manifest.json",
        ]
        csv = pl.read_csv(tmp_path / "scorecard.csv", infer_schema_length=0)
        assert csv.columns == list(c.SCORECARD_COLUMNS)
        assert csv.height == evaluation.scorecard.height
        book = openpyxl.load_workbook(tmp_path / "scorecard.xlsx", read_only=True)
        assert book.sheetnames == ["Cover", "Notes", "Latest", "Scorecard"]

    def test_unknown_framework_file(self) -> None:
        with pytest.raises(OutcomesInputError, match="not the name of a shipped file"):
            load_framework("no-such-framework")

    def test_shipped_plan_flags(self, tmp_path: Path) -> None:
        progress = action_progress_file(as_of=dt.date(2023, 6, 30))
        overdue = progress.flags.filter(pl.col(c.OVERDUE)).get_column(c.CODE).to_list()
        assert overdue == ["1.1", "1.2", "1.3"]
        assert progress.flags.get_column(c.STALE).all()
        files = write_actions(progress, tmp_path)
        assert {p.name for p in files} == {
            "actions.csv",
            "milestones.csv",
            "updates.csv",
            "action_summary.csv",
            "actions.ods",
            "actions.xlsx",
        }

    def test_record_update_saves_the_plan(self, tmp_path: Path) -> None:
        path = tmp_path / "plan.yaml"
        path.write_text(read_action_plan_file().path.read_text(encoding="utf-8"), encoding="utf-8")
        update = Update(date=dt.date(2023, 5, 1), text="Campaign planned")
        record_action_update(path, code="7.4", update=update)
        assert path.read_text(encoding="utf-8").startswith("# Action plan of the Staffordshire")
        progress = action_progress_file(path, as_of=dt.date(2023, 6, 30))
        row = progress.flags.filter(pl.col(c.CODE) == "7.4").row(0, named=True)
        assert (row[c.LAST_UPDATE], row[c.STALE]) == (dt.date(2023, 5, 1), False)
        with pytest.raises(OutcomesInputError, match=r"no detailed action '9\.9'"):
            record_action_update(path, code="9.9", update=update)
