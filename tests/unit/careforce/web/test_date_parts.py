"""Dates entered in three fields (day, month, year) as the GOV.UK date input asks for them."""
# mypy: allow-subclassing-any

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.web.shared.date_parts import (
    PARTS,
    clean_date_parts,
    date_part_fields,
    set_initial_date,
)

pytestmark = pytest.mark.unit

EARLIEST = dt.date(2022, 4, 1)
LATEST = dt.date(2030, 12, 31)
FIELDS = ("d_day", "d_month", "d_year")
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class DateForm(forms.Form):
    """A form with only a date ``d``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(date_part_fields("d"))


def enter(
    day: str, month: str, year: str, **options: Any
) -> tuple[dt.date | None, dict[str, list[str]]]:
    """The date the three fields give and the form's errors by field."""
    form = DateForm({"d_day": day, "d_month": month, "d_year": year})
    form.is_valid()
    result = clean_date_parts(form, "d", subject="the date", **options)
    return result, {name: list(messages) for name, messages in form.errors.items()}


class TestFields:
    def test_three_optional_fields_with_their_lengths(self) -> None:
        fields = date_part_fields("due")
        assert list(fields) == ["due_day", "due_month", "due_year"]
        assert [field.max_length for field in fields.values()] == [2, 2, 4]
        assert not any(field.required for field in fields.values())
        assert [field.label for field in fields.values()] == ["Day", "Month", "Year"]
        assert PARTS == ("day", "month", "year")

    def test_initial_date_fills_an_unsent_form(self) -> None:
        form = DateForm()
        set_initial_date(form, "d", dt.date(2024, 2, 9))
        assert [form.initial[name] for name in FIELDS] == ["9", "2", "2024"]

    def test_initial_date_leaves_a_sent_form(self) -> None:
        form = DateForm({"d_day": "", "d_month": "", "d_year": ""})
        set_initial_date(form, "d", dt.date(2024, 2, 9))
        assert form.initial == {}


class TestMessages:
    def test_a_date(self) -> None:
        assert enter("9", "2", "2024") == (dt.date(2024, 2, 9), {})

    def test_leading_zeros_and_spaces(self) -> None:
        assert enter(" 09 ", "02 ", " 2024", earliest=EARLIEST, latest=LATEST) == (
            dt.date(2024, 2, 9),
            {},
        )

    @pytest.mark.parametrize("blank", ["", " ", "\t"])
    def test_nothing_entered(self, blank: str) -> None:
        assert enter(blank, blank, blank) == (None, {"d_day": ["Enter the date"]})

    def test_subject_is_capitalised_only_at_the_start(self) -> None:
        form = DateForm({"d_day": "31", "d_month": "2", "d_year": "2024"})
        form.is_valid()
        assert clean_date_parts(form, "d", subject="the date of the update") is None
        assert form.errors == {"d_day": ["The date of the update must be a real date"]}

    @pytest.mark.parametrize(
        ("parts", "field", "message"),
        [
            (("5", "", ""), "d_month", "The date must include a month and year"),
            (("", "3", ""), "d_day", "The date must include a day and year"),
            (("", "", "2022"), "d_day", "The date must include a day and month"),
            (("5", "3", ""), "d_year", "The date must include a year"),
            (("5", "", "2022"), "d_month", "The date must include a month"),
            (("", "3", "2022"), "d_day", "The date must include a day"),
        ],
    )
    def test_part_missing(self, parts: tuple[str, str, str], field: str, message: str) -> None:
        assert enter(*parts) == (None, {field: [message]})

    @pytest.mark.parametrize(
        "parts",
        [
            ("31", "2", "2024"),
            ("29", "2", "2023"),
            ("0", "1", "2024"),
            ("1", "13", "2024"),
            ("1", "0", "2024"),
            ("1", "1", "0"),
            ("a", "1", "2024"),
            ("1", "ja", "2024"),
            ("1", "1", "20x4"),
            ("-1", "1", "2024"),
        ],
    )
    def test_not_a_real_date(self, parts: tuple[str, str, str]) -> None:
        assert enter(*parts) == (None, {"d_day": ["The date must be a real date"]})

    def test_leap_day(self) -> None:
        assert enter("29", "2", "2024") == (dt.date(2024, 2, 29), {})

    def test_future_when_latest_is_today(self) -> None:
        today = dt.date.today()
        tomorrow = today + dt.timedelta(days=1)
        parts = (str(tomorrow.day), str(tomorrow.month), str(tomorrow.year))
        assert enter(*parts, latest=today) == (
            None,
            {"d_day": ["The date must be today or in the past"]},
        )
        parts = (str(today.day), str(today.month), str(today.year))
        assert enter(*parts, latest=today) == (today, {})

    def test_after_latest(self) -> None:
        assert enter("1", "4", "2022", latest=dt.date(2022, 3, 31)) == (
            None,
            {"d_day": ["The date must be on or before 31 March 2022"]},
        )
        assert enter("31", "3", "2022", latest=dt.date(2022, 3, 31)) == (
            dt.date(2022, 3, 31),
            {},
        )

    def test_before_earliest(self) -> None:
        assert enter("31", "3", "2022", earliest=EARLIEST) == (
            None,
            {"d_day": ["The date must be after 31 March 2022"]},
        )
        assert enter("1", "4", "2022", earliest=EARLIEST) == (EARLIEST, {})

    def test_before_earliest_names_the_day_before_across_a_year(self) -> None:
        assert enter("31", "12", "2019", earliest=dt.date(2020, 1, 1)) == (
            None,
            {"d_day": ["The date must be after 31 December 2019"]},
        )

    def test_not_required_and_empty(self) -> None:
        assert enter("", "", "", required=False) == (None, {})
        assert enter(" ", "  ", "", required=False) == (None, {})

    def test_not_required_but_partly_entered(self) -> None:
        assert enter("1", "", "2024", required=False) == (
            None,
            {"d_month": ["The date must include a month"]},
        )

    def test_not_required_date_is_still_checked(self) -> None:
        assert enter("1", "1", "2020", required=False, earliest=EARLIEST) == (
            None,
            {"d_day": ["The date must be after 31 March 2022"]},
        )

    def test_over_long_year_gets_one_message(self) -> None:
        result, errors = enter("1", "1", "20222")
        assert result is None
        assert len(errors["d_year"]) == 1
        assert not any("must include" in message for message in errors["d_year"])


def _error_count(form: forms.Form) -> int:
    return sum(len(messages) for messages in form.errors.values())


class TestProperties:
    @PROPERTY
    @given(
        day=st.text(max_size=6),
        month=st.text(max_size=6),
        year=st.text(max_size=6),
        required=st.booleans(),
    )
    def test_any_text_gives_a_date_in_range_or_one_error(
        self, day: str, month: str, year: str, required: bool
    ) -> None:
        form = DateForm({"d_day": day, "d_month": month, "d_year": year})
        form.is_valid()
        before = _error_count(form)
        result = clean_date_parts(
            form, "d", subject="the date", earliest=EARLIEST, latest=LATEST, required=required
        )
        added = _error_count(form) - before
        assert set(form.errors) <= set(FIELDS)
        if result is not None:
            assert EARLIEST <= result <= LATEST
            assert form.errors == {}
            return
        # None: clean_date_parts adds at most one message, and the form is never left valid
        # unless the date may be left out and was.
        assert added <= 1
        if before == 0:
            if added == 0:
                assert not required
                assert not any(form.cleaned_data.get(name) for name in FIELDS)
            else:
                assert len(form.errors) == 1
        if required:
            assert form.errors

    @PROPERTY
    @given(
        day=st.dates(EARLIEST, LATEST),
        zeros=st.tuples(st.booleans(), st.booleans()),
        spaces=st.lists(st.text(alphabet=" \t", max_size=2), min_size=6, max_size=6),
        bounded=st.booleans(),
    )
    def test_every_real_date_in_range_is_read_back(
        self, day: dt.date, zeros: tuple[bool, bool], spaces: list[str], bounded: bool
    ) -> None:
        texts = [
            f"{day.day:02d}" if zeros[0] else str(day.day),
            f"{day.month:02d}" if zeros[1] else str(day.month),
            str(day.year),
        ]
        padded = [spaces[2 * i] + text + spaces[2 * i + 1] for i, text in enumerate(texts)]
        options: dict[str, Any] = {"earliest": EARLIEST, "latest": LATEST} if bounded else {}
        assert enter(*padded, **options) == (day, {})
