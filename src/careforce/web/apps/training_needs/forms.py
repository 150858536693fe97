"""The form recording the priorities the partnership agreed for a year."""

from __future__ import annotations

import re
from typing import Any, Final

from django import forms

YEAR_PATTERN: Final = re.compile(r"^(\d{4})/(\d{2})$")
"""A financial year as the measures write it, e.g. 2025/26."""
MAX_TEXT: Final = 6000
"""Longest text a priorities box or note may hold."""


class PrioritiesForm(forms.Form):
    """The year, the priorities agreed (one a line) and a note on the decision."""

    year = forms.CharField(
        label="Year the priorities are for",
        max_length=7,
        help_text="The financial year, for example 2025/26.",
        error_messages={"required": "Enter the year the priorities are for"},
    )
    priorities = forms.CharField(
        label="Priorities agreed",
        max_length=MAX_TEXT,
        widget=forms.Textarea,
        help_text="One priority a line, most important first. The ranked needs are filled in "
        "to start from; change them to what the partnership agreed.",
        error_messages={
            "required": "Enter at least one priority",
            "max_length": f"Priorities must be {MAX_TEXT} characters or fewer",
        },
    )
    note = forms.CharField(
        label="Where and how they were agreed (optional)",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea,
        help_text="For example ‘Workforce board, 12 March 2026’.",
        error_messages={"max_length": f"The note must be {MAX_TEXT} characters or fewer"},
    )

    def clean_year(self) -> str:
        """A financial year whose second part follows the first."""
        year = str(self.cleaned_data["year"]).strip()
        match = YEAR_PATTERN.match(year)
        if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
            raise forms.ValidationError("Enter the year like 2025/26")
        return year

    def priority_lines(self) -> list[str]:
        """The priorities, one a line, blank lines left out."""
        text: Any = self.cleaned_data.get("priorities", "")
        return [line.strip() for line in str(text).splitlines() if line.strip()]
