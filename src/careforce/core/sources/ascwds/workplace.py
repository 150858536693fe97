"""Every field check of the workplace file (one row per workplace), topic by topic.

Each topic module declares its rules beside the checks that evaluate them; the catalogue of
rules is built in :mod:`careforce.core.sources.ascwds.rules`.
"""

from __future__ import annotations

from careforce.core.sources.ascwds import (
    workplace_address,
    workplace_dha,
    workplace_identity,
    workplace_registration,
    workplace_services,
    workplace_terms,
    workplace_workforce,
)
from careforce.core.sources.ascwds.common import row_shape_checks
from careforce.core.sources.ascwds.findings import Check
from careforce.core.sources.ascwds.workplace_common import FILE


def workplace_checks() -> list[Check]:
    """Every field rule of the workplace file, bound to its expressions."""
    return [
        *row_shape_checks(FILE),
        *workplace_identity.checks(),
        *workplace_address.checks(),
        *workplace_registration.checks(),
        *workplace_services.checks(),
        *workplace_dha.checks(),
        *workplace_workforce.checks(),
        *workplace_terms.checks(),
    ]
