"""Declaring ASC-WDS validation rules, and building the catalogue from the modules that declare them."""

from __future__ import annotations

from collections.abc import Iterable

from careforce.core.sources.ascwds.findings import FileKind, Rule, Severity

_PREFIX = {FileKind.WORKPLACE: "WKP", FileKind.STAFF: "STF", FileKind.TRAINING: "TRN"}


class DuplicateRuleError(ValueError):
    """Raised when two rules are declared with the same code."""


def rule(
    file: FileKind,
    severity: Severity,
    slug: str,
    column: str,
    message: str,
    *,
    guidance: str,
    asc: int | None = None,
) -> Rule:
    """Declare a rule (a plain value: it is in the catalogue once its module's RULES lists it).

    The code is the file prefix plus the slug, e.g. ``STF`` + ``DOB-FORMAT``.
    """
    return Rule(
        code=f"{_PREFIX[file]}-{slug}",
        file=file,
        severity=severity,
        column=column,
        message=message,
        guidance=guidance,
        asc_code=asc,
    )


def catalogue_of(rules: Iterable[Rule]) -> dict[str, Rule]:
    """The rules keyed by code, in the order given.

    Raises:
        DuplicateRuleError: when two rules have the same code.
    """
    catalogue: dict[str, Rule] = {}
    for found in rules:
        if found.code in catalogue:
            raise DuplicateRuleError(found.code)
        catalogue[found.code] = found
    return catalogue
