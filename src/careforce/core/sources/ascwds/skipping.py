"""Leaving invalid rows out (``--skip-invalid-rows``) and saying so for every row left out."""

from __future__ import annotations

import polars as pl

from careforce.core.sources.ascwds.canonical import Exclusions
from careforce.core.sources.ascwds.catalogue import rule
from careforce.core.sources.ascwds.common import LIVE
from careforce.core.sources.ascwds.cross_file import (
    DESTINATION_KEY,
    ORIGINAL_WORKER_ID,
    STAFF_WORKPLACE_KEY,
    WORKER_ID,
)
from careforce.core.sources.ascwds.expressions import key
from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA, FileKind, Rule, Severity
from careforce.core.sources.ascwds.validate import Validation
from careforce.core.sources.ascwds.workplace_common import WORKPLACE_KEY
from careforce.core.vocab.ascwds_columns import LINE
from careforce.core.vocab.ascwds_columns import TrainingColumn as T

_SKIPPED = {
    file: rule(
        file,
        Severity.WARNING,
        "ROW-SKIPPED",
        "",
        "The row has errors and has been left out of the output",
        guidance="Correct the errors on this row and upload the files again to include it.",
    )
    for file in FileKind
}
_WORKPLACE_SKIPPED = rule(
    FileKind.STAFF,
    Severity.WARNING,
    "WORKPLACE-SKIPPED",
    "LOCALESTID",
    "The staff record has been left out because its workplace row has errors",
    guidance="Correct the errors on the workplace row.",
)
_STAFF_SKIPPED = rule(
    FileKind.TRAINING,
    Severity.WARNING,
    "STAFF-SKIPPED",
    "LOCALESTID/UNIQUEWORKERID",
    "The training record has been left out because its staff record has errors or was left out",
    guidance="Correct the errors on the staff record.",
)


RULES: tuple[Rule, ...] = (
    *_SKIPPED.values(),
    _WORKPLACE_SKIPPED,
    _STAFF_SKIPPED,
)
"""The rules declared here, in catalogue order."""


def _lines_with_errors(findings: pl.DataFrame, kind: FileKind) -> set[int]:
    return set(
        findings.filter(
            (pl.col("file") == kind.value) & (pl.col("severity") == "error") & (pl.col("line") > 0)
        )["line"].to_list()
    )


def _finding_rows(rule_: Rule, frame: pl.DataFrame, value: pl.Expr) -> pl.DataFrame:
    return frame.select(
        pl.lit(rule_.file.value).alias("file"),
        pl.col(LINE).cast(pl.Int64).alias("line"),
        pl.lit(rule_.column).alias("column"),
        value.alias("value"),
        pl.lit(rule_.code).alias("code"),
        pl.lit(rule_.severity.value).alias("severity"),
        pl.lit(rule_.message).alias("message"),
    ).match_to_schema(FINDINGS_SCHEMA)


def exclude_invalid_rows(validation: Validation) -> tuple[Exclusions, pl.DataFrame]:
    """Lines to leave out so that only valid rows remain, with a finding for each line left out.

    A row is left out when it has an error, when its workplace row is left out (staff), or when
    its staff record is left out (training).
    """
    findings = validation.findings
    workplace_lines = _lines_with_errors(findings, FileKind.WORKPLACE)
    staff_lines = _lines_with_errors(findings, FileKind.STAFF)
    training_lines = _lines_with_errors(findings, FileKind.TRAINING)
    workplaces = validation.workplace
    skipped_places = workplaces.filter(pl.col(LINE).is_in(sorted(workplace_lines)))[
        WORKPLACE_KEY
    ].to_list()
    staff = validation.staff.filter(pl.col(LIVE))
    orphaned = staff.filter(
        pl.col(DESTINATION_KEY).is_in(skipped_places) & ~pl.col(LINE).is_in(sorted(staff_lines))
    )
    left_out_staff = staff.filter(
        pl.col(LINE).is_in(sorted(staff_lines | set(orphaned[LINE].to_list())))
    )
    keys = pl.concat(
        [
            left_out_staff.select(
                pl.col(STAFF_WORKPLACE_KEY).alias("_wp"), pl.col(ORIGINAL_WORKER_ID).alias("_id")
            ),
            left_out_staff.select(
                pl.col(DESTINATION_KEY).alias("_wp"), pl.col(WORKER_ID).alias("_id")
            ),
        ]
    )
    training = validation.training.filter(pl.col(LIVE)).with_columns(
        key(T.LOCALESTID).alias("_wp"), key(T.UNIQUEWORKERID).alias("_id")
    )
    training_orphans = training.join(keys, on=["_wp", "_id"], how="semi").filter(
        ~pl.col(LINE).is_in(sorted(training_lines))
    )
    notes = [
        *(
            _finding_rows(
                _SKIPPED[kind], frame.filter(pl.col(LINE).is_in(sorted(lines))), pl.lit("")
            )
            for kind, frame, lines in (
                (FileKind.WORKPLACE, workplaces, workplace_lines),
                (FileKind.STAFF, validation.staff, staff_lines),
                (FileKind.TRAINING, validation.training, training_lines),
            )
        ),
        _finding_rows(_WORKPLACE_SKIPPED, orphaned, pl.col("LOCALESTID")),
        _finding_rows(
            _STAFF_SKIPPED,
            training_orphans,
            pl.concat_str([pl.col(T.LOCALESTID), pl.col(T.UNIQUEWORKERID)], separator="/"),
        ),
    ]
    exclusions = Exclusions(
        workplace=frozenset(workplace_lines),
        staff=frozenset(staff_lines | set(orphaned[LINE].to_list())),
        training=frozenset(training_lines | set(training_orphans[LINE].to_list())),
    )
    return exclusions, pl.concat(notes, how="vertical")
