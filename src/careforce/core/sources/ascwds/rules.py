"""The registry of ASC-WDS rules: every module that declares rules, and the catalogue built from them.

A rule is a plain value declared beside the check that evaluates it; nothing is registered on
import. A module that declares rules lists them in its ``RULES`` tuple, and is listed once in
:data:`RULE_MODULES`. The catalogue (and so ``docs/ascwds-rules.md``) lists the rules in the
order of that tuple: the row and STATUS rules of all three files, then the field rules of the
staff, training and workplace files topic by topic, then the cross-file rules, then the rules
of rows left out by ``--skip-invalid-rows``.
"""

from __future__ import annotations

from types import ModuleType

from careforce.core.sources.ascwds import (
    common,
    cross_file,
    skipping,
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
from careforce.core.sources.ascwds.catalogue import catalogue_of
from careforce.core.sources.ascwds.findings import Rule

RULE_MODULES: tuple[ModuleType, ...] = (
    common,
    staff_identity,
    staff_personal,
    staff_nationality,
    staff_background,
    staff_visa,
    staff_employment,
    staff_pay,
    staff_job_role,
    staff_hours,
    staff_professions,
    staff_qualifications,
    training,
    workplace_identity,
    workplace_address,
    workplace_registration,
    workplace_services,
    workplace_dha,
    workplace_workforce,
    workplace_terms,
    cross_file,
    skipping,
)
"""Every module that declares rules, in catalogue order; each has a ``RULES`` tuple."""


def all_rules() -> dict[str, Rule]:
    """Every ASC-WDS rule careforce applies, keyed by code, in registry order.

    Raises:
        DuplicateRuleError: when two modules declare a rule with the same code.
    """
    rules: list[Rule] = []
    for module in RULE_MODULES:
        rules += module.RULES
    return catalogue_of(rules)
