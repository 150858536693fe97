"""Appendix templates: the shipped template is valid and its schema current, bad templates are
refused at their line and field, and the reader survives any YAML."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.publishing.appendix.template import measures_of, template_json_schema
from careforce.io.appendix_files import (
    ConfigurationFileError,
    load_schema,
    parse_template_text,
    read_template_file,
    schema_path,
    shipped_templates,
)

pytestmark = pytest.mark.integration

SEED_SECTIONS = [
    "size-of-sector",
    "job-postings",
    "pay",
    "skills",
    "skills-supply",
    "workforce-profile",
    "recruitment-retention",
    "qualifications",
    "childrens-social-care",
    "labour-market",
    "demand-projections",
    "survey",
]
"""The seed appendix's sections, in its order."""

GOOD = """\
title: Appendix
sections:
  - key: pay
    heading: Pay
    blocks:
      - text: "Pay was {hourly_pay_median|sector=independent}."
      - table:
          key: pay-by-sector
          title: Pay by sector
          measures: [hourly_pay_median]
          breakdown: sector
          source: ASC-WDS
"""


def refusal(text: str) -> ConfigurationFileError | None:
    try:
        parse_template_text(text, source="t.yaml")
    except ConfigurationFileError as error:
        return error
    return None


class TestShipped:
    def test_the_schema_file_is_current(self) -> None:
        assert load_schema() == template_json_schema()
        assert json.loads(schema_path().read_text(encoding="utf-8"))["$id"].endswith("/v1.json")

    def test_staffordshire_mirrors_the_seed_sections(self) -> None:
        assert "staffordshire-appendix" in shipped_templates()
        template = read_template_file().template
        assert [s.key for s in template.sections] == SEED_SECTIONS

    def test_every_table_cites_a_source(self) -> None:
        template = read_template_file("staffordshire-appendix").template
        for section in template.sections:
            for block in section.blocks:
                spec = block.table or block.chart
                if spec is not None:
                    assert spec.source.strip()
        assert "projected_requirement" in measures_of(template)["demand-projections"]


class TestRefusals:
    def test_a_good_template_parses(self) -> None:
        assert parse_template_text(GOOD).sections[0].key == "pay"

    @pytest.mark.parametrize(
        ("old", "new", "expected"),
        [
            pytest.param(
                "    heading: Pay\n",
                "",
                "t.yaml: line 3: sections[0].heading: is required but missing",
                id="missing-field",
            ),
            pytest.param(
                "          breakdown: sector\n",
                "          breakdown: sector\n          colour: red\n",
                "t.yaml: line 12: sections[0].blocks[1].table.colour: is not a known field",
                id="unknown-field",
            ),
            pytest.param(
                "  - key: pay\n",
                "  - key: Pay Levels\n",
                't.yaml: line 3: sections[0].key: "Pay Levels" must be a key of lower-case',
                id="bad-key",
            ),
            pytest.param(
                "measures: [hourly_pay_median]",
                "measures: []",
                "t.yaml: line 10: sections[0].blocks[1].table.measures: must have at least 1 item",
                id="empty-measures",
            ),
            pytest.param(
                "{hourly_pay_median|sector=independent}",
                "{hourly pay}",
                "t.yaml: line 6: sections[0].blocks[0].text: {hourly pay} must start with a "
                "measure id",
                id="bad-placeholder",
            ),
            pytest.param(
                "key: pay-by-sector",
                "key: pay",
                "t.yaml: line 8: sections[0].blocks[1].table.key: key code 'pay' is already used "
                "at sections[0].key",
                id="repeated-key",
            ),
        ],
    )
    def test_refused_with_line_and_field(self, old: str, new: str, expected: str) -> None:
        assert old in GOOD
        error = refusal(GOOD.replace(old, new, 1))
        assert error is not None
        assert any(line.startswith(expected) for line in error.lines), error.lines

    def test_a_block_is_one_kind(self) -> None:
        text = GOOD.replace(
            '      - text: "Pay', '      - change: {measure: x}\n        text: "Pay'
        )
        error = refusal(text)
        assert error is not None
        assert "give only one of text, table, chart, change" in error.lines[0]

    def test_a_missing_file_names_the_shipped_ones(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigurationFileError, match="staffordshire-appendix"):
            read_template_file(tmp_path / "none.yaml")


YAML_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:")


class TestReaderProperties:
    @PROPERTY
    @given(text=st.text(max_size=200))
    def test_any_text_parses_or_is_refused(self, text: str) -> None:
        error = refusal(text)
        assert error is None or all(error.problems)

    @PROPERTY
    @given(data=st.binary(max_size=300))
    def test_any_bytes_in_a_file_parse_or_are_refused(self, data: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "template.yaml"
            path.write_bytes(data)
            lines: list[str] = []
            try:
                read_template_file(path)
            except ConfigurationFileError as error:
                lines = error.lines
            assert all(line.startswith(str(path)) for line in lines)

    @PROPERTY
    @given(data=YAML_VALUES)
    def test_any_yaml_data_parses_or_is_refused(self, data: Any) -> None:
        error = refusal(yaml.safe_dump(data, allow_unicode=True))
        assert error is None or error.problems

    @PROPERTY
    @given(
        line=st.integers(min_value=0, max_value=1_000),
        replacement=st.sampled_from(
            ["", "[]", "{}", "null", "-1", "1e999", ".nan", "- x", "'", "x: y", "{a"]
        ),
    )
    def test_a_mutated_shipped_template_parses_or_is_refused(
        self, line: int, replacement: str
    ) -> None:
        lines = read_template_file().path.read_text(encoding="utf-8").splitlines()
        index = line % len(lines)
        stripped = lines[index].lstrip()
        indent = lines[index][: len(lines[index]) - len(stripped)]
        match = FIELD.match(stripped.removeprefix("- "))
        lines[index] = f"{indent}{match.group(0)} {replacement}" if match else replacement
        error = refusal("\n".join(lines) + "\n")
        assert error is None or all(error.problems)
