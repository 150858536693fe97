"""A provider's own references: the workplace and worker references it uploaded (LOCALESTID,
UNIQUEWORKERID and DISPLAYID; never the National Insurance number or the date of birth), matched
to the lines of its files and to the pseudonymous key its staff records carry in the shared
datasets.

They are worked out from the provider's own uploaded files for the provider's own view only:
nothing here is written to a dataset, a publication or a download for anyone else, where the
pseudonymous key stays the only identifier of a worker.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from careforce.core.sources.ascwds.canonical import keyed_hash
from careforce.core.sources.ascwds.cross_file import DESTINATION_KEY, WORKER_ID
from careforce.core.sources.ascwds.validate import RawFile, prepare_staff
from careforce.core.vocab.ascwds_columns import LINE
from careforce.core.vocab.ascwds_columns import StaffColumn as S
from careforce.core.vocab.canonical_columns import Worker as WK

WORKPLACE_REFERENCE: Final = "workplace_reference"
"""Column: the workplace's reference as uploaded (LOCALESTID)."""
WORKER_REFERENCE: Final = "worker_reference"
"""Column: the worker's reference as uploaded (UNIQUEWORKERID, or its change in the file)."""
DISPLAY_ID: Final = "display_id"
"""Column: the worker's display reference as uploaded (DISPLAYID)."""
LINE_NUMBER: Final = "line"
"""Column: the line of the file a row starts on (as findings give it)."""

LINE_SCHEMA: Final = pl.Schema(
    {LINE_NUMBER: pl.Int64(), WORKPLACE_REFERENCE: pl.String(), WORKER_REFERENCE: pl.String()}
)
STAFF_SCHEMA: Final = pl.Schema(
    {
        WK.WORKER_ID: pl.String(),
        WK.ESTABLISHMENT_ID: pl.String(),
        WORKER_REFERENCE: pl.String(),
        DISPLAY_ID: pl.String(),
    }
)


def _text(frame: pl.DataFrame, column: str) -> pl.Expr:
    names = {name.upper(): name for name in frame.columns}
    if column not in names:
        return pl.lit("", dtype=pl.String)
    return pl.col(names[column]).cast(pl.String).fill_null("").str.strip_chars()


def line_references(raw: RawFile) -> pl.DataFrame:
    """Each line of an uploaded workplace, staff or training file with the workplace reference
    on it and, in staff and training files, the worker reference."""
    frame = raw.frame
    return frame.select(
        pl.col(LINE).cast(pl.Int64).alias(LINE_NUMBER),
        _text(frame, S.LOCALESTID).alias(WORKPLACE_REFERENCE),
        _text(frame, S.UNIQUEWORKERID).alias(WORKER_REFERENCE),
    )


def staff_references(raw: RawFile, *, secret: bytes) -> pl.DataFrame:
    """Each staff record of an uploaded staff file by the pseudonymous key of the canonical
    workers (the same keyed hash of its workplace and worker references), with the worker
    reference and display reference the provider gave it.

    Args:
        raw: the staff file as uploaded.
        secret: the service's pseudonymisation secret (the one its datasets were built with).
    """
    prepared = prepare_staff(raw).collect()
    keys = prepared.select(
        pl.concat_str([pl.col(DESTINATION_KEY), pl.col(WORKER_ID)], separator="\x1f")
    ).to_series()
    return (
        prepared.select(
            keyed_hash(keys, secret).alias(WK.WORKER_ID),
            pl.col(DESTINATION_KEY).alias(WK.ESTABLISHMENT_ID),
            pl.col(WORKER_ID).alias(WORKER_REFERENCE),
            _text(prepared, S.DISPLAYID).alias(DISPLAY_ID),
        )
        .filter(pl.col(WK.WORKER_ID).is_not_null())
        .unique(WK.WORKER_ID, keep="first", maintain_order=True)
        .match_to_schema(STAFF_SCHEMA)
    )
