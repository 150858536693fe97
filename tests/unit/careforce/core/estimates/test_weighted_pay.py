"""Hourly pay weighted to the estimated workforce by service group and size band, on a
hand-built run with known answers."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from careforce.core.estimates.estimate import Estimates, Replicates
from careforce.core.estimates.pay import weighted_pay_rows

pytestmark = pytest.mark.unit

AREA = "E10000028"


def _estimates() -> Estimates:
    # Residential small (10-49 posts): a returned home of 20 posts and a modelled one of 30
    # (cell weight 50). Home care micro (1-9): a returned agency of 5 posts and two modelled of
    # 5 (cell weight 15). A nursing home of 60 posts (medium) that never returned: no pay.
    locations = pl.DataFrame(
        {
            "location_id": ["L1", "L2", "L3", "L4", "L5", "L6"],
            "area_code": [AREA] * 6,
            "service_group": [
                "residential",
                "residential",
                "home care",
                "home care",
                "home care",
                "nursing",
            ],
            "filled_posts": [20.0, 30.0, 5.0, 5.0, 5.0, 60.0],
            "workplace_ref": ["W1", None, "W3", None, None, None],
            "snapshot": [1, None, 1, None, None, None],
        }
    )
    unregistered = pl.DataFrame(
        schema={
            "area_code": pl.String,
            "service_group": pl.String,
            "filled_posts": pl.Float64,
            "establishment_id": pl.String,
            "snapshot": pl.Int64,
        }
    )
    return Estimates(
        locations=locations,
        unregistered=unregistered,
        roles=pl.DataFrame(),
        accuracy=pl.DataFrame(),
        replicates=Replicates([], np.zeros((0, 0))),
        findings=pl.DataFrame(),
    )


def _pay() -> pl.DataFrame:
    # W1 (residential): two records at £10 and £12. W3 (home care): one at £13, one unknown.
    return pl.DataFrame(
        {
            "establishment_id": ["W1", "W1", "W3", "W3", "W9"],
            "snapshot": [1, 1, 1, 1, 1],
            "hourly_rate": [10.0, 12.0, 13.0, None, 50.0],
        }
    )


def _value(rows: pl.DataFrame, measure: str, breakdown_value: str) -> float:
    found = rows.filter(
        (pl.col("measure_id") == measure) & (pl.col("breakdown_value") == breakdown_value)
    )
    return float(found["value"][0])


class TestWeightedPayRows:
    def test_mean_weighted_by_cell_posts(self) -> None:
        rows = weighted_pay_rows(_estimates(), _pay())
        # Residential records weigh 50/2 = 25 each, the home care record 15:
        # (25*10 + 25*12 + 15*13) / 65 = 745 / 65.
        assert _value(rows, "hourly_pay_mean_weighted", "all") == pytest.approx(745 / 65)
        total = rows.filter(
            (pl.col("measure_id") == "hourly_pay_mean_weighted") & (pl.col("breakdown") == "total")
        ).row(0, named=True)
        assert (total["numerator"], total["denominator"], total["contributors"]) == (
            pytest.approx(745.0),
            pytest.approx(65.0),
            2,
        )
        # The unweighted mean of the returns would be (10 + 12 + 13) / 3 = 11.67.
        assert _value(rows, "hourly_pay_mean_weighted", "residential") == pytest.approx(11.0)

    def test_median_weighted_by_cell_posts(self) -> None:
        rows = weighted_pay_rows(_estimates(), _pay())
        # Sorted: £10 (25), £12 (25), £13 (15); half of 65 is 32.5, reached at £12.
        assert _value(rows, "hourly_pay_median_weighted", "all") == 12.0
        assert _value(rows, "hourly_pay_median_weighted", "home care") == 13.0

    def test_cells_without_pay_are_left_out(self) -> None:
        rows = weighted_pay_rows(_estimates(), _pay())
        assert "nursing" not in rows["breakdown_value"].to_list()
        # A workplace that is not in the run (W9) adds nothing.
        assert _value(rows, "hourly_pay_median_weighted", "all") != 50.0

    def test_no_pay_records_no_rows(self) -> None:
        rows = weighted_pay_rows(_estimates(), _pay().clear())
        assert rows.height == 0
