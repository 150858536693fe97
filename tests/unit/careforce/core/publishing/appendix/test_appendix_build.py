"""Building the appendix from hand-built rows with known answers."""

from __future__ import annotations

from typing import Any

import pytest

from careforce.core.publishing.appendix.build import build_appendix
from careforce.core.publishing.appendix.cells import MeasureRows, not_after
from careforce.core.publishing.appendix.model import Figure, Paragraph, Table
from careforce.core.publishing.appendix.template import AppendixTemplate

pytestmark = pytest.mark.unit


def build(rows: MeasureRows, *sections: dict[str, Any]) -> Any:
    template = AppendixTemplate.model_validate({"title": "Appendix", "sections": list(sections)})
    return build_appendix(
        template, rows, period="2021/22", area_code="E10000028", area_name="Staffordshire"
    )


def section(*blocks: dict[str, Any], key: str = "s") -> dict[str, Any]:
    return {"key": key, "heading": key.capitalize(), "blocks": list(blocks)}


class TestNotAfter:
    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            ("2020/21", True),
            ("2021/22", True),
            ("2022/23", False),
            ("2022", True),
            ("2023", False),
            ("2022-04", True),
            ("2021-09/2022-08", True),
        ],
    )
    def test_bounds_by_the_appendix_period(self, period: str, expected: bool) -> None:
        assert not_after(period, "2021/22") is expected


class TestText:
    def test_placeholders_show_the_latest_value_no_later_than_the_period(
        self, rows: MeasureRows
    ) -> None:
        built = build(rows, section({"text": "Turnover was {turnover_rate}."}))
        paragraph = built.sections[0].blocks[0]
        assert isinstance(paragraph, Paragraph)
        assert paragraph.text == "Turnover was 32.2%."
        assert paragraph.cells[0].key == ("turnover_rate", "total", "all", "2021/22")

    def test_breakdown_period_and_comparator(self, rows: MeasureRows) -> None:
        text = (
            "{filled_posts|service_group=residential}; {turnover_rate|period=2020/21}; "
            "{vacancy_rate|comparator}; {hourly_pay_median|sector=independent}; {claimant_count}"
        )
        paragraph = build(rows, section({"text": text})).sections[0].blocks[0]
        assert paragraph.text == "6,305; 28.2%; 10.4%; £9.46; 15,515"

    def test_a_suppressed_cell_shows_its_symbol(self, rows: MeasureRows) -> None:
        paragraph = (
            build(rows, section({"text": "{filled_posts|service_group=day and community}"}))
            .sections[0]
            .blocks[0]
        )
        assert paragraph.text == "[c]"
        assert paragraph.cells[0].value is None


class TestChange:
    def test_rise_between_the_two_latest_periods(self, rows: MeasureRows) -> None:
        paragraph = (
            build(rows, section({"change": {"measure": "turnover_rate"}})).sections[0].blocks[0]
        )
        assert paragraph.text == "Turnover rose from 28.2% in 2020/21 to 32.2% in 2021/22."

    def test_little_changed(self, rows: MeasureRows) -> None:
        paragraph = (
            build(rows, section({"change": {"measure": "vacancy_rate"}})).sections[0].blocks[0]
        )
        assert paragraph.text.startswith("Vacancy rate was little changed")


class TestTable:
    def test_rows_by_breakdown_value_with_own_periods(self, rows: MeasureRows) -> None:
        spec = {
            "key": "profile-sex",
            "title": "By sex",
            "source": "ASC-WDS; Census 2021",
            "measures": ["workforce_share", "census_share"],
            "breakdown": "sex",
            "notes": ["A note."],
        }
        table = build(rows, section({"table": spec})).sections[0].blocks[0]
        assert isinstance(table, Table)
        assert [c.heading for c in table.columns] == ["Workforce share", "Census share, 2021"]
        assert [r.label for r in table.rows] == ["Female", "Male"]
        assert [c.text for c in table.rows[0].cells] == ["86.0%", "51.0%"]
        # No Census row for men: not available, never a guess.
        assert [c.text for c in table.rows[1].cells] == ["14.0%", "[x]"]
        assert table.periods == ("2021/22", "2021")
        assert table.footnote == 1
        assert table.notes == ("A note.",)

    def test_rows_by_period(self, rows: MeasureRows) -> None:
        spec = {
            "key": "claimants",
            "title": "Claimants",
            "source": "ONS",
            "measures": ["claimant_count"],
            "rows": "periods",
            "periods": ["all"],
        }
        table = build(rows, section({"table": spec})).sections[0].blocks[0]
        assert [r.label for r in table.rows] == ["2022-03", "2022-04"]
        assert [r.cells[0].value for r in table.rows] == [16010.0, 15515.0]

    def test_comparator_column(self, rows: MeasureRows) -> None:
        spec = {
            "key": "vacancy",
            "title": "Vacancy",
            "source": "ASC-WDS",
            "measures": ["vacancy_rate"],
            "comparator": True,
        }
        table = build(rows, section({"table": spec})).sections[0].blocks[0]
        assert [c.heading for c in table.columns] == ["Vacancy rate", "Vacancy rate: comparator"]
        assert [c.text for c in table.rows[0].cells] == ["9.9%", "10.4%"]
        assert table.rows[0].label == "Staffordshire"


class TestChart:
    def test_bar_chart_has_its_table_and_alt_text(self, rows: MeasureRows) -> None:
        spec = {
            "key": "posts",
            "title": "Posts by service",
            "source": "ASC-WDS",
            "kind": "bar",
            "measures": ["filled_posts"],
            "breakdown": "service_group",
        }
        figure = build(rows, section({"chart": spec})).sections[0].blocks[0]
        assert isinstance(figure, Figure)
        assert [r.label for r in figure.table.rows] == ["residential", "day and community"]
        assert "Highest: residential at 6,305" in figure.description
        assert figure.spec["description"] == figure.description
        assert figure.spec["data"]["values"] == [
            {"Service group": "residential", "Filled posts": 6305.0}
        ]


class TestMissing:
    def test_a_section_without_data_is_kept_and_reported(self, rows: MeasureRows) -> None:
        built = build(
            rows,
            section({"text": "{turnover_rate}"}, key="here"),
            section({"text": "{projected_requirement}"}, key="gone"),
        )
        assert [s.key for s in built.sections] == ["here", "gone"]
        assert len(built.missing) == 1
        gap = built.missing[0]
        assert (gap.section, gap.measures, gap.all_missing) == (
            "gone",
            ("projected_requirement",),
            True,
        )
        assert "No figures" in built.sections[1].blocks[0].text

    def test_every_number_keeps_its_row(self, rows: MeasureRows) -> None:
        spec = {
            "key": "t",
            "title": "T",
            "source": "S",
            "measures": ["turnover_rate", "vacancy_rate"],
            "periods": ["previous", "latest"],
        }
        built = build(rows, section({"table": spec}, {"text": "{turnover_rate}"}))
        for cell in built.cells:
            source = rows.row(cell.key)
            assert source is not None
            assert cell.value == pytest.approx(source["value"], abs=0.0005)


class TestTop:
    def test_keeps_the_highest_rows_highest_first(self, make_row: Any) -> None:
        rows = MeasureRows(
            [
                make_row(
                    "postings",
                    "2021/22",
                    value,
                    unit="count",
                    breakdown="city",
                    breakdown_value=city,
                )
                for city, value in (("Leek", 447.0), ("Stafford", 1957.0), ("Cannock", 819.0))
            ]
        )
        spec = {
            "key": "cities",
            "title": "Cities",
            "source": "Postings",
            "measures": ["postings"],
            "breakdown": "city",
            "top": 2,
        }
        table = build(rows, section({"table": spec})).sections[0].blocks[0]
        assert [(r.label, r.cells[0].text) for r in table.rows] == [
            ("Stafford", "1,957"),
            ("Cannock", "819"),
        ]


class TestPresentation:
    def test_size_bands_smallest_first(self, make_row: Any) -> None:
        bands = ("large (250 or more)", "medium (50 to 249)", "micro (0 to 9)", "small (10 to 49)")
        rows = MeasureRows(
            [
                make_row(
                    "business_share",
                    "2021",
                    share,
                    breakdown="size_band",
                    breakdown_value=band,
                )
                for band, share in zip(bands, (0.01, 0.092, 0.523, 0.374), strict=True)
            ]
        )
        spec = {"key": "t", "title": "T", "source": "S", "measures": ["business_share"]}
        spec["breakdown"] = "size_band"
        table = build(rows, section({"table": spec})).sections[0].blocks[0]
        assert isinstance(table, Table)
        assert [row.label for row in table.rows] == [
            "micro (0 to 9)",
            "small (10 to 49)",
            "medium (50 to 249)",
            "large (250 or more)",
        ]

    def test_measures_missing_from_the_inputs_are_named_as_the_catalogue_names_them(
        self, rows: MeasureRows
    ) -> None:
        built = build(rows, section({"text": "{turnover_rate} {filled_posts_estimate}"}))
        note = built.sections[0].blocks[-1]
        assert isinstance(note, Paragraph)
        assert "filled_posts_estimate" not in note.text
        assert "Filled posts (whole-sector estimate)" in note.text

    def test_a_table_without_rows_is_said_to_be_not_available(self, rows: MeasureRows) -> None:
        spec = {
            "key": "t",
            "title": "Filled posts by service",
            "source": "S",
            "measures": ["filled_posts_estimate"],
            "breakdown": "service_group",
        }
        chart = {**spec, "key": "c", "kind": "bar"}
        built = build(rows, section({"text": "{turnover_rate}"}, {"table": spec}, {"chart": chart}))
        texts = [block.text for block in built.sections[0].blocks[1:3]]
        assert texts == ["Filled posts by service: not available ([x]) in the inputs."] * 2
