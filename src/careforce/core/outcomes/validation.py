"""How the outcomes files (the framework and the action plan) are checked: their patterns, the
YAML wording of messages and their error. The checking itself is :mod:`careforce.core.configuration`.
"""

from __future__ import annotations

from typing import ClassVar, Final

from careforce.core.configuration import ProblemsError, Wording

CODE_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
"""Codes of outcomes, measures and actions: letters, digits, '.', '_' and '-', e.g. ``1.1a``."""
PERIOD_PATTERN: Final = r"^[0-9]{4}(/[0-9]{2})?$"
"""Periods: a financial year ``2021/22`` (as in the indicator results) or a calendar year ``2022``."""
SYMBOL_PATTERN: Final = r"^\[[a-z]+\]$"
"""GSS table symbols such as ``[x]`` (not available) or ``[u]`` (low reliability)."""
WORDING: Final = Wording(
    mapping="a mapping",
    mapping_type="a mapping of field: value",
    text="text (in quotes if it looks like a number)",
    patterns={
        CODE_PATTERN: "a code of letters, digits, '.', '_' or '-', e.g. 1.1a",
        PERIOD_PATTERN: "a period such as 2021/22 or 2022",
        SYMBOL_PATTERN: "a symbol such as [x]",
    },
)
"""How messages about YAML outcomes files name things."""


class ConfigurationError(ProblemsError):
    """A framework or action plan is not usable; holds every problem found."""

    default_message: ClassVar[str] = "invalid configuration"
