"""The workplace policy columns of the canonical ``establishments`` dataset (canonical_terms.py).

WP1 of the base set is a domiciliary care service (main service 8, pay group 1: asked about
sleep-ins and travel time) with DHA 1 (activities 1;7), CWPAWARE 1, CWPUSE 1;2;10, PENSION 1
with ACTUALCONT 5, SLEEPINS 2 and TRAVELTIME 3 at £11.50. WP2 is a day centre (main service 6,
pay group 3) that answers none of them.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from careforce.core.sources.ascwds.canonical import Exclusions, canonical_datasets
from careforce.core.sources.ascwds.validate import validate_file_set
from careforce.core.vocab.canonical_columns import Establishment as E

pytestmark = pytest.mark.unit


def _places(ascwds: SimpleNamespace, **wp1: str) -> dict[str, dict[str, Any]]:
    workplace = ascwds.mutate(ascwds.BASE_WORKPLACE, 0, **wp1) if wp1 else ascwds.BASE_WORKPLACE
    files = ascwds.fileset(workplace, ascwds.BASE_STAFF, ascwds.BASE_TRAINING)
    validation = validate_file_set(files, reference_date=ascwds.REFERENCE_DATE, today=ascwds.TODAY)
    canonical = canonical_datasets(
        validation,
        reference_date=ascwds.REFERENCE_DATE,
        today=ascwds.TODAY,
        secret=b"test",
        exclusions=Exclusions(),
    )
    return {row[E.ESTABLISHMENT_ID]: row for row in canonical.establishments.to_dicts()}


class TestPolicyTermsColumns:
    def test_the_worked_example_is_kept(self, ascwds: SimpleNamespace) -> None:
        wp1 = _places(ascwds)["WP1"]
        assert wp1[E.CWP_AWARENESS] == "Aware of how the care workforce pathway works in practice"
        assert wp1[E.CWP_USE] == "Yes"
        assert wp1[E.CWP_USE_REASONS] == [2, 10]
        assert wp1[E.DHA_ACTIVITIES] == [1, 7]
        assert wp1[E.PENSION_CONTRIBUTION] == 5.0
        assert wp1[E.SLEEP_INS] == "No"
        assert wp1[E.SLEEP_IN_PAY] is None
        assert wp1[E.TRAVEL_TIME_PAY] == "A different travel time rate"
        assert wp1[E.TRAVEL_TIME_RATE] == 11.5

    def test_unanswered_questions_are_empty(self, ascwds: SimpleNamespace) -> None:
        wp2 = _places(ascwds)["WP2"]
        assert wp2[E.CWP_AWARENESS] == "Not aware of the care workforce pathway"
        assert wp2[E.CWP_USE] == "No"
        assert wp2[E.CWP_USE_REASONS] is None
        assert wp2[E.DHA_ACTIVITIES] is None
        assert wp2[E.PENSION_CONTRIBUTION] is None
        assert wp2[E.SLEEP_INS] is None
        assert wp2[E.TRAVEL_TIME_PAY] is None

    @pytest.mark.parametrize(
        ("cells", "column", "expected"),
        [
            ({"ACTUALCONT": "3"}, E.PENSION_CONTRIBUTION, None),
            ({"ACTUALCONT": "4.567"}, E.PENSION_CONTRIBUTION, 4.57),
            ({"PENSION": "0", "ACTUALCONT": "5"}, E.PENSION_CONTRIBUTION, None),
            ({"SLEEPINS": "1", "SLEEPINPAY": "2"}, E.SLEEP_IN_PAY, "Flat rate"),
            ({"SLEEPINS": "2", "SLEEPINPAY": "2"}, E.SLEEP_IN_PAY, None),
            ({"TTDIFFRATE": "2.49"}, E.TRAVEL_TIME_RATE, None),
            ({"TRAVELTIME": "1"}, E.TRAVEL_TIME_RATE, None),
            ({"DHAACTIVITIES": "7;99;1;7"}, E.DHA_ACTIVITIES, [1, 7]),
            ({"DHA": "2"}, E.DHA_ACTIVITIES, None),
            ({"CWPUSE": "1;4;x;9"}, E.CWP_USE_REASONS, [4, 9]),
            ({"CWPUSE": "999"}, E.CWP_USE, "Don't know"),
            ({"CWPAWARE": "7"}, E.CWP_AWARENESS, None),
        ],
        ids=[
            "contribution-must-be-above-3",
            "contribution-to-2-dp",
            "contribution-only-with-pension",
            "sleep-in-pay",
            "sleep-in-pay-only-with-sleep-ins",
            "travel-rate-below-range",
            "travel-rate-only-with-code-3",
            "valid-activities-sorted-distinct",
            "activities-only-with-dha",
            "valid-reasons-only",
            "use-dont-know",
            "unknown-awareness",
        ],
    )
    def test_values_validation_ignores_are_left_empty(
        self, ascwds: SimpleNamespace, cells: dict[str, str], column: str, expected: object
    ) -> None:
        assert _places(ascwds, **cells)["WP1"][column] == expected

    def test_sleep_ins_are_ignored_for_services_not_asked(self, ascwds: SimpleNamespace) -> None:
        wp2 = _places(ascwds)["WP2"]
        assert wp2[E.SLEEP_INS] is None


def _workers(ascwds: SimpleNamespace, workplace: str, staff: str) -> dict[str, Any]:
    files = ascwds.fileset(workplace, staff, ascwds.BASE_TRAINING)
    validation = validate_file_set(files, reference_date=ascwds.REFERENCE_DATE, today=ascwds.TODAY)
    canonical = canonical_datasets(
        validation,
        reference_date=ascwds.REFERENCE_DATE,
        today=ascwds.TODAY,
        secret=b"test",
        exclusions=Exclusions(),
    )
    return {row["establishment_id"]: row for row in canonical.workers.to_dicts()}


class TestWorkerDha:
    def test_kept_where_the_workplace_carries_out_dha(self, ascwds: SimpleNamespace) -> None:
        # CW1 (care worker at WP1, whose DHA is 1) answers DHA 1.
        workers = _workers(
            ascwds, ascwds.BASE_WORKPLACE, ascwds.mutate(ascwds.BASE_STAFF, 0, DHA="")
        )
        assert workers["WP1"]["delegated_healthcare_activities"] == "Yes"

    def test_ignored_where_the_workplace_answered_no(self, ascwds: SimpleNamespace) -> None:
        # DC1 works at WP2, which answered DHA 2 (no): validation ignores the worker's answer.
        staff = ascwds.mutate(ascwds.BASE_STAFF, 2, DHA="1")
        assert (
            _workers(ascwds, ascwds.BASE_WORKPLACE, staff)["WP2"]["delegated_healthcare_activities"]
            is None
        )

    def test_kept_where_the_workplace_did_not_answer(self, ascwds: SimpleNamespace) -> None:
        workplace = ascwds.mutate(ascwds.BASE_WORKPLACE, 1, DHA="")
        staff = ascwds.mutate(ascwds.BASE_STAFF, 2, DHA="1")
        assert _workers(ascwds, workplace, staff)["WP2"]["delegated_healthcare_activities"] == "Yes"
