"""Survey questionnaire files: the shipped questionnaires are valid and hold the seed's
questions, the shipped schema is current, bad files are refused at their line, and any text
is parsed or refused without a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careforce.core.indicators.catalogue import SURVEY_MEASURES
from careforce.core.outcomes.framework import placed_measures
from careforce.core.survey.questionnaire import Breakdown, QuestionType, questionnaire_json_schema
from careforce.io.outcomes_files import read_framework_file
from careforce.io.survey_files import (
    ConfigurationFileError,
    load_schema,
    parse_questionnaire_text,
    read_questionnaire_file,
    shipped_questionnaires,
)

pytestmark = pytest.mark.integration

STAFF_MEASURES = [
    "job_satisfaction_share",
    "training_received_share",
    "training_wanted_share",
    "would_recommend_share",
    "considering_leaving_share",
    "feels_valued_by_employer_share",
    "feels_valued_by_public_share",
    "feels_rewarded_share",
    "willing_to_change_hours_share",
    "strength_based_practice_share",
    "digital_confidence_share",
    "helps_with_technology_share",
]
ORGANISATION_MEASURES = [
    "organisations_struggling_to_recruit_share",
    "organisations_struggling_to_retain_share",
]

MINIMAL = """\
schema_version: "1"
id: short
title: A short survey
questions:
  - id: satisfied
    type: likert
    text: How satisfied are you?
    options:
      - {value: "no", label: "No"}
      - {value: "yes", label: "Yes"}
"""


def refusal(text: str) -> ConfigurationFileError | None:
    try:
        parse_questionnaire_text(text, source="q.yaml")
    except ConfigurationFileError as error:
        return error
    return None


class TestShippedQuestionnaires:
    def test_staff_and_organisations_are_shipped(self) -> None:
        assert sorted(shipped_questionnaires()) == ["organisations", "staff"]

    def test_staff_measures(self) -> None:
        staff = read_questionnaire_file("staff").questionnaire
        assert [q.measure.id for q in staff.measures() if q.measure] == STAFF_MEASURES

    def test_organisation_measures(self) -> None:
        organisations = read_questionnaire_file("organisations").questionnaire
        assert [q.measure.id for q in organisations.measures() if q.measure] == (
            ORGANISATION_MEASURES
        )

    def test_staff_breakdowns(self) -> None:
        staff = read_questionnaire_file("staff").questionnaire
        assert sorted(b.value for b in staff.breakdowns()) == [
            "role_group",
            "sector",
            "service_group",
            "years_in_role",
            "years_in_sector",
        ]

    def test_staff_asks_every_aspect_of_satisfaction(self) -> None:
        staff = read_questionnaire_file("staff").questionnaire
        aspects = [q.id for q in staff.questions if q.id.startswith("satisfaction_")]
        assert aspects == [
            "satisfaction_pay",
            "satisfaction_work_life_balance",
            "satisfaction_team_working",
            "satisfaction_physical_environment",
            "satisfaction_making_a_difference",
            "satisfaction_training",
            "satisfaction_progression",
        ]
        assert {staff.question(a).type for a in aspects} == {QuestionType.LIKERT}

    def test_reasons_for_leaving_are_routed(self) -> None:
        staff = read_questionnaire_file("staff").questionnaire
        condition = staff.question("leaving_reasons").show_if
        assert condition is not None
        assert (condition.question, condition.any_of) == (
            "considering_leaving",
            ["leave-role", "leave-sector"],
        )

    def test_organisation_breakdowns(self) -> None:
        organisations = read_questionnaire_file("organisations").questionnaire
        assert set(organisations.breakdowns()) == {Breakdown.SERVICE_GROUP, Breakdown.SIZE}

    def test_shipped_schema_is_current(self) -> None:
        assert load_schema() == json.loads(json.dumps(questionnaire_json_schema()))


class TestRefusals:
    def test_minimal_is_accepted(self) -> None:
        assert parse_questionnaire_text(MINIMAL).questions[0].id == "satisfied"

    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            pytest.param(
                ("    type: likert", "    type: opinion"),
                "q.yaml: line 6: questions[0].type:",
                id="unknown-type",
            ),
            pytest.param(
                (
                    "    text: How satisfied are you?\n",
                    "    text: x\n    show_if: {question: later, any_of: [a]}\n",
                ),
                "q.yaml: line 8: questions[0].show_if.question: 'later' is not an earlier question",
                id="routing-forward",
            ),
            pytest.param(
                (
                    "    text: How satisfied are you?\n",
                    "    text: x\n    measure: {id: m_share, positive: [maybe]}\n",
                ),
                "q.yaml: line 8: questions[0].measure.positive[0]: 'maybe' is not an option of satisfied",
                id="measure-option",
            ),
            pytest.param(
                ("id: short", "id: Short survey"),
                "q.yaml: line 2: id:",
                id="bad-id",
            ),
        ],
    )
    def test_problem_named_at_its_line(self, change: tuple[str, str], expected: str) -> None:
        error = refusal(MINIMAL.replace(*change))
        assert error is not None
        assert any(line.startswith(expected) for line in error.lines), error.lines

    def test_duplicate_question_ids(self) -> None:
        doubled = MINIMAL + MINIMAL.split("questions:\n", 1)[1]
        error = refusal(doubled)
        assert error is not None
        assert any("questions[1].id" in line and "satisfied" in line for line in error.lines)

    def test_options_on_free_text(self) -> None:
        error = refusal(MINIMAL.replace("type: likert", "type: free_text"))
        assert error is not None
        assert any("a free_text question has no options" in line for line in error.lines)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(ConfigurationFileError, match="no such file"):
            read_questionnaire_file(tmp_path / "none.yaml")


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=8))
KEYS = st.sampled_from(
    [
        "schema_version",
        "id",
        "title",
        "questions",
        "type",
        "text",
        "options",
        "value",
        "label",
        "show_if",
        "question",
        "any_of",
        "measure",
        "positive",
        "required",
        "breakdown",
    ]
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)


class TestReaderProperties:
    @PROPERTY
    @given(text=st.text(max_size=300))
    def test_any_text_parses_or_is_refused(self, text: str) -> None:
        error = refusal(text)
        assert error is None or all(error.problems)

    @PROPERTY
    @given(data=DATA)
    def test_any_yaml_data_parses_or_is_refused(self, data: Any) -> None:
        error = refusal(yaml.safe_dump(data, allow_unicode=True))
        assert error is None or error.problems

    @PROPERTY
    @given(line=st.integers(min_value=0, max_value=60), replacement=st.text(max_size=20))
    def test_edited_shipped_file_parses_or_is_refused(self, line: int, replacement: str) -> None:
        lines = MINIMAL.splitlines()
        lines[line % len(lines)] = replacement.replace("\n", " ").replace("\r", " ")
        error = refusal("\n".join(lines))
        assert error is None or error.problems


class TestMeasuresAndFramework:
    def test_every_questionnaire_measure_is_in_the_catalogue(self) -> None:
        ids = {m.id for m in SURVEY_MEASURES}
        for name in ("staff", "organisations"):
            questionnaire = read_questionnaire_file(name).questionnaire
            assert {q.measure.id for q in questionnaire.measures() if q.measure} <= ids

    @pytest.mark.parametrize(
        ("code", "measure_id"),
        [
            pytest.param("1.2b", "willing_to_change_hours_share", id="1.2b"),
            pytest.param("3.2a", "feels_valued_by_employer_share", id="3.2a"),
            pytest.param("3.2b", "feels_valued_by_public_share", id="3.2b"),
            pytest.param("3.2c", "feels_rewarded_share", id="3.2c"),
            pytest.param("4.1a", "strength_based_practice_share", id="4.1a"),
            pytest.param("4.2a", "digital_confidence_share", id="4.2a"),
            pytest.param("4.2b", "helps_with_technology_share", id="4.2b"),
        ],
    )
    def test_framework_binds_survey_measures(self, code: str, measure_id: str) -> None:
        framework = read_framework_file().framework
        found = {p.measure.code: p.measure for p in placed_measures(framework)}
        sources = found[code].sources or []
        assert measure_id in [source.measure_id for source in sources]
