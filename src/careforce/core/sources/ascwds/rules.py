"""The complete rule catalogue (importing every module that declares rules)."""

from __future__ import annotations

from careforce.core.sources.ascwds import cross_file, skipping, staff, training, workplace
from careforce.core.sources.ascwds.catalogue import RULES
from careforce.core.sources.ascwds.findings import Rule

_DECLARING_MODULES = (workplace, staff, training, cross_file, skipping)


def all_rules() -> dict[str, Rule]:
    """Every ASC-WDS rule careforce applies, keyed by code, in declaration order."""
    assert _DECLARING_MODULES
    return dict(RULES)
