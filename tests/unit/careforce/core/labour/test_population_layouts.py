"""ONS population layouts (SNPP and mid-year estimates) in the long layout, with counties added
up from their districts."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.sources.labour.common import LabourFileError
from careforce.core.sources.population import layout_of, population_long

pytestmark = pytest.mark.unit

LOOKUP = pl.DataFrame(
    {
        "lad_code": ["E07000001", "E07000002"],
        "lad_name": ["One", "Two"],
        "county_code": ["E10000099", "E10000099"],
        "county_name": ["Shire", "Shire"],
        "source_line": [2, 3],
    }
)


def snpp() -> pl.DataFrame:
    rows = []
    line = 2
    for code, name, scale in (("E07000001", "One", 1.0), ("E07000002", "Two", 2.0)):
        for sex in ("males", "females", "persons"):
            for age in [str(a) for a in range(90)] + ["90 and over", "All ages"]:
                factor = 2 if sex == "persons" else 1
                value = 0.0 if age == "All ages" else 10.0 * scale * factor
                rows.append(
                    {
                        "AREA_CODE": code,
                        "AREA_NAME": name,
                        "COMPONENT": "Population",
                        "SEX": sex,
                        "AGE_GROUP": age,
                        "2018": f"{value:.3f}",
                        "2019": f"{value * 1.1:.3f}",
                        "source_line": line,
                    }
                )
                line += 1
    return pl.DataFrame(rows)


def values(frame: pl.DataFrame) -> dict[tuple[str, str, str], float]:
    return {
        (r["area_code"], r["age_band"], r["year"]): float(r["population"])
        for r in frame.iter_rows(named=True)
    }


class TestSnpp:
    def test_bands_persons_and_county(self) -> None:
        raw = snpp()
        assert layout_of(raw) == "snpp"
        got = values(population_long(raw, LOOKUP))
        # persons: 20 a year of age in One, 40 in Two; 91 single years (0-89 and 90+).
        assert got[("E07000001", "0-17", "2018")] == 18 * 20
        assert got[("E07000001", "65+", "2018")] == 26 * 20
        assert got[("E07000001", "85+", "2018")] == 6 * 20
        assert got[("E07000002", "All ages", "2018")] == 91 * 40
        assert got[("E10000099", "All ages", "2018")] == 91 * 60
        assert got[("E10000099", "18-64", "2019")] == pytest.approx(47 * 60 * 1.1)

    def test_bad_value_named(self) -> None:
        raw = snpp().with_columns(
            pl.when(pl.col("source_line") == 190)
            .then(pl.lit("n/a"))
            .otherwise(pl.col("2018"))
            .alias("2018")
        )
        with pytest.raises(LabourFileError, match="line 190, column 2018: 'n/a'"):
            population_long(raw, LOOKUP)


class TestMidYearEstimates:
    def test_sexes_summed_and_county(self) -> None:
        rows = [
            {
                "ladcode23": code,
                "laname23": code,
                "country": "E",
                "sex": sex,
                "age": str(age),
                "population_2022": "5",
                "population_2023": "6",
                "source_line": 2,
            }
            for code in ("E07000001", "E07000002")
            for sex in ("M", "F")
            for age in range(91)
        ]
        raw = pl.DataFrame(rows)
        assert layout_of(raw) == "mye"
        got = values(population_long(raw, LOOKUP))
        assert got[("E07000001", "All ages", "2022")] == 91 * 10
        assert got[("E10000099", "85+", "2023")] == 6 * 12 * 2

    def test_long_layout_unchanged(self) -> None:
        raw = pl.DataFrame(
            {
                "area_code": ["E1"],
                "age_band": ["65+"],
                "year": ["2022"],
                "population": ["1"],
                "source_line": [2],
            }
        )
        assert layout_of(raw) == "long"
        assert population_long(raw, LOOKUP).equals(raw)
