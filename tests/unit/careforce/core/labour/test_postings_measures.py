"""Job postings measures on hand-built postings with known duplicates and durations."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from careforce.core.labour.postings import (
    Window,
    default_window,
    family_key,
    posting_measures,
    prepare_postings,
)

pytestmark = pytest.mark.unit

D = dt.date


def postings() -> pl.LazyFrame:
    # Two unique "Support Worker(s)" postings (durations 10 and 30 days), the first duplicated
    # twice; one unique "Care Assistant" posting (20 days) in Leek, duplicated once; one posting
    # of October 2021 outside a September window.
    rows = [
        (
            "P1",
            "Support Workers",
            "Stafford",
            "E07000197",
            D(2021, 9, 1),
            D(2021, 9, 11),
            None,
            ["Safeguarding", "Driving Licence"],
        ),
        (
            "P2",
            "support  worker",
            "stafford",
            "E07000197",
            D(2021, 9, 5),
            D(2021, 10, 5),
            None,
            ["Safeguarding"],
        ),
        (
            "P3",
            "Support Workers",
            "Stafford",
            "E07000197",
            D(2021, 9, 2),
            D(2021, 9, 30),
            "P1",
            ["Safeguarding"],
        ),
        ("P4", "Support Workers", "Stafford", "E07000197", D(2021, 9, 3), None, "P1", []),
        (
            "P5",
            "Care Assistant",
            "Leek",
            "E07000198",
            D(2021, 9, 10),
            D(2021, 9, 30),
            None,
            ["Personal Care", "Personal Care"],
        ),
        ("P6", "Care Assistants", "Leek", "E07000198", D(2021, 9, 12), D(2021, 10, 1), "P5", []),
        ("P7", "Care Assistant", "Leek", "E07000198", D(2021, 10, 1), D(2021, 10, 2), None, []),
    ]
    columns = [
        "posting_id",
        "title",
        "city",
        "local_authority_code",
        "posted_date",
        "expiry_date",
        "duplicate_of",
        "skills",
    ]
    return pl.DataFrame(rows, schema=columns, orient="row").lazy()


def measured(window: Window) -> dict[tuple[str, str, str], float | None]:
    table = posting_measures(
        prepare_postings(postings(), window=window),
        area_code="E10000028",
        area_name="Staffordshire",
        window=window,
    ).collect()
    return {
        (r["measure_id"], r["breakdown"], r["breakdown_value"]): r["value"]
        for r in table.iter_rows(named=True)
    }


class TestPostingMeasures:
    def test_totals_over_the_whole_extract(self) -> None:
        values = measured(Window(D(2021, 9, 1), D(2021, 10, 1)))
        assert values[("postings_total", "total", "all")] == 7
        assert values[("postings_unique", "total", "all")] == 4
        assert values[("posting_intensity", "total", "all")] == pytest.approx(7 / 4)
        # unique durations 10, 30, 20, 1: median 15
        assert values[("posting_duration_median", "total", "all")] == 15

    def test_title_families_merge_case_spacing_and_plurals(self) -> None:
        values = measured(Window(D(2021, 9, 1), D(2021, 9, 1)))
        assert values[("postings_total", "job_title", "Support Workers")] == 4
        assert values[("postings_unique", "job_title", "Support Workers")] == 2
        assert values[("posting_intensity", "job_title", "Support Workers")] == 2
        assert values[("posting_duration_median", "job_title", "Support Workers")] == 20
        assert values[("postings_total", "job_title", "Care Assistant")] == 2
        assert values[("posting_duration_median", "job_title", "Care Assistant")] == 20

    def test_window_leaves_out_other_months(self) -> None:
        values = measured(Window(D(2021, 9, 1), D(2021, 9, 1)))
        assert values[("postings_total", "total", "all")] == 6
        assert ("postings_total", "month", "2021-10") not in values

    def test_city_local_authority_and_month(self) -> None:
        values = measured(Window(D(2021, 9, 1), D(2021, 10, 1)))
        assert values[("postings_total", "city", "Stafford")] == 4
        assert values[("postings_unique", "local_authority", "E07000198")] == 2
        assert values[("postings_total", "month", "2021-10")] == 1
        assert values[("postings_total", "month", "2021-09")] == 6

    def test_skills_share_of_unique_postings(self) -> None:
        values = measured(Window(D(2021, 9, 1), D(2021, 10, 1)))
        assert values[("skills_in_demand", "skill", "Safeguarding")] == pytest.approx(2 / 4)
        assert values[("skills_in_demand", "skill", "Personal Care")] == pytest.approx(1 / 4)

    def test_period_is_the_window(self) -> None:
        window = Window(D(2021, 9, 1), D(2022, 8, 1))
        prepared = prepare_postings(postings(), window=window)
        table = posting_measures(prepared, area_code="E1", area_name="A", window=window).collect()
        assert set(table.filter(pl.col("breakdown") != "month")["period"]) == {"2021-09/2022-08"}


class TestWindow:
    def test_parse(self) -> None:
        assert Window.parse("2021-09/2022-08").label == "2021-09/2022-08"

    @pytest.mark.parametrize(
        "text",
        ["2021-09", "2022-08/2021-09", "Sep 2021/Aug 2022"],
        ids=["one", "backwards", "words"],
    )
    def test_parse_rejects(self, text: str) -> None:
        with pytest.raises(ValueError, match="window"):
            Window.parse(text)

    def test_default_is_whole_months(self) -> None:
        assert default_window(D(2021, 9, 14), D(2022, 8, 31)).label == "2021-09/2022-08"


class TestFamilyKey:
    @pytest.mark.parametrize(
        ("title", "key"),
        [
            ("Support Workers", "support worker"),
            ("support  worker", "support worker"),
            ("Night Nurses", "night nurse"),
            ("Activities Co-ordinators", "activity co ordinator"),
            ("Business Analysts", "business analyst"),
            ("Care Assistant (Nights)", "care assistant night"),
        ],
        ids=["plural", "spacing", "nurses", "ies", "ss", "punctuation"],
    )
    def test_family(self, title: str, key: str) -> None:
        assert pl.select(family_key(pl.lit(title), plurals=True)).item() == key
