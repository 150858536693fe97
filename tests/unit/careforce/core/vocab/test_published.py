"""The published measures table's one description: columns, types and the words of its cells."""

from __future__ import annotations

import polars as pl
import pytest

from careforce.core.vocab.published import (
    COMPARISON_PHRASES,
    FRACTION_UNITS,
    MONEY_UNITS,
    NULLABLE_COLUMNS,
    PUBLISHED_COLUMNS,
    PUBLISHED_SCHEMA,
    SYMBOL_NOTES,
    SYMBOL_PHRASES,
    Comparison,
    Polarity,
    Symbol,
    Unit,
)

pytestmark = pytest.mark.unit


class TestColumns:
    def test_columns_in_published_order(self) -> None:
        assert PUBLISHED_COLUMNS == (
            "measure_id",
            "measure_name",
            "period",
            "area_code",
            "area_name",
            "breakdown",
            "breakdown_value",
            "numerator",
            "denominator",
            "value",
            "lower_ci",
            "upper_ci",
            "unit",
            "polarity",
            "comparator_value",
            "comparison",
            "symbol",
            "comparator_name",
        )

    def test_numbers_are_floats_and_the_rest_text(self) -> None:
        numbers = {name for name, dtype in PUBLISHED_SCHEMA.items() if dtype == pl.Float64}
        assert numbers == {
            "numerator",
            "denominator",
            "value",
            "lower_ci",
            "upper_ci",
            "comparator_value",
        }
        assert all(
            dtype == pl.String for name, dtype in PUBLISHED_SCHEMA.items() if name not in numbers
        )

    def test_only_numbers_the_symbol_and_the_comparators_name_may_be_empty(self) -> None:
        assert {
            "numerator",
            "denominator",
            "value",
            "lower_ci",
            "upper_ci",
            "comparator_value",
            "symbol",
            "comparator_name",
        } == NULLABLE_COLUMNS

    def test_an_empty_table_has_the_schema(self) -> None:
        assert pl.DataFrame(schema=PUBLISHED_SCHEMA).columns == list(PUBLISHED_COLUMNS)


class TestWords:
    def test_gss_symbols(self) -> None:
        assert [s.value for s in Symbol] == ["[c]", "[x]", "[z]", "[u]"]

    @pytest.mark.parametrize("notes", [SYMBOL_NOTES, SYMBOL_PHRASES], ids=["notes", "phrases"])
    def test_every_symbol_has_one_meaning(self, notes: dict[Symbol, str]) -> None:
        assert list(notes) == list(Symbol)
        assert all(text.strip() for text in notes.values())

    def test_notes_are_sentences_and_phrases_fit_in_one(self) -> None:
        assert all(note[0].isupper() and note.endswith(".") for note in SYMBOL_NOTES.values())
        assert all(
            phrase[0].islower() and not phrase.endswith(".") for phrase in SYMBOL_PHRASES.values()
        )
        assert SYMBOL_PHRASES[Symbol.CONFIDENTIAL] == (
            "withheld to protect confidentiality (too few workers or workplaces)"
        )

    def test_confidential_note_covers_secondary_suppression(self) -> None:
        assert "worked out from totals" in SYMBOL_NOTES[Symbol.CONFIDENTIAL]

    def test_not_available_note_covers_missing_sources(self) -> None:
        assert "no data source yet" in SYMBOL_NOTES[Symbol.NOT_AVAILABLE]

    def test_symbol_keys_look_up_by_their_text(self) -> None:
        assert SYMBOL_PHRASES.get("[x]") == "not available"  # type: ignore[call-overload]

    def test_every_comparison_reads_in_a_sentence(self) -> None:
        assert list(COMPARISON_PHRASES) == list(Comparison)
        assert COMPARISON_PHRASES[Comparison.BETTER] == "better than the comparator"
        assert COMPARISON_PHRASES[Comparison.NOT_COMPARED] == "not compared"

    def test_polarity_and_unit_words(self) -> None:
        assert [p.value for p in Polarity] == ["high-is-good", "low-is-good", "no-judgement"]
        assert {u.value for u in Unit} == {
            "count",
            "proportion",
            "rate",
            "days",
            "years",
            "pounds per hour",
            "pounds per year",
            "ratio",
        }

    def test_fractions_and_money(self) -> None:
        assert {u.value for u in FRACTION_UNITS} == {"proportion", "rate"}
        assert {u.value for u in MONEY_UNITS} == {"pounds per hour", "pounds per year"}
        assert "rate" in FRACTION_UNITS
        assert "count" not in FRACTION_UNITS | MONEY_UNITS
