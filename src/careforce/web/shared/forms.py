"""Helpers of the pages' forms."""

from __future__ import annotations

from typing import Any

from django import forms


def choice_field(field: forms.Field) -> forms.ChoiceField:
    """A form field that offers choices (a select or radios), to read or set its choices.

    Raises:
        TypeError: the field offers no choices.
    """
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(f"{type(field).__name__} offers no choices")
    return field


def choices_of(field: forms.Field) -> list[tuple[Any, Any]]:
    """The (value, text) pairs a choice field offers, as Django keeps them once set (the stubs
    type the attribute as anything that may be assigned to it)."""
    choices: list[tuple[Any, Any]] = choice_field(field).choices  # type: ignore[assignment]
    return choices
