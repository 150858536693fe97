"""Synthetic answers to the questions ASC-WDS added from 2024 (policy_answers.py)."""

from __future__ import annotations

import pytest

from careforce.core.vocab import staff_codes, workplace_codes
from careforce.synthetic.policy_answers import worker_answers, workplace_answers

pytestmark = pytest.mark.unit

DOMICILIARY, DAY_CENTRE_NO_DHA = 8, 10


class TestWorkplaceAnswers:
    def test_the_same_workplace_always_gets_the_same_answers(self) -> None:
        assert workplace_answers("W1", DOMICILIARY) == workplace_answers("W1", DOMICILIARY)

    def test_services_that_cannot_do_dha_leave_it_blank(self) -> None:
        assert DAY_CENTRE_NO_DHA not in workplace_codes.DHA_SERVICES
        answers = [workplace_answers(f"W{i}", DAY_CENTRE_NO_DHA) for i in range(50)]
        assert {a["DHA"] for a in answers} == {""}
        assert {a["DHAACTIVITIES"] for a in answers} == {""}

    def test_activities_only_with_dha_and_valid(self) -> None:
        for i in range(300):
            answers = workplace_answers(f"W{i}", DOMICILIARY)
            if answers["DHA"] != "1":
                assert answers["DHAACTIVITIES"] == ""
            elif answers["DHAACTIVITIES"] != "999":
                codes = {int(c) for c in answers["DHAACTIVITIES"].split(";")}
                assert codes <= workplace_codes.DHA_ACTIVITY.codes

    def test_pathway_use_follows_awareness(self) -> None:
        for i in range(300):
            answers = workplace_answers(f"W{i}", DOMICILIARY)
            use = answers["CWPUSE"].split(";")[0]
            if answers["CWPAWARE"] == "4":
                assert use == "2"
            elif answers["CWPAWARE"] in ("", "999"):
                assert use == ""


class TestWorkerAnswers:
    def test_dha_only_where_the_workplace_and_role_allow(self) -> None:
        role = 25  # administrative: cannot carry out DHA
        assert role not in staff_codes.DHA_JOB_ROLES
        assert worker_answers("a", role=role, in_sector=2010, workplace_dha="1")[1] == ""
        assert {
            worker_answers(f"c{i}", role=8, in_sector=2010, workplace_dha="2")[1] for i in range(50)
        } == {""}

    @pytest.mark.parametrize(
        ("role", "in_sector", "category"),
        [(8, 2010, "2"), (8, 2021, "1"), (7, 2010, "3"), (4, 2010, "7"), (25, 2010, "998")],
        ids=["care-worker", "new-to-care", "senior-care-worker", "registered-manager", "admin"],
    )
    def test_pathway_category_follows_the_role(
        self, role: int, in_sector: int, category: str
    ) -> None:
        drawn = {
            worker_answers(f"w{i}", role=role, in_sector=in_sector, workplace_dha="")[2]
            for i in range(200)
        }
        assert drawn == {category, "", "999"}
