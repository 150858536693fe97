"""Use case: pay floor scenarios (Fair Pay Agreement readiness) from ingested ASC-WDS data."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.frames import worker_measure_frame
from careforce.core.indicators.pay_floors import Floor
from careforce.core.publishing.pay_floors import pay_floor_scenarios
from careforce.io.csv_text import write_csv
from careforce.io.pay_floor_files import floor_rates, shipped_pay_floors
from careforce.io.spreadsheets import Sheet, Workbook, write_ods, write_xlsx
from careforce.services.indicators import districts_lookup, load_ascwds

PAY_FLOORS_STEM: Final = "pay-floors"
"""Stem of the files written (``pay-floors.csv``, ``.ods``, ``.xlsx``)."""
SHIPPED_FLOORS: Final = ("National Living Wage", "real Living Wage")
"""The floors of the shipped table, each taken at the rate in force at the reference date."""


def scenario_floors(rates: Sequence[float]) -> list[Floor]:
    """The shipped floors, then one floor per rate a user supplies."""
    table = shipped_pay_floors()
    floors = [Floor(name, rates=floor_rates(table, name)) for name in SHIPPED_FLOORS]
    floors += [Floor(f"£{rate:.2f} an hour", rate=rate) for rate in rates]
    return floors


def pay_floor_tables(
    ascwds: Sequence[Path],
    *,
    rates: Sequence[float] = (),
    districts: Path | None = None,
    policy: DisclosurePolicy | None = None,
) -> pl.DataFrame:
    """The scenario table of ingestion outputs.

    Raises:
        IndicatorInputError: an input cannot be used.
    """
    workers, places = load_ascwds(ascwds)
    frame = worker_measure_frame(workers, places, districts=districts_lookup(districts))
    chosen = policy or DisclosurePolicy()
    return pay_floor_scenarios(
        frame,
        scenario_floors(rates),
        min_workers=chosen.min_workers,
        min_workplaces=chosen.min_workplaces,
        rounding_base=chosen.rounding_base,
    ).collect()


def write_pay_floors(table: pl.DataFrame, out: Path) -> list[Path]:
    """Write pay-floors.csv, .ods and .xlsx (with a cover saying how it is worked out)."""
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{PAY_FLOORS_STEM}.{suffix}" for suffix in ("csv", "ods", "xlsx")]
    write_csv(files[0], table)
    book = Workbook(
        [
            Sheet(
                name="Cover",
                title="Pay floor scenarios",
                lines=(
                    "Hourly pay of all staff: hourly rates, and annual salaries ÷ (52.14 weeks × "
                    "contracted hours).",
                    "Annual cost of raising everyone to the floor = Σ shortfall × weekly hours × 52.",
                    "Counts are rounded to the nearest 5; cells of few workers or workplaces are [c].",
                ),
            ),
            Sheet(name="Scenarios", title="Pay floor scenarios", table=table),
        ]
    )
    write_ods(files[1], book)
    write_xlsx(files[2], book)
    return files
