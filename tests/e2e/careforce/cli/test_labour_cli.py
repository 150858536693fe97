"""``careforce labour compute`` on public-layout files with known answers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app
from careforce.core.vocab.published import PUBLISHED_COLUMNS
from labour_support import (
    POSTINGS_CSV,
    VENDOR_MAPPING_CSV,
    VENDOR_POSTINGS_CSV,
    ashe_csv,
    bres_csv,
    business_csv,
    census_sex_csv,
    claimant_csv,
    enrolments_csv,
)

pytestmark = pytest.mark.e2e


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def cell(
    table: list[dict[str, str]],
    measure: str,
    area: str = "E10000028",
    breakdown_value: str = "all",
    period: str | None = None,
) -> dict[str, str]:
    found = [
        r
        for r in table
        if r["measure_id"] == measure
        and r["area_code"] == area
        and r["breakdown_value"] == breakdown_value
        and (period is None or r["period"] == period)
    ]
    assert len(found) == 1, (measure, area, breakdown_value, found)
    return found[0]


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, str]]]:
    folder = tmp_path_factory.mktemp("labour")
    out = folder / "out"
    result = CliRunner().invoke(
        app,
        [
            "labour",
            "compute",
            "--postings",
            str(write(folder, "postings.csv", POSTINGS_CSV)),
            "--nomis",
            str(write(folder, "claimant.csv", claimant_csv())),
            "--nomis",
            str(write(folder, "bres.csv", bres_csv(), "utf-8-sig")),
            "--nomis",
            str(write(folder, "business.csv", business_csv())),
            "--nomis",
            str(write(folder, "ashe.csv", ashe_csv(), "cp1252")),
            "--census",
            str(write(folder, "ts008.csv", census_sex_csv(suffix=True))),
            "--enrolments",
            str(write(folder, "enrol.csv", enrolments_csv(old=True))),
            "--area",
            "E10000028",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    return out, rows(out / "labour.csv")


class TestLabourCompute:
    def test_columns_are_the_published_table(
        self, computed: tuple[Path, list[dict[str, str]]]
    ) -> None:
        out, _ = computed
        header = (out / "labour.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == list(PUBLISHED_COLUMNS)
        assert (out / "labour.ods").stat().st_size > 0
        assert (out / "labour.xlsx").stat().st_size > 0

    def test_postings(self, computed: tuple[Path, list[dict[str, str]]]) -> None:
        _, table = computed
        assert cell(table, "postings_total")["value"] == "4.0"
        assert cell(table, "postings_unique")["value"] == "3.0"
        assert cell(table, "posting_duration_median")["value"] == "20.0"
        assert cell(table, "postings_total")["period"] == "2021-09/2022-08"
        assert cell(table, "postings_unique", breakdown_value="Support Workers")["value"] == "2.0"

    def test_claimants_with_named_england_comparator(
        self, computed: tuple[Path, list[dict[str, str]]]
    ) -> None:
        out, table = computed
        assert cell(table, "claimant_count", period="2022-04")["value"] == "15515.0"
        assert cell(table, "claimant_rate", period="2022-04")["value"] == "0.029"
        change = cell(table, "claimant_count_change", period="2022-04")
        assert change["value"] == "-495.0"
        rate = cell(table, "claimant_count_change_rate", period="2022-04")
        assert float(rate["value"]) == pytest.approx(-495 / 16010)
        assert float(rate["comparator_value"]) == pytest.approx(-42000 / 1200000)
        named = [
            r
            for r in rows(out / "labour_comparators.csv")
            if r["measure_id"] == "claimant_count_change_rate" and r["area_code"] == "E10000028"
        ]
        assert named[0]["comparator"] == "England, claimant count 2022-04"
        # labour.csv names it beside the value too.
        assert rate["comparator_name"] == "England, claimant count 2022-04"

    def test_sector_employment_excludes_child_day_care(
        self, computed: tuple[Path, list[dict[str, str]]]
    ) -> None:
        _, table = computed
        assert cell(table, "sector_employment")["value"] == "13500.0"
        share = cell(table, "sector_employment_share")
        assert float(share["value"]) == pytest.approx(13500 / 355000)
        assert float(share["comparator_value"]) == pytest.approx(1290000 / 30000000)

    def test_business_sizes(self, computed: tuple[Path, list[dict[str, str]]]) -> None:
        _, table = computed
        assert float(
            cell(table, "business_count_share", breakdown_value="micro (0 to 9)")["value"]
        ) == pytest.approx(0.52)
        assert float(
            cell(table, "business_count_share", breakdown_value="large (250 or more)")["value"]
        ) == pytest.approx(0.02)

    def test_pay_and_suppressed_symbol(self, computed: tuple[Path, list[dict[str, str]]]) -> None:
        _, table = computed
        assert cell(table, "hourly_pay_all_sectors")["value"] == "13.56"
        suppressed = cell(table, "hourly_pay_all_sectors", area="E07000192")
        assert (suppressed["value"], suppressed["symbol"]) == ("", "[c]")

    def test_census_and_workforce_comparators(
        self, computed: tuple[Path, list[dict[str, str]]]
    ) -> None:
        out, table = computed
        assert float(
            cell(table, "census_share", breakdown_value="Female")["value"]
        ) == pytest.approx(0.505)
        named = [
            r for r in rows(out / "labour_comparators.csv") if r["measure_id"] == "workforce_share"
        ]
        assert {r["breakdown_value"] for r in named} == {"Female", "Male"}
        assert named[0]["comparator"] == "Census 2021 residents (TS008), Staffordshire"

    def test_skills_supply(self, computed: tuple[Path, list[dict[str, str]]]) -> None:
        _, table = computed
        hsc = "Health and Social Care"
        assert cell(table, "enrolments", breakdown_value=hsc, period="2020/21")["value"] == "5820.0"
        share = cell(table, "enrolments_share", breakdown_value=hsc, period="2020/21")
        assert float(share["value"]) == pytest.approx(5820 / 25867)
        change = cell(table, "enrolments_change", breakdown_value=hsc)
        assert change["period"] == "2018/19 to 2020/21"
        assert change["numerator"] == "30.0"
        assert float(change["value"]) == pytest.approx(30 / 5790)
        assert (
            cell(table, "enrolments", breakdown_value="Hairdressing", period="2020/21")["symbol"]
            == "[c]"
        )


def test_vendor_extract_with_mapping_and_window(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "labour",
            "compute",
            "--postings",
            str(write(tmp_path, "vendor.csv", VENDOR_POSTINGS_CSV)),
            "--postings-mapping",
            str(write(tmp_path, "mapping.csv", VENDOR_MAPPING_CSV)),
            "--area",
            "E10000028",
            "--window",
            "2021-09/2021-09",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    table = rows(out / "labour.csv")
    assert cell(table, "posting_intensity")["value"] == "2.0"
    assert cell(table, "posting_duration_median")["value"] == "39.0"
    assert cell(table, "postings_total")["period"] == "2021-09/2021-09"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no input given"),
        (["--postings", "missing.csv", "--area", "E1"], "cannot be read"),
        (["--window", "2022/2021"], "window"),
    ],
    ids=["nothing", "missing-file", "bad-window"],
)
def test_unusable_inputs(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["labour", "compute", *args, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_error_in_postings_named_by_line(tmp_path: Path) -> None:
    bad = write(
        tmp_path, "p.csv", POSTINGS_CSV.replace("2021-09-02,2021-09-30", "2021-09-02,31/02/2021")
    )
    result = CliRunner().invoke(
        app,
        ["labour", "compute", "--postings", str(bad), "--area", "E1", "--out", str(tmp_path / "o")],
    )
    assert result.exit_code == 2
    assert "line 4, column expiry_date, value '31/02/2021'" in " ".join(result.output.split())
