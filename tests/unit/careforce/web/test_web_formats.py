"""How values are written on pages, and the GOV.UK component helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from careforce.web.shared import components, formats

pytestmark = pytest.mark.unit


class TestFormats:
    @pytest.mark.parametrize(
        ("value", "unit", "expected"),
        [
            (0.3219, "proportion", "32.2%"),
            (0.3219, "rate", "32.2%"),
            (9.5, "pounds per hour", "£9.50"),
            (33538.75, "pounds per year", "£33,539"),
            (9.42, "days", "9.4"),
            (18255.0, "count", "18,255"),
            (None, "count", "[x]"),
            (float("nan"), "proportion", "[x]"),
        ],
    )
    def test_measure_values(self, value: float | None, unit: str, expected: str) -> None:
        assert formats.measure_value(value, unit) == expected

    def test_dates_as_gov_uk_writes_them(self) -> None:
        assert formats.date(dt.date(2022, 3, 31)) == "31 March 2022"
        assert formats.datetime(dt.datetime(2022, 3, 31, 14, 5)) == "31 March 2022 at 2:05pm"
        assert formats.datetime(dt.datetime(2022, 3, 31, 0, 5)) == "31 March 2022 at 12:05am"

    @pytest.mark.parametrize(
        ("size", "expected"), [(512, "512 bytes"), (2048, "2.0 KB"), (3 * 1024**2, "3.0 MB")]
    )
    def test_file_sizes(self, size: int, expected: str) -> None:
        assert formats.file_size(size) == expected


class TestComponents:
    def test_table_marks_numeric_columns(self) -> None:
        params = components.table(caption="C", head=["Name", "Count"], rows=[["a", 1]], numeric=[1])
        assert params["head"][1] == {"text": "Count", "format": "numeric"}
        assert params["rows"][0][1] == {"text": "1", "format": "numeric"}
        assert params["rows"][0][0] == {"text": "a"}

    def test_markup_cells_stay_html(self) -> None:
        params = components.table(caption="C", head=["Link"], rows=[[components.link("/x", "X")]])
        assert params["rows"][0][0]["html"] == Markup('<a class="govuk-link" href="/x">X</a>')

    def test_code_escapes(self) -> None:
        assert components.code("<b>") == Markup('<span class="careforce-code">&lt;b&gt;</span>')

    def test_tags_have_colours(self) -> None:
        assert components.tag("Has errors", "invalid")["classes"] == "govuk-tag--red"
        assert components.tag("Odd", "unknown-status")["classes"] == ""
