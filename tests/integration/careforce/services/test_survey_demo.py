"""The demo survey rounds reproduce the strategy's published 2022 headlines and counts (the
shipped baseline round), and the later round moves plausibly."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from careforce.core.intervals import wilson_limits
from careforce.core.survey.analysis import option_ranking
from careforce.core.survey.themes import theme_counts
from careforce.core.vocab import published as pub
from careforce.io.survey_files import (
    read_codebook,
    read_questionnaire_file,
    shipped_baseline,
    shipped_baseline_answers,
)
from careforce.services.survey import import_export, write_baseline, write_demo_survey

pytestmark = pytest.mark.integration

AREA = ("E10000028", "Staffordshire")
HEADLINES = {
    "job_satisfaction_share": 0.8,
    "would_recommend_share": 0.6,
    "considering_leaving_share": 0.2,
    "organisations_struggling_to_recruit_share": 0.9,
    "organisations_struggling_to_retain_share": 0.5,
}
"""The strategy's headlines: 4 in 5, 3 in 5, 1 in 5, 9 in 10, 5 in 10."""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("demo")
    return out, write_demo_survey(out, seed=20220601, area=AREA)


def totals(paths: list[Path], round_name: str) -> dict[str, dict[str, object]]:
    rows = pl.concat(
        [pl.read_csv(p, infer_schema_length=None) for p in paths], how="vertical_relaxed"
    )
    chosen = rows.filter(
        (pl.col(pub.PERIOD).cast(pl.String) == round_name) & (pl.col(pub.BREAKDOWN) == pub.TOTAL)
    )
    return {row[pub.MEASURE_ID]: row for row in chosen.iter_rows(named=True)}


class TestBaseline:
    def test_headlines_and_intervals(self) -> None:
        baseline = pl.read_csv(shipped_baseline())
        for measure_id, value in HEADLINES.items():
            row = baseline.filter(pl.col(pub.MEASURE_ID) == measure_id).row(0, named=True)
            n = 62.0 if measure_id.startswith("organisations") else 261.0
            lower, upper = wilson_limits(pl.lit(value), pl.lit(n))
            expected = pl.select(lower.alias("l"), upper.alias("u")).row(0)
            assert (row[pub.VALUE], row[pub.DENOMINATOR]) == (value, n)
            assert (row[pub.LOWER], row[pub.UPPER]) == pytest.approx(expected, abs=1e-6)

    def test_questions_not_asked_in_2022_are_not_available(self) -> None:
        baseline = pl.read_csv(shipped_baseline())
        missing = baseline.filter(pl.col(pub.SYMBOL) == "[x]").get_column(pub.MEASURE_ID).to_list()
        assert "feels_valued_by_employer_share" in missing
        assert baseline.filter(pl.col(pub.SYMBOL) == "[x]").get_column(
            pub.VALUE
        ).null_count() == len(missing)

    def test_written_by_the_command(self, tmp_path: Path) -> None:
        files = write_baseline(tmp_path)
        assert [f.name for f in files] == ["survey_measures.csv", "survey_answers.csv"]
        assert files[0].read_bytes() == shipped_baseline().read_bytes()


class TestDemoRounds:
    def test_published_counts_of_respondents(self, demo: tuple[Path, list[Path]]) -> None:
        found = totals(demo[1], "2022")
        assert found["would_recommend_share"][pub.DENOMINATOR] == 261
        assert found["organisations_struggling_to_recruit_share"][pub.DENOMINATOR] == 62

    @pytest.mark.parametrize(
        ("measure_id", "headline"), list(HEADLINES.items()), ids=list(HEADLINES)
    )
    def test_2022_reproduces_the_headline(
        self, demo: tuple[Path, list[Path]], measure_id: str, headline: float
    ) -> None:
        value = totals(demo[1], "2022")[measure_id][pub.VALUE]
        assert isinstance(value, float)
        assert abs(value - headline) <= 0.005

    def test_published_answer_counts(self, demo: tuple[Path, list[Path]]) -> None:
        out, _ = demo
        answers = pl.read_csv(shipped_baseline_answers())
        for questionnaire in ("staff", "organisations"):
            read = import_export(
                questionnaire=questionnaire,
                responses=out / "data" / "survey" / f"{questionnaire}-2022.csv",
                mapping=None,
                round_name="2022",
            )
            assert read.imported.errors == []
            frame = read.imported.responses.lazy()
            spec = read_questionnaire_file(questionnaire).questionnaire
            for question, answer, chosen in (
                answers.filter(pl.col("questionnaire") == questionnaire)
                .select("question", "answer", "chosen")
                .iter_rows()
            ):
                if spec.question(question).type.value == "free_text":
                    counts = theme_counts(
                        frame, question=question, codebook=read_codebook()
                    ).collect()
                    got = counts.filter(pl.col("theme") == answer).get_column("chosen").item()
                else:
                    ranking = option_ranking(
                        frame, question=question, options=spec.question(question).option_values()
                    ).collect()
                    got = ranking.filter(pl.col("answer") == answer).get_column("chosen").item()
                assert (question, answer, got) == (question, answer, chosen)

    def test_satisfaction_falls_with_years_in_role(self, demo: tuple[Path, list[Path]]) -> None:
        rows = pl.read_csv(demo[0] / "survey" / "2022" / "staff" / "survey_measures.csv")
        shares = rows.filter(
            (pl.col(pub.MEASURE_ID) == "job_satisfaction_share")
            & (pl.col(pub.BREAKDOWN) == "years_in_role")
        ).select(pub.BREAKDOWN_VALUE, pub.VALUE)
        by_band = dict(shares.iter_rows())
        order = ["under-1", "1-to-2", "3-to-5", "6-to-10", "over-10"]
        values = [by_band[band] for band in order]
        assert values == sorted(values, reverse=True)

    def test_later_round_fills_the_new_measures(self, demo: tuple[Path, list[Path]]) -> None:
        found = totals(demo[1], "2023")
        assert found["feels_valued_by_employer_share"][pub.VALUE] == pytest.approx(184 / 296)
        assert totals(demo[1], "2022")["feels_valued_by_employer_share"][pub.SYMBOL] == "[x]"
        assert totals(demo[1], "2024")["feels_valued_by_employer_share"][pub.VALUE] == (
            pytest.approx(round(0.66 * 318) / 318)
        )

    def test_later_round_answers_the_training_questions(
        self, demo: tuple[Path, list[Path]]
    ) -> None:
        # 54% of the 296 working respondents received all the training they needed (160).
        found = totals(demo[1], "2023")
        assert found["training_received_share"][pub.NUMERATOR] == 160
        assert found["training_received_share"][pub.DENOMINATOR] == 296
        assert totals(demo[1], "2022")["training_received_share"][pub.SYMBOL] == "[x]"
        rows = pl.concat(
            [pl.read_csv(p, infer_schema_length=None) for p in demo[1]], how="vertical_relaxed"
        ).filter(
            (pl.col(pub.MEASURE_ID) == "training_wanted_share")
            & (pl.col(pub.PERIOD).cast(pl.String) == "2023")
        )
        wanted = dict(zip(rows[pub.BREAKDOWN_VALUE], rows[pub.NUMERATOR], strict=True))
        # 34% of 296 chose dementia care (101), 5% assisting and moving people (15); every one
        # who answered chose something (the 10% who chose none of these count in the denominator).
        assert (wanted["Dementia care"], wanted["Assisting and moving people"]) == (101, 15)
        assert set(rows[pub.BREAKDOWN]) == {"training_category"}
        assert set(rows[pub.DENOMINATOR]) == {296}

    def test_later_rounds_follow_the_workforce_story(self, demo: tuple[Path, list[Path]]) -> None:
        # Turnover and vacancies fall from their 2021/22 peak in the demo's returns; staff
        # considering leaving and organisations struggling to recruit and retain fall with them.
        rounds = ("2022", "2023", "2024")
        found = {name: totals(demo[1], name) for name in rounds}

        def values(measure_id: str) -> list[float]:
            return [round(float(found[name][measure_id][pub.VALUE]), 3) for name in rounds]

        assert values("considering_leaving_share") == [0.196, 0.186, 0.16]
        assert values("organisations_struggling_to_recruit_share") == [0.903, 0.843, 0.757]
        assert values("organisations_struggling_to_retain_share") == [0.5, 0.457, 0.405]
        assert values("job_satisfaction_share") == [0.8, 0.804, 0.827]
        assert [found[name]["would_recommend_share"][pub.DENOMINATOR] for name in rounds] == [
            261,
            310,
            333,
        ]
