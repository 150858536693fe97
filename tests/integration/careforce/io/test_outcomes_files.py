"""Outcomes configuration files: the shipped framework and action plan are complete and valid,
the shipped schemas are current, bad files are refused at their line, and the YAML loader
survives any input."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.indicators.catalogue import measure_ids
from careforce.core.outcomes.action_plan import Update, action_plan_json_schema, with_update
from careforce.core.outcomes.columns import ActionStatus
from careforce.core.outcomes.framework import framework_json_schema, placed_measures
from careforce.core.vocab.published import Polarity
from careforce.io.outcomes_files import (
    ACTION_PLAN_SCHEMA_FILE,
    FRAMEWORK_SCHEMA_FILE,
    ConfigurationFileError,
    load_schema,
    parse_action_plan_text,
    parse_framework_text,
    read_action_plan_file,
    read_framework_file,
    shipped_files,
    write_action_plan_file,
)

pytestmark = pytest.mark.integration

# The strategy's framework: numbered measures of each sub-outcome, and the outcome indicators.
NUMBERED = {
    "1.1": ["1.1a", "1.1b", "1.1c"],
    "1.2": ["1.2a", "1.2b"],
    "2.1": ["2.1a", "2.1b", "2.1c"],
    "2.2": ["2.2a", "2.2b"],
    "3.1": ["3.1a", "3.1b"],
    "3.2": ["3.2a", "3.2b", "3.2c"],
    "4.1": ["4.1a", "4.1b"],
    "4.2": ["4.2a", "4.2b"],
}
RESILIENCE = {
    "1.I1": "Reduction in the number of vacancies",
    "1.I2": "Reduction in the level of turnover resulting in exit from the sector",
    "1.I3": "Reduction in the level of sickness absence",
    "1.I4": "Improvements in the percentage of care arrangements put in place within target "
    "timescales",
    "1.I5": "Caseloads consistent with professional standards",
    "1.I6": "Reduction in levels of zero hours contracts in home care services",
}
DETAILED_PER_ACTION = {"1": 3, "2": 5, "3": 4, "4": 5, "5": 7, "6": 4, "7": 5, "8": 3}


class TestShippedFramework:
    def test_has_every_outcome_sub_outcome_and_measure(self) -> None:
        framework = read_framework_file().framework
        assert [(o.code, o.title) for o in framework.outcomes] == [
            ("1", "More resilience"),
            ("2", "More effective recruitment"),
            ("3", "More effective retention"),
            ("4", "Innovative ways of working"),
        ]
        found = {
            sub.code: [m.code for m in sub.measures]
            for outcome in framework.outcomes
            for sub in outcome.sub_outcomes
        }
        assert found == NUMBERED

    def test_has_the_six_resilience_indicators(self) -> None:
        outcome = read_framework_file().framework.outcomes[0]
        assert {m.code: m.title for m in outcome.indicators} == RESILIENCE

    def test_every_measure_resolves_to_a_catalogue_id_or_no_data_source(self) -> None:
        known = set(measure_ids())
        for placed in placed_measures(read_framework_file().framework):
            item = placed.measure
            if item.sources is None:
                assert item.no_data_source, item.code
                continue
            for source in item.sources:
                assert source.measure_id in known, (item.code, source.measure_id)

    def test_resilience_indicators_are_bound_where_data_exists(self) -> None:
        outcome = read_framework_file().framework.outcomes[0]
        bound = {
            m.code: [(s.measure_id, s.breakdown, s.breakdown_value) for s in m.sources or []]
            for m in outcome.indicators
        }
        assert bound == {
            "1.I1": [("vacancies", "total", "all"), ("vacancy_rate", "total", "all")],
            "1.I2": [
                ("turnover_rate", "total", "all"),
                ("leavers_remaining_in_sector", "total", "all"),
                ("considering_leaving_share", "total", "all"),
                ("organisations_struggling_to_retain_share", "total", "all"),
            ],
            "1.I3": [("sickness_days_per_worker", "total", "all")],
            "1.I4": [],
            "1.I5": [],
            "1.I6": [("zero_hours_share", "service_group", "home care")],
        }
        assert [m.polarity for m in outcome.indicators] == [
            Polarity.LOW_IS_GOOD,
            Polarity.LOW_IS_GOOD,
            Polarity.LOW_IS_GOOD,
            Polarity.HIGH_IS_GOOD,
            Polarity.HIGH_IS_GOOD,
            Polarity.LOW_IS_GOOD,
        ]

    @pytest.mark.parametrize(
        ("code", "measure_ids"),
        [
            (
                "3.1a",
                {
                    "digital_training_share",
                    "person_centred_training_share",
                    "training_received_share",
                },
            ),
            ("4.1a", {"person_centred_training_share", "strength_based_practice_share"}),
            ("4.2a", {"digital_training_share", "digital_confidence_share"}),
            ("4.2b", {"digital_training_share", "helps_with_technology_share"}),
            ("1.1a", {"filled_posts", "headcount", "filled_posts_estimate", "headcount_estimate"}),
        ],
    )
    def test_training_groups_and_headcount_are_bound(
        self, code: str, measure_ids: set[str]
    ) -> None:
        placed = {
            p.measure.code: p.measure for p in placed_measures(read_framework_file().framework)
        }
        bound = {s.measure_id for s in placed[code].sources or []}
        assert measure_ids <= bound

    def test_the_digital_and_person_centred_categories_are_bound_by_name(self) -> None:
        placed = {
            p.measure.code: p.measure for p in placed_measures(read_framework_file().framework)
        }
        categories = {
            code: {
                s.breakdown_value
                for s in placed[code].sources or []
                if s.measure_id == "training_current_share"
            }
            for code in ("4.1a", "4.2a", "4.2b")
        }
        assert categories == {
            "4.1a": {
                "Dignity, respect, person-centered care",
                "Positive behaviour support and non-restrictive practice",
            },
            "4.2a": {"Working with digital technology", "In-house systems and applications"},
            "4.2b": {"Assisted digital and accessibility"},
        }

    def test_baseline_is_the_strategy_year(self) -> None:
        assert read_framework_file().framework.baseline_period == "2021/22"


class TestShippedActionPlan:
    def test_has_eight_actions_and_36_detailed_actions(self) -> None:
        plan = read_action_plan_file().plan
        assert {a.code: len(a.detailed_actions) for a in plan.actions} == DETAILED_PER_ACTION
        assert sum(DETAILED_PER_ACTION.values()) == 36

    def test_every_detailed_action_is_linked_to_outcomes_and_has_a_milestone(self) -> None:
        plan = read_action_plan_file().plan
        for action in plan.actions:
            for detail in action.detailed_actions:
                assert detail.code.startswith(f"{action.code}.")
                assert set(detail.outcomes) <= {"1", "2", "3", "4"}
                assert detail.milestones, detail.code
                assert detail.status is ActionStatus.NOT_STARTED

    def test_outcome_links_as_stated_in_the_strategy(self) -> None:
        details = {
            d.code: d.outcomes
            for a in read_action_plan_file().plan.actions
            for d in a.detailed_actions
        }
        assert details["4.2"] == ["3", "4"]
        assert details["6.1"] == ["4"]
        assert details["8.2"] == ["1", "3"]
        assert details["5.1"] == ["1", "3", "4"]


class TestSchemas:
    @pytest.mark.parametrize(
        ("name", "generated"),
        [
            pytest.param(FRAMEWORK_SCHEMA_FILE, framework_json_schema(), id="framework"),
            pytest.param(ACTION_PLAN_SCHEMA_FILE, action_plan_json_schema(), id="action-plan"),
        ],
    )
    def test_shipped_schema_is_current(self, name: str, generated: dict[str, Any]) -> None:
        assert load_schema(name) == json.loads(json.dumps(generated))

    def test_shipped_files_are_named(self) -> None:
        assert set(shipped_files()) == {"staffordshire-framework", "staffordshire-action-plan"}


SHIPPED_FRAMEWORK = shipped_files()["staffordshire-framework"].read_text(encoding="utf-8")
SHIPPED_PLAN = shipped_files()["staffordshire-action-plan"].read_text(encoding="utf-8")


class TestBadFiles:
    def test_problem_is_reported_at_its_line(self, tmp_path: Path) -> None:
        text = SHIPPED_FRAMEWORK.replace("polarity: low-is-good", "polarity: lower-is-better", 1)
        line = next(
            number
            for number, content in enumerate(text.splitlines(), start=1)
            if "lower-is-better" in content
        )
        path = tmp_path / "framework.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigurationFileError) as caught:
            read_framework_file(path)
        assert caught.value.lines == [
            f"{path}: line {line}: outcomes[0].sub_outcomes[0].measures[1].polarity: must be one "
            'of "high-is-good", "low-is-good", "no-judgement", not "lower-is-better"'
        ]

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            pytest.param("a: [1", "line 1: not valid YAML", id="syntax"),
            pytest.param("a: &x 1\nb: *x\n", "aliases (*name) are not allowed", id="alias"),
            pytest.param("a: !!python/object:os.system x\n", "tags such as", id="tag"),
            pytest.param("0x_: 1\n", "not valid YAML", id="odd-number"),
            pytest.param("[" * 5000, "not valid YAML", id="deep"),
            pytest.param("", "(file): must be a mapping", id="empty"),
        ],
    )
    def test_unusable_yaml(self, text: str, words: str) -> None:
        with pytest.raises(ConfigurationFileError) as caught:
            parse_framework_text(text, source="f.yaml")
        assert words in str(caught.value)
        assert str(caught.value).startswith("f.yaml: ")

    def test_missing_file_and_unknown_name(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigurationFileError, match="not the name of a shipped file"):
            read_framework_file(tmp_path / "nope.yaml")

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.yaml"
        path.write_bytes("name: Caf\xe9\n".encode("latin-1"))
        with pytest.raises(ConfigurationFileError, match="not UTF-8"):
            read_action_plan_file(path)

    def test_dates_are_read_as_dates_whether_quoted_or_not(self) -> None:
        quoted = SHIPPED_PLAN.replace("start_date: 2022-04-01", 'start_date: "2022-04-01"')
        assert parse_action_plan_text(quoted).start_date == dt.date(2022, 4, 1)
        assert parse_action_plan_text(SHIPPED_PLAN).start_date == dt.date(2022, 4, 1)


class TestSavingThePlan:
    def test_round_trip(self, tmp_path: Path) -> None:
        plan = read_action_plan_file().plan
        updated = with_update(
            plan,
            code="1.1",
            update=Update(
                date=dt.date(2023, 3, 20),
                text="First annual scorecard to the board",
                status=ActionStatus.ON_TRACK,
            ),
        )
        path = write_action_plan_file(tmp_path / "plan.yaml", updated, header="Saved by a test")
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Saved by a test\n")
        assert read_action_plan_file(path).plan == updated


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["2021/22", "1.1a", "high-is-good", "vacancy_rate", "2023-02-30", "[x]"]),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.one_of(
                st.sampled_from(
                    [
                        "schema_version",
                        "name",
                        "outcomes",
                        "code",
                        "title",
                        "sources",
                        "measure_id",
                        "manual",
                        "values",
                        "actions",
                        "detailed_actions",
                        "status",
                        "due",
                        "updates",
                        "start_date",
                        "baseline_period",
                        "target",
                        "polarity",
                        "no_data_source",
                    ]
                ),
                st.text(max_size=6),
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)
FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:", re.MULTILINE)


def _mutated(text: str, line: int, replacement: str) -> str:
    lines = text.splitlines()
    index = line % len(lines)
    match = FIELD.match(lines[index].lstrip())
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    if match:
        lines[index] = f"{indent}{match.group(0)} {replacement}"
    else:
        lines[index] = replacement
    return "\n".join(lines) + "\n"


PARSERS = [parse_framework_text, parse_action_plan_text]


def refusal(parse: Any, text: str) -> ConfigurationFileError | None:
    """The loader's own error for the text, or None when it parses; anything else escapes."""
    try:
        parse(text, source="shipped")
    except ConfigurationFileError as error:
        return error
    return None


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestLoaderProperties:
    @PROPERTY
    @given(text=st.text(max_size=200), which=st.sampled_from(PARSERS))
    def test_any_text_parses_or_is_refused(self, text: str, which: Any) -> None:
        error = refusal(which, text)
        assert error is None or all(problem for problem in error.problems)

    @PROPERTY
    @given(data=DATA, which=st.sampled_from(PARSERS))
    def test_any_yaml_data_parses_or_is_refused(self, data: Any, which: Any) -> None:
        error = refusal(which, yaml.safe_dump(data, allow_unicode=True))
        assert error is None or error.problems

    @PROPERTY
    @given(
        line=st.integers(min_value=0, max_value=10_000),
        replacement=st.one_of(
            st.text(max_size=20).filter(lambda t: "\n" not in t and "\r" not in t),
            st.sampled_from(["", "[]", "{}", "null", "-1", "1e999", ".nan", "- x", "'", "x: y"]),
        ),
        which=st.sampled_from(["framework", "plan"]),
    )
    def test_a_damaged_shipped_file_parses_or_is_refused(
        self, line: int, replacement: str, which: str
    ) -> None:
        if which == "framework":
            parse, text = parse_framework_text, SHIPPED_FRAMEWORK
        else:
            parse, text = parse_action_plan_text, SHIPPED_PLAN
        error = refusal(parse, _mutated(text, line, replacement))
        assert error is None or str(error).startswith("shipped: ")


DOCS = Path(__file__).resolve().parents[4] / "docs" / "outcomes.md"


def _properties(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        found |= set(node.get("properties", {}))
        for value in node.values():
            found |= _properties(value)
    elif isinstance(node, list):
        for value in node:
            found |= _properties(value)
    return found


class TestDocs:
    @pytest.mark.parametrize(
        "schema",
        [
            pytest.param(framework_json_schema(), id="framework"),
            pytest.param(action_plan_json_schema(), id="action-plan"),
        ],
    )
    def test_every_field_is_documented(self, schema: dict[str, Any]) -> None:
        page = DOCS.read_text(encoding="utf-8")
        missing = sorted(name for name in _properties(schema) if f"`{name}`" not in page)
        assert missing == []
