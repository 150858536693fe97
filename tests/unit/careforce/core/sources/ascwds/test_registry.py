"""The registry of ASC-WDS rules: one tuple of rule modules, a catalogue built from it afresh."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from dataclasses import replace
from types import ModuleType

import pytest

from careforce.core.sources.ascwds import (
    catalogue,
    common,
    rules,
    staff_background,
    staff_employment,
    staff_hours,
    staff_identity,
    staff_job_role,
    staff_nationality,
    staff_pay,
    staff_personal,
    staff_professions,
    staff_qualifications,
    staff_visa,
    training,
    workplace_address,
    workplace_dha,
    workplace_identity,
    workplace_registration,
    workplace_services,
    workplace_terms,
    workplace_workforce,
)
from careforce.core.sources.ascwds.catalogue import DuplicateRuleError, catalogue_of
from careforce.core.sources.ascwds.findings import Check, FileKind, Rule
from careforce.core.sources.ascwds.rules import RULE_MODULES, all_rules
from careforce.core.sources.ascwds.staff import staff_checks
from careforce.core.sources.ascwds.workplace import workplace_checks
from careforce.core.vocab.ascwds_columns import StaffColumn as S

pytestmark = pytest.mark.unit

_TODAY = dt.date(2025, 6, 1)
_REFERENCE_DATE = dt.date(2025, 3, 31)
_QUALIFICATIONS = [1, 2, 3]

DOCUMENTED_ORDER = (
    "common",
    "staff_identity",
    "staff_personal",
    "staff_nationality",
    "staff_background",
    "staff_visa",
    "staff_employment",
    "staff_pay",
    "staff_job_role",
    "staff_hours",
    "staff_professions",
    "staff_qualifications",
    "training",
    "workplace_identity",
    "workplace_address",
    "workplace_registration",
    "workplace_services",
    "workplace_dha",
    "workplace_workforce",
    "workplace_terms",
    "cross_file",
    "skipping",
)
"""The order the registry documents: row and STATUS rules, staff, training and workplace field
rules topic by topic, cross-file rules, rules of rows left out."""

TOPIC_CHECKS: dict[ModuleType, Callable[[], list[Check]]] = {
    staff_identity: lambda: staff_identity.checks({S.CHGUNIQUEWRKID}),
    staff_personal: lambda: staff_personal.checks(_REFERENCE_DATE),
    staff_nationality: lambda: staff_nationality.checks(_TODAY),
    staff_background: lambda: staff_background.checks(_TODAY),
    staff_visa: staff_visa.checks,
    staff_employment: lambda: staff_employment.checks(_TODAY),
    staff_pay: staff_pay.checks,
    staff_job_role: staff_job_role.checks,
    staff_hours: staff_hours.checks,
    staff_professions: staff_professions.checks,
    staff_qualifications: lambda: staff_qualifications.checks(_QUALIFICATIONS, _TODAY),
    training: lambda: training.training_checks(today=_TODAY),
    workplace_identity: workplace_identity.checks,
    workplace_address: workplace_address.checks,
    workplace_registration: workplace_registration.checks,
    workplace_services: workplace_services.checks,
    workplace_dha: workplace_dha.checks,
    workplace_workforce: workplace_workforce.checks,
    workplace_terms: workplace_terms.checks,
}
"""Every topic module of field rules, with a call of its checks."""


def _module_rules() -> list[Rule]:
    return [found for module in RULE_MODULES for found in module.RULES]


class TestCatalogue:
    def test_every_code_appears_exactly_once(self) -> None:
        codes = [found.code for found in _module_rules()]
        assert len(codes) == len(set(codes))
        assert codes == list(all_rules())

    def test_the_catalogue_is_keyed_by_code(self) -> None:
        assert all(code == found.code for code, found in all_rules().items())

    def test_every_module_lists_its_rules_as_a_tuple(self) -> None:
        for module in RULE_MODULES:
            assert isinstance(module.RULES, tuple), module.__name__
            assert all(isinstance(found, Rule) for found in module.RULES), module.__name__

    def test_every_rule_a_module_declares_is_listed(self) -> None:
        for module in RULE_MODULES:
            declared = set()
            for value in vars(module).values():
                if isinstance(value, Rule):
                    declared.add(value)
                elif isinstance(value, dict):
                    declared |= {v for v in value.values() if isinstance(v, Rule)}
            assert declared <= set(module.RULES), module.__name__


class TestRegistryOrder:
    def test_registry_order_is_the_documented_order(self) -> None:
        names = tuple(module.__name__.rsplit(".", 1)[-1] for module in RULE_MODULES)
        assert names == DOCUMENTED_ORDER

    def test_row_rules_come_first_and_skipped_rows_last(self) -> None:
        codes = list(all_rules())
        assert codes[: len(common.RULES)] == [found.code for found in common.RULES]
        assert codes[-1] == "TRN-STAFF-SKIPPED"

    def test_field_rules_are_grouped_by_file(self) -> None:
        field_modules = RULE_MODULES[1:-2]
        files = [found.file for module in field_modules for found in module.RULES]
        first = {kind: files.index(kind) for kind in FileKind}
        last = {kind: len(files) - 1 - files[::-1].index(kind) for kind in FileKind}
        assert last[FileKind.STAFF] < first[FileKind.TRAINING]
        assert last[FileKind.TRAINING] < first[FileKind.WORKPLACE]


class TestChecks:
    def test_every_topic_module_with_checks_is_known(self) -> None:
        with_checks = {m for m in RULE_MODULES if hasattr(m, "checks") or m is training}
        assert with_checks == set(TOPIC_CHECKS)

    @pytest.mark.parametrize("module", list(TOPIC_CHECKS), ids=lambda m: m.__name__)
    def test_checks_use_rules_of_the_catalogue(self, module: ModuleType) -> None:
        catalogued = all_rules()
        for found in TOPIC_CHECKS[module]():
            assert catalogued[found.rule.code] == found.rule

    @pytest.mark.parametrize("module", list(TOPIC_CHECKS), ids=lambda m: m.__name__)
    def test_checks_use_their_own_rules_or_the_shared_ones(self, module: ModuleType) -> None:
        allowed = {found.code for found in (*module.RULES, *common.RULES)}
        used = {found.rule.code for found in TOPIC_CHECKS[module]()}
        assert used <= allowed
        assert {found.code for found in module.RULES} <= used

    def test_validation_evaluates_every_topic_module(self) -> None:
        assembled = {
            found.rule.code
            for found in [
                *staff_checks(
                    {S.CHGUNIQUEWRKID},
                    _QUALIFICATIONS,
                    reference_date=_REFERENCE_DATE,
                    today=_TODAY,
                ),
                *workplace_checks(),
                *training.training_checks(today=_TODAY),
            ]
        }
        for module, topic_checks in TOPIC_CHECKS.items():
            assert {found.rule.code for found in topic_checks()} <= assembled, module.__name__


class TestDuplicates:
    def test_duplicate_codes_are_refused(self) -> None:
        first = common.RULES[0]
        with pytest.raises(DuplicateRuleError, match=first.code):
            catalogue_of([first, replace(first, message="another message")])

    def test_a_module_listed_twice_is_refused(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(rules, "RULE_MODULES", (*RULE_MODULES, staff_pay))
        with pytest.raises(DuplicateRuleError, match="STF-SALARYINT-FORMAT"):
            all_rules()


class TestNoMutableCatalogue:
    def test_the_catalogue_module_holds_no_rules(self) -> None:
        assert not hasattr(catalogue, "RULES")
        for value in vars(catalogue).values():
            if isinstance(value, dict | list | set | tuple):
                items = value.values() if isinstance(value, dict) else value
                assert not any(isinstance(item, Rule) for item in items)

    def test_the_catalogue_is_built_afresh(self) -> None:
        before = all_rules()
        before.clear()
        assert len(all_rules()) == len(_module_rules()) > 0

    @pytest.mark.parametrize("module", RULE_MODULES, ids=lambda m: m.__name__)
    def test_importing_a_rule_module_again_leaves_the_catalogue_alone(
        self, module: ModuleType
    ) -> None:
        before = all_rules()
        spec = importlib.util.spec_from_file_location(f"_again_{id(module)}", module.__file__)
        assert spec is not None
        assert spec.loader is not None
        again = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(again)
        assert again.RULES == module.RULES
        assert all_rules() == before

    @pytest.mark.parametrize("module", RULE_MODULES, ids=lambda m: m.__name__)
    def test_no_module_keeps_rules_keyed_by_code(self, module: ModuleType) -> None:
        for name, value in vars(module).items():
            if isinstance(value, dict) and value:
                assert not all(isinstance(v, Rule) and k == v.code for k, v in value.items()), (
                    f"{module.__name__}.{name}"
                )
