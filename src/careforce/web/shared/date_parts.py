"""Dates entered as the GOV.UK date input asks for them: day, month and year in three fields
named ``<prefix>_day``, ``<prefix>_month`` and ``<prefix>_year``, with the pattern's messages."""
# mypy: allow-subclassing-any

from __future__ import annotations

import datetime as dt
from typing import Final

from django import forms

from careforce.web.shared.formats import date

PARTS: Final = ("day", "month", "year")
"""The fields of a date, in the order they are shown."""
MAX_LENGTHS: Final = {"day": 2, "month": 2, "year": 4}
"""Longest value of each field."""


def date_part_fields(prefix: str) -> dict[str, forms.CharField]:
    """The three fields of a date (for a form's ``fields``)."""
    return {
        f"{prefix}_{part}": forms.CharField(
            label=part.capitalize(), required=False, max_length=MAX_LENGTHS[part]
        )
        for part in PARTS
    }


def set_initial_date(form: forms.Form, prefix: str, value: dt.date) -> None:
    """Fill a date's fields with a value unless the form was sent."""
    if not form.is_bound:
        for part in PARTS:
            form.initial.setdefault(f"{prefix}_{part}", str(getattr(value, part)))


def clean_date_parts(
    form: forms.Form,
    prefix: str,
    *,
    subject: str,
    earliest: dt.date | None = None,
    latest: dt.date | None = None,
    required: bool = True,
) -> dt.date | None:
    """The date entered, or None with an error added to the form.

    Args:
        form: a form with the three fields, after its fields are cleaned.
        prefix: the fields' prefix.
        subject: what the date is, as the messages name it, e.g. ``the date of the update``.
        earliest: the first date accepted (the message gives the day before as 'after').
        latest: the last date accepted (today: 'today or in the past').
        required: whether an empty date is an error (else None without error).
    """
    named = subject[0].upper() + subject[1:]
    if any(form.has_error(f"{prefix}_{part}") for part in PARTS):
        return None
    parts = [(form.cleaned_data.get(f"{prefix}_{part}") or "").strip() for part in PARTS]
    if not any(parts):
        if required:
            form.add_error(f"{prefix}_day", f"Enter {subject}")
        return None
    if not all(parts):
        missing = [name for name, value in zip(PARTS, parts, strict=True) if not value]
        form.add_error(f"{prefix}_{missing[0]}", f"{named} must include a {' and '.join(missing)}")
        return None
    try:
        if not all(part.isascii() and part.isdigit() for part in parts):
            raise ValueError(parts)
        day = dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError:
        form.add_error(f"{prefix}_day", f"{named} must be a real date")
        return None
    if latest is not None and day > latest:
        words = (
            "today or in the past" if latest == dt.date.today() else f"on or before {date(latest)}"
        )
        form.add_error(f"{prefix}_day", f"{named} must be {words}")
        return None
    if earliest is not None and day < earliest:
        form.add_error(
            f"{prefix}_day", f"{named} must be after {date(earliest - dt.timedelta(days=1))}"
        )
        return None
    return day
