"""The catalogue of every ASC-WDS validation rule careforce applies, keyed by code."""

from __future__ import annotations

from careforce.core.sources.ascwds.findings import FileKind, Rule, Severity

_PREFIX = {FileKind.WORKPLACE: "WKP", FileKind.STAFF: "STF", FileKind.TRAINING: "TRN"}

RULES: dict[str, Rule] = {}
"""Every rule, keyed by its code; filled as the rule modules are imported."""


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
    """Declare a rule and register it in the catalogue.

    The code is the file prefix plus the slug, e.g. ``STF`` + ``DOB-FORMAT``.
    """
    code = f"{_PREFIX[file]}-{slug}"
    if code in RULES:
        raise DuplicateRuleError(code)
    declared = Rule(
        code=code,
        file=file,
        severity=severity,
        column=column,
        message=message,
        guidance=guidance,
        asc_code=asc,
    )
    RULES[code] = declared
    return declared
