"""Derivation from measures and population, the supply gap, and the CSV cell checks."""

from __future__ import annotations

import csv
import io
from typing import Any

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from careforce.core.projections import columns as c
from careforce.core.projections.derivation import (
    derive_parameters,
    driver_name,
)
from careforce.core.projections.input_tables import (
    InputDataError,
    period_end_year,
    typed_numbers,
)
from careforce.core.projections.parameters import parameters_json_schema
from careforce.core.projections.projection import project
from careforce.core.projections.supply import supply_counts, supply_gap
from careforce.core.projections.validation import parse_parameters
from careforce.core.vocab.published import PUBLISHED_COLUMNS as INDICATOR_COLUMNS

pytestmark = pytest.mark.unit


def text_frame(text: str) -> pl.DataFrame:
    """CSV text as the io layer gives it: text columns and the line each row starts on."""
    rows = list(csv.reader(io.StringIO(text.strip() + "\n")))
    header, body = rows[0], rows[1:]
    return pl.DataFrame(
        {name: [row[i] for row in body] for i, name in enumerate(header)}
        | {c.SOURCE_LINE: list(range(2, len(body) + 2))},
        schema={**dict.fromkeys(header, pl.String), c.SOURCE_LINE: pl.Int64},
    )


def indicator(measure: str, period: str, value: str, **extra: str) -> str:
    cells = {
        "measure_id": measure,
        "measure_name": measure.replace("_", " "),
        "period": period,
        "area_code": "E10000028",
        "area_name": "Staffordshire",
        "breakdown": "total",
        "breakdown_value": "all",
        "value": value,
        "unit": "count",
        **extra,
    }
    return ",".join(cells.get(name, "") for name in INDICATOR_COLUMNS)


HEADER = ",".join(INDICATOR_COLUMNS)
INDICATORS = "\n".join(
    [
        HEADER,
        indicator("filled_posts", "2020/21", "20500"),
        indicator("filled_posts", "2021/22", "21000"),
        indicator("vacancies", "2021/22", "2063"),
        indicator("turnover_rate", "2020/21", "0.282"),
        indicator("turnover_rate", "2021/22", "0.322"),
        indicator("leavers_remaining_in_sector", "2020/21", "0.64"),
        indicator("leavers_remaining_in_sector", "2021/22", "0.59"),
        indicator("sickness_days", "2021/22", "9.4"),
    ]
)
GROWTH = [0, 1.54, 3.11, 4.67, 6.47, 8.49, 10.50, 12.50, 14.48, 16.44, 18.40]
POPULATION = "area_code,area_name,age_band,year,population\n" + "\n".join(
    f"E10000028,Staffordshire,65+,{2022 + t},{round(200000 * (1 + g / 100))}"
    for t, g in enumerate(GROWTH)
)


def derive(**options: Any) -> Any:
    return derive_parameters(text_frame(INDICATORS), text_frame(POPULATION), **options)


class TestDeriveParameters:
    def test_base_is_filled_posts_plus_vacancies_of_the_latest_period(self) -> None:
        derived = derive()
        group = derived.data["groups"][0]
        assert derived.data["base_year"] == 2022
        assert group["base_workforce"] == 23063
        assert group["base_vacancies"] == 2063
        assert derived.notes[("groups", 0, "base_workforce")].startswith(
            "filled_posts 21000 (indicators.csv line 3) + vacancies 2063 (line 4), 2021/22"
        )

    def test_replacement_rate_is_mean_turnover_times_mean_share_leaving(self) -> None:
        group = derive().data["groups"][0]
        assert group["turnover_rate"] == pytest.approx(0.302)
        assert group["leaving_sector_share"] == pytest.approx(0.385)

    def test_reproduces_the_published_table_with_the_fitted_elasticity(self) -> None:
        derived = derive(elasticity=1.2827)
        params = parse_parameters(derived.data, parameters_json_schema())
        frame = project(params).filter(pl.col(c.YEAR).is_in([2024, 2027, 2032]))
        totals = [round(v) for v in frame.sort(c.YEAR).get_column(c.TOTAL_NEW_STAFF).to_list()]
        assert totals == [6336, 16462, 34948]

    def test_default_report_years_and_driver(self) -> None:
        derived = derive()
        assert derived.data["report_years"] == [2024, 2027, 2032]
        assert derived.data["drivers"]["pop65_plus"]["population"][2032] == 236800

    def test_declares_scenarios_and_observed_ranges(self) -> None:
        data = derive().data
        assert set(data["scenarios"]) == {
            "turnover_falls_5_points_by_2027",
            "vacancies_filled_by_2027",
        }
        ranges = {entry["parameter"]: entry for entry in data["uncertainty"]}
        assert ranges["groups.adult.turnover_rate"]["low"] == pytest.approx(0.282)
        assert ranges["groups.adult.leaving_sector_share"]["high"] == pytest.approx(0.41)

    @pytest.mark.parametrize(
        ("indicators", "population", "options", "message"),
        [
            pytest.param(
                INDICATORS.replace("2063", ""),
                POPULATION,
                {},
                "no vacancies value for 2021/22",
                id="suppressed-vacancies",
            ),
            pytest.param(
                INDICATORS.replace("0.322", "32.2%"),
                POPULATION,
                {},
                "line 6, column value, value '32.2%': is not a number",
                id="percent-sign",
            ),
            pytest.param(
                INDICATORS,
                POPULATION.replace("65+", "65-74"),
                {},
                "no age band '65+'",
                id="missing-band",
            ),
            pytest.param(
                INDICATORS, POPULATION, {"area_code": "E99"}, "no rows for area E99", id="area"
            ),
            pytest.param(
                INDICATORS,
                POPULATION,
                {"report_years": [2040]},
                "report year 2040 is outside",
                id="report-year",
            ),
            pytest.param(
                INDICATORS + "\n" + indicator("vacancies", "2021/22", "5"),
                POPULATION,
                {},
                "is given twice (also on line 4)",
                id="duplicate",
            ),
        ],
    )
    def test_reports_what_is_missing_and_where(
        self, indicators: str, population: str, options: dict[str, Any], message: str
    ) -> None:
        with pytest.raises(InputDataError) as caught:
            derive_parameters(text_frame(indicators), text_frame(population), **options)
        assert message in str(caught.value)

    def test_several_areas_need_a_choice(self) -> None:
        other = INDICATORS.replace("E10000028", "E10000029").split("\n", 1)[1]
        with pytest.raises(InputDataError, match="choose one with --area"):
            derive_parameters(text_frame(INDICATORS + "\n" + other), text_frame(POPULATION))

    @pytest.mark.parametrize(
        ("band", "name"),
        [("65+", "pop65_plus"), ("0-17", "pop0_17"), ("85+", "pop85_plus")],
        ids=["65+", "0-17", "85+"],
    )
    def test_driver_names(self, band: str, name: str) -> None:
        assert driver_name(band) == name


SUPPLY = """year,sector_subject_area,measure,count
2019/20,Health and Social Care,enrolments,5600
2019/20,Health and Social Care,apprenticeship_starts,1500
2020/21,Health and Social Care,enrolments,5820
2020/21,Health and Social Care,apprenticeship_starts,1680
2020/21,Child Development and Well Being,enrolments,510
"""


class TestSupply:
    def test_counts_by_year_in_the_chosen_subject_areas(self) -> None:
        counts = supply_counts(text_frame(SUPPLY), subject_areas=["health & social care"])
        expected = pl.DataFrame(
            {
                c.YEAR: [2020, 2021],
                c.ENROLMENTS: [5600.0, 5820.0],
                c.APPRENTICESHIP_STARTS: [1500.0, 1680.0],
            }
        )
        assert_frame_equal(counts, expected)

    def test_gap_uses_the_latest_training_year_and_entry_share(self) -> None:
        params = parse_parameters(
            {
                "schema_version": "1",
                "name": "t",
                "base_year": 2020,
                "report_years": [2022],
                "groups": [{"name": "g", "base_workforce": 10000, "replacement_rate": 0.5}],
            },
            parameters_json_schema(),
        )
        gap = supply_gap(
            project(params),
            supply_counts(text_frame(SUPPLY)),
            base_year=2020,
            entry_share=0.5,
        )
        assert gap.get_column(c.SUPPLY_YEAR).to_list() == [2021, 2021]
        assert gap.get_column(c.NEW_STAFF_IN_YEAR).to_list() == pytest.approx([5000.0, 5000.0])
        assert gap.get_column(c.PIPELINE).to_list() == pytest.approx([3750.0, 3750.0])
        assert gap.get_column(c.GAP).to_list() == pytest.approx([1250.0, 1250.0])

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            pytest.param(
                SUPPLY.replace("apprenticeship_starts,1500", "starts,1500"),
                "line 3, column measure, value 'starts'",
                id="measure",
            ),
            pytest.param(
                SUPPLY.replace("5820", "lots"), "line 4, column count, value 'lots'", id="count"
            ),
            pytest.param(
                SUPPLY.replace("2019/20", "2019/21"), "does not span two consecutive", id="year"
            ),
            pytest.param(SUPPLY.replace("count", "n"), "missing column(s) count", id="header"),
        ],
    )
    def test_bad_cells_name_line_column_and_value(self, text: str, message: str) -> None:
        with pytest.raises(InputDataError) as caught:
            supply_counts(text_frame(text))
        assert message in str(caught.value)

    def test_no_matching_subject_area_lists_those_present(self) -> None:
        with pytest.raises(InputDataError, match="the file has Health and Social Care"):
            supply_counts(text_frame(SUPPLY), subject_areas=["Nursing"])


class TestInputCells:
    @pytest.mark.parametrize(
        ("period", "year"),
        [
            ("2021/22", 2022),
            ("2021-22", 2022),
            ("2021/2022", 2022),
            ("2022", 2022),
            ("1999/00", 2000),
        ],
        ids=["slash", "dash", "long", "year", "century"],
    )
    def test_period_end_year(self, period: str, year: int) -> None:
        assert period_end_year(period) == year

    def test_numbers_allow_empty_cells_when_asked(self) -> None:
        frame = text_frame('value\n"1,234"\n""\n5')
        typed = typed_numbers(frame, "value", allow_empty=True)
        assert typed.get_column("value").to_list() == [1234.0, None, 5.0]

    def test_empty_number_is_an_error_when_required(self) -> None:
        with pytest.raises(InputDataError, match="line 3, column value, value '': is empty"):
            typed_numbers(text_frame('value\n1\n""'), "value", allow_empty=False)
