"""The documentation generated from code, and the pages that describe the code, stay in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careforce.core.indicators.catalogue import measure_ids
from careforce.core.sources.ascwds.rules import all_rules
from careforce.core.vocab.canonical_columns import Establishment, Training, Worker
from careforce.services.reference_docs import ascwds_rules_markdown, measures_markdown

pytestmark = pytest.mark.integration

DOCS = Path(__file__).resolve().parents[4] / "docs"


class TestAscwdsRulesPage:
    def test_committed_page_matches_the_catalogue(self) -> None:
        committed = (DOCS / "ascwds-rules.md").read_text(encoding="utf-8")
        assert committed == ascwds_rules_markdown(), (
            "docs/ascwds-rules.md is out of date: run `careforce docs ascwds-rules`"
        )

    def test_every_rule_has_a_row(self) -> None:
        page = ascwds_rules_markdown()
        codes = set(re.findall(r"^\| `([A-Z0-9-]+)` \|", page, flags=re.MULTILINE))
        assert codes == set(all_rules())

    def test_every_rule_has_guidance_and_message(self) -> None:
        for code, found in all_rules().items():
            assert found.message.strip(), code
            assert found.guidance.strip(), code


class TestDataFormatsPage:
    @pytest.mark.parametrize(
        "column",
        [*Establishment, *Worker, *Training],
        ids=str,
    )
    def test_every_canonical_column_is_described(self, column: str) -> None:
        page = (DOCS / "data-formats.md").read_text(encoding="utf-8")
        assert f"`{column}`" in page


class TestMeasuresPage:
    def test_committed_page_matches_the_catalogue(self) -> None:
        committed = (DOCS / "measures.md").read_text(encoding="utf-8")
        assert committed == measures_markdown(), (
            "docs/measures.md is out of date: run `careforce docs measures`"
        )

    def test_every_measure_has_a_section(self) -> None:
        page = measures_markdown()
        for measure_id in measure_ids():
            assert f"## `{measure_id}`" in page
