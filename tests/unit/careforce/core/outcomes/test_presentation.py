"""Numbers in the report and on the command line read as people expect."""

from __future__ import annotations

import pytest

from careforce.core.outcomes.presentation import (
    format_change,
    format_interval,
    format_progress,
    format_value,
)

pytestmark = pytest.mark.unit


class TestFormatValue:
    @pytest.mark.parametrize(
        ("value", "unit", "expected"),
        [
            pytest.param(0.0991, "proportion", "9.9%", id="proportion"),
            pytest.param(0.322, "rate", "32.2%", id="rate"),
            pytest.param(9.4, "days", "9.4 days", id="days"),
            pytest.param(2063.0, "count", "2,063", id="count"),
            pytest.param(9.5, "pounds per hour", "£9.50", id="hourly-pay"),
            pytest.param(32335.26, "pounds per year", "£32,335", id="annual-pay"),
            pytest.param(1.23456, None, "1.23", id="no-unit"),
        ],
    )
    def test_units(self, value: float, unit: str | None, expected: str) -> None:
        assert format_value(value, unit) == expected

    def test_missing_value_shows_its_symbol(self) -> None:
        assert format_value(None, "proportion", symbol="[c]") == "[c]"
        assert format_value(None, "proportion") == "—"


class TestFormatChange:
    @pytest.mark.parametrize(
        ("change", "unit", "expected"),
        [
            pytest.param(0.034, "proportion", "+3.4 percentage points", id="rise"),
            pytest.param(-0.049, "proportion", "−4.9 percentage points", id="fall"),
            pytest.param(-0.00016, "proportion", "0.0 percentage points", id="rounds-to-zero"),
            pytest.param(145.0, "count", "+145", id="count"),
            pytest.param(0.5, "pounds per hour", "+£0.50", id="pay"),
            pytest.param(-0.4, "days", "−0.4 days", id="days"),
        ],
    )
    def test_signs_and_units(self, change: float, unit: str, expected: str) -> None:
        assert format_change(change, unit) == expected

    def test_no_change_to_show(self) -> None:
        assert format_change(None, "proportion") == "—"


class TestOthers:
    def test_interval(self) -> None:
        assert format_interval(0.09, 0.109, "proportion") == "9.0% to 10.9%"
        assert format_interval(None, 0.1, "proportion") == ""

    def test_progress(self) -> None:
        assert format_progress(0.5) == "50% of the way"
        assert format_progress(None) == "—"
