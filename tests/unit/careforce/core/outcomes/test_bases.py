"""The indicator results on the estimated or the returned base: a measure with a whole-sector
counterpart takes the counterpart's figures cell by cell, every row labelled."""

from __future__ import annotations

from types import SimpleNamespace

import polars as pl
import pytest

from careforce.core.outcomes import columns as c
from careforce.core.outcomes.bases import indicators_on_base
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import Base

pytestmark = pytest.mark.unit

ESTIMATED = "estimated for the whole sector"
RETURNED = "returns only"


def _results(build: SimpleNamespace) -> list[dict[str, object]]:
    return [
        *build.rows(
            "turnover_rate",
            {"2020/21": (0.30, 0.28, 0.32, None), "2021/22": (0.32, 0.30, 0.34, None)},
        ),
        # The estimates exist for the latest period only.
        *build.rows("turnover_rate_weighted", {"2021/22": (0.29, None, None, None)}),
        *build.rows("sickness_days_per_worker", {"2021/22": (9.5, None, None, None)}),
    ]


def _on(build: SimpleNamespace, base: Base) -> pl.DataFrame:
    frame = pl.DataFrame(_results(build)).lazy()
    return indicators_on_base(frame, base=base).collect().sort(pub.MEASURE_ID, pub.PERIOD)


class TestIndicatorsOnBase:
    def test_estimated_base_takes_the_counterpart_where_it_exists(
        self, build: SimpleNamespace
    ) -> None:
        frame = _on(build, Base.ESTIMATED)
        turnover = frame.filter(pl.col(pub.MEASURE_ID) == "turnover_rate")
        assert turnover.select(pub.PERIOD, pub.VALUE, c.BASE).rows() == [
            ("2020/21", 0.30, RETURNED),
            ("2021/22", 0.29, ESTIMATED),
        ]

    def test_counterpart_rows_are_kept_under_their_own_id(self, build: SimpleNamespace) -> None:
        frame = _on(build, Base.ESTIMATED)
        assert frame.height == 4
        kept = frame.filter(pl.col(pub.MEASURE_ID) == "turnover_rate_weighted")
        assert kept.select(pub.VALUE, c.BASE).rows() == [(0.29, RETURNED)]

    def test_returned_base_replaces_nothing(self, build: SimpleNamespace) -> None:
        frame = _on(build, Base.RETURNED)
        turnover = frame.filter(pl.col(pub.MEASURE_ID) == "turnover_rate")
        assert turnover.get_column(pub.VALUE).to_list() == [0.30, 0.32]
        assert set(frame.get_column(c.BASE)) == {RETURNED}

    @pytest.mark.parametrize("base", list(Base), ids=[b.name.lower() for b in Base])
    def test_survey_measures_are_of_no_base(self, build: SimpleNamespace, base: Base) -> None:
        # What staff said in a survey round is neither the returns nor an estimate.
        rows = [
            *_results(build),
            *build.rows("considering_leaving_share", {"2022": (0.2, 0.15, 0.25, None)}),
        ]
        frame = indicators_on_base(
            pl.DataFrame(rows).lazy(), base=base, unlabelled=["considering_leaving_share"]
        ).collect()
        survey = frame.filter(pl.col(pub.MEASURE_ID) == "considering_leaving_share")
        assert survey.get_column(c.BASE).to_list() == [None]
        others = frame.filter(pl.col(pub.MEASURE_ID) != "considering_leaving_share")
        assert others.get_column(c.BASE).null_count() == 0


class TestScorecardBase:
    def test_each_period_says_its_base(self, build: SimpleNamespace) -> None:
        data = build.framework(
            {"code": "1.1b", "title": "Turnover", "sources": [{"measure_id": "turnover_rate"}]}
        )
        frame = pl.DataFrame(_results(build)).lazy()
        rows = indicators_on_base(frame, base=Base.ESTIMATED).collect().to_dicts()
        scorecard = build.score(data, rows, with_base=True)
        assert scorecard.select(pub.PERIOD, pub.VALUE, c.BASE).rows() == [
            ("2020/21", 0.30, RETURNED),
            ("2021/22", 0.29, ESTIMATED),
        ]
        # The change since the baseline compares the two figures as shown, each with its base.
        assert scorecard[c.CHANGE_SINCE_BASELINE][1] == pytest.approx(-0.01)
