"""Which workplace a row of the establishments dataset is, whoever sends it.

A regulated workplace is identified by its CQC location ID (the same whichever organisation
holds its ASC-WDS account); any other by its ASC-WDS reference (LOCALESTID), the only identity
the canonical establishments dataset offers for it.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.vocab.canonical_columns import Establishment as E

IDENTITY: Final = "workplace_identity"
"""Column: a workplace's identity (``cqc:<location id>`` or ``ascwds:<reference>``)."""
CQC_PREFIX: Final = "cqc:"
"""Identities of regulated workplaces start with this."""
ASCWDS_PREFIX: Final = "ascwds:"
"""Identities of other workplaces start with this."""


def workplace_identity(location_id: str | None, reference: str) -> str:
    """A workplace's identity from its CQC location ID (when it has one) and its reference."""
    location = (location_id or "").strip()
    if location:
        return f"{CQC_PREFIX}{location.upper()}"
    return f"{ASCWDS_PREFIX}{reference.strip()}"


def identity_expression() -> pl.Expr:
    """The identity of each row of an establishments frame (named :data:`IDENTITY`)."""
    location = pl.col(E.LOCATION_ID).cast(pl.String).str.strip_chars().str.to_uppercase()
    return (
        pl.when(location.is_not_null() & (location != ""))
        .then(pl.lit(CQC_PREFIX) + location)
        .otherwise(
            pl.lit(ASCWDS_PREFIX) + pl.col(E.ESTABLISHMENT_ID).cast(pl.String).str.strip_chars()
        )
        .alias(IDENTITY)
    )
