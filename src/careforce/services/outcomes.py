"""Use cases of the outcomes framework and the action plan: evaluate the framework against the
indicator results, track the action plan, and write the annual progress report.

Every use case has a part that returns results (for the web service to show) and a part that
writes files (for the command line).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Final

import polars as pl

from careforce.core.indicators.catalogue import SURVEY_MEASURES
from careforce.core.outcomes import columns as c
from careforce.core.outcomes.action_plan import (
    ActionPlan,
    UnknownActionError,
    Update,
    action_plan_json_schema,
    with_update,
)
from careforce.core.outcomes.actions import (
    SEQUENCE,
    action_flags,
    action_summary,
    milestone_flags,
    plan_frames,
    status_at,
    updates_between,
)
from careforce.core.outcomes.bases import indicators_on_base
from careforce.core.outcomes.bindings import framework_sources, manual_values
from careforce.core.outcomes.evaluation import evaluate_framework
from careforce.core.outcomes.framework import Framework, framework_json_schema
from careforce.core.outcomes.report import YEAR, ActionInputs, ProgressReport, progress_report
from careforce.core.outcomes.training_needs import needs_table
from careforce.core.outcomes.validation import ConfigurationError
from careforce.core.publishing.frameworks import framework_problems
from careforce.core.vocab import published as pub
from careforce.core.vocab.bases import Base, base_label
from careforce.io.config_files import LineMap, located_problems, write_schema
from careforce.io.csv_text import write_csv
from careforce.io.indicator_results import IndicatorResultsError, read_indicator_results
from careforce.io.outcomes_files import (
    ACTION_PLAN_SCHEMA_FILE,
    DEFAULT_ACTION_PLAN,
    DEFAULT_FRAMEWORK,
    FRAMEWORK_SCHEMA_FILE,
    ActionPlanFile,
    ConfigurationFileError,
    FrameworkFile,
    read_action_plan_file,
    read_framework_file,
    resolve_file,
    write_action_plan_file,
)
from careforce.io.reports import write_report
from careforce.io.spreadsheets import Sheet, Workbook, write_ods, write_xlsx
from careforce.io.text_files import write_json
from careforce.services.training_needs import TrainingNeedsInputError, training_needs_file

SCORECARD_STEM: Final = "scorecard"
"""File name (without suffix) of the scorecard outputs."""
ACTIONS_STEM: Final = "actions"
"""File name (without suffix) of the action-plan outputs."""
SCHEMAS: Final = {"framework": FRAMEWORK_SCHEMA_FILE, "action-plan": ACTION_PLAN_SCHEMA_FILE}
"""The JSON Schemas by the name the command line uses."""
COLUMN_NOTES: Final = {
    c.SOURCE_STATUS: "indicators (a measure of the indicator results), manual (values entered "
    "by hand with their evidence) or no data source yet.",
    c.BASE: "Whose workforce the value describes: 'estimated for the whole sector' (the "
    "returns weighted or grossed up to every registered location, careforce estimates "
    "compute) or 'returns only' (the workplaces that sent returns).",
    pub.VALUE: "The value; rates and shares are fractions (0.322 means 32.2%). Empty when "
    "suppressed or not available (see symbol).",
    c.CHANGE_SINCE_BASELINE: "Value minus the baseline value, for periods after the baseline.",
    c.SIGNIFICANT: "Whether the change since baseline is statistically significant at 95% "
    "(empty when it cannot be tested).",
    c.DIRECTION: "improving, worsening (against polarity), increasing, decreasing (no "
    "polarity), no significant change, cannot be calculated, or not applicable (baseline "
    "period and before).",
    c.CHANGE_SINCE_LAST: "Value minus the previous period's value.",
    c.PROGRESS_TO_TARGET: "Share of the way from the baseline to the target (1 = reached).",
    c.TARGET_STATUS: "met, not yet met, cannot be calculated, no target, or not applicable.",
}
"""Meanings of the scorecard's less obvious columns, for its notes sheet."""


class OutcomesInputError(ValueError):
    """An input of an outcomes use case cannot be used; ``lines`` has one line per problem."""

    def __init__(self, lines: Sequence[str]) -> None:
        """Keep every line; the message is the first, with a count of the others."""
        self.lines = list(lines) or ["an input cannot be used"]
        more = len(self.lines) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more > 0 else ""
        super().__init__(self.lines[0] + suffix)


def load_framework(spec: str | Path | None = None) -> FrameworkFile:
    """Read a framework file (a path, a shipped name, or the Staffordshire framework).

    Raises:
        OutcomesInputError: the file cannot be used.
    """
    try:
        return read_framework_file(spec)
    except ConfigurationFileError as error:
        raise OutcomesInputError(error.lines) from None


def configuration_path(spec: str | Path | None, *, framework: bool) -> Path:
    """The file a framework (``framework=True``) or action-plan spec names, without reading it
    (a path, a shipped name, or the shipped Staffordshire file when None).

    Raises:
        OutcomesInputError: neither a file nor a shipped name.
    """
    try:
        return resolve_file(spec or (DEFAULT_FRAMEWORK if framework else DEFAULT_ACTION_PLAN))
    except ConfigurationFileError as error:
        raise OutcomesInputError(error.lines) from None


def load_action_plan(spec: str | Path | None = None) -> ActionPlanFile:
    """Read an action-plan file (a path, a shipped name, or the Staffordshire plan).

    Raises:
        OutcomesInputError: the file cannot be used.
    """
    try:
        return read_action_plan_file(spec)
    except ConfigurationFileError as error:
        raise OutcomesInputError(error.lines) from None


@dataclass(frozen=True)
class Evaluation:
    """A framework evaluated against indicator results.

    Attributes:
        framework: the framework.
        scorecard: one row per framework source and period (see docs/outcomes.md).
        area_code: the area evaluated.
        area_name: its name.
        warnings: sources with no rows in the results, and similar notes.
        framework_path: the framework file, when read from one.
        indicators_path: the indicator results file, when read from one.
        base: the base asked for (a row is on it where the results hold it: see ``base``).
    """

    framework: Framework
    scorecard: pl.DataFrame
    area_code: str | None
    area_name: str | None
    warnings: list[str] = field(default_factory=list)
    framework_path: Path | None = None
    indicators_path: Path | None = None
    base: Base = Base.ESTIMATED

    @property
    def bases(self) -> list[str]:
        """The bases of the scorecard's values, as they read (estimated first)."""
        found = set(self.scorecard.get_column(c.BASE).drop_nulls().unique())
        return [base_label(base) for base in Base if base_label(base) in found]

    def base_note(self) -> str:
        """One sentence saying which base the figures are on and how to get the other."""
        return base_sentence(self.bases, asked=self.base)


def base_sentence(bases: Sequence[str], *, asked: Base) -> str:
    """Which base a set of figures is on, and the option for the other one."""
    estimated, returned = base_label(Base.ESTIMATED), base_label(Base.RETURNED)
    if asked is Base.RETURNED:
        return f"Base: {returned} (the workplaces that sent returns), as asked."
    if estimated not in bases:
        return (
            f"Base: {returned}; no whole-sector estimates are in the results "
            "(careforce indicators compute --estimates adds them)."
        )
    if returned in bases:
        return (
            f"Base: {estimated} where the results hold the estimate, else {returned} (each row "
            "says which); the returned-only base is one option away."
        )
    return f"Base: {estimated}; the returned-only base is one option away."


def _one_area(indicators: pl.DataFrame, area: str | None) -> tuple[pl.DataFrame, str | None]:
    areas = sorted(str(code) for code in indicators.get_column(pub.AREA_CODE).drop_nulls().unique())
    if area is not None:
        if area not in areas:
            listed = ", ".join(areas) or "none"
            raise OutcomesInputError([f"the indicator results have no area {area!r} ({listed})"])
        return indicators.filter(pl.col(pub.AREA_CODE) == area), area
    if len(areas) > 1:
        raise OutcomesInputError(
            [
                f"the indicator results hold several areas ({', '.join(areas)}); choose one with --area"
            ]
        )
    return indicators, areas[0] if areas else None


def _evaluated_columns(indicators: pl.DataFrame) -> pl.DataFrame:
    """The columns evaluation reads, the comparator's empty where the results lack them."""
    return indicators.with_columns(
        pl.lit(None, dtype=pub.PUBLISHED_SCHEMA[name]).alias(name)
        for name in c.COMPARATOR_COLUMNS
        if name not in indicators.columns
    ).select(*c.INDICATOR_COLUMNS, *c.COMPARATOR_COLUMNS)


def evaluate(
    framework: Framework,
    indicators: pl.DataFrame,
    *,
    area: str | None = None,
    lines: LineMap | None = None,
    framework_path: Path | None = None,
    indicators_path: Path | None = None,
    base: Base = Base.ESTIMATED,
) -> Evaluation:
    """Evaluate a framework against indicator results of one area.

    Args:
        framework: the framework.
        indicators: indicator results (the columns of ``indicators.csv``, numbers typed).
        area: area code to evaluate; None when the results hold one area.
        lines: the framework file's line map, to say where a problem is.
        framework_path: the framework file, for messages and the manifest.
        indicators_path: the results file, for the manifest.
        base: the whole sector as estimated (the default: measures with a whole-sector
            counterpart in the results take its figures) or the returns alone.

    Raises:
        OutcomesInputError: a measure id or breakdown does not exist, or the area is ambiguous.
    """
    problems, warnings = framework_problems(framework, available=indicators)
    if problems:
        prefix = f"{framework_path}: " if framework_path else ""
        raise OutcomesInputError(
            [prefix + line for line in located_problems(problems, lines or {})]
        )
    chosen, area_code = _one_area(indicators, area)
    names = chosen.get_column(pub.AREA_NAME).drop_nulls()
    area_name = str(names[0]) if names.len() else framework.area_name
    scorecard = evaluate_framework(
        indicators_on_base(
            _evaluated_columns(chosen).lazy(),
            base=base,
            unlabelled=[measure.id for measure in SURVEY_MEASURES],
        ),
        framework_sources(framework).lazy(),
        manual_values(framework).lazy(),
        area_code=area_code,
        area_name=area_name,
        test=framework.significance_test,
    ).collect()
    return Evaluation(
        framework=framework,
        scorecard=scorecard,
        area_code=area_code,
        area_name=area_name,
        warnings=warnings,
        framework_path=framework_path,
        indicators_path=indicators_path,
        base=base,
    )


def evaluate_files(
    *,
    indicators: Path,
    framework: str | Path | None = None,
    area: str | None = None,
    survey: Sequence[Path] = (),
    base: Base = Base.ESTIMATED,
) -> Evaluation:
    """Read a framework and indicator results (with any survey measures beside them, e.g.
    ``survey_measures.csv`` of each round) and evaluate them.

    Raises:
        OutcomesInputError: an input cannot be used.
    """
    loaded = load_framework(framework)
    try:
        results, path = read_indicator_results(indicators)
        rounds = [read_indicator_results(location)[0] for location in survey]
    except IndicatorResultsError as error:
        raise OutcomesInputError([str(error)]) from None
    results = pl.concat([results, *rounds], how="vertical") if rounds else results
    return evaluate(
        loaded.framework,
        results,
        area=area,
        lines=loaded.lines,
        framework_path=loaded.path,
        indicators_path=path,
        base=base,
    )


def _cover(title: str, lines: list[str]) -> Sheet:
    return Sheet(name="Cover", title=title, lines=tuple(lines))


def _notes(extra: dict[str, str]) -> Sheet:
    return Sheet(
        name="Notes",
        title="Notes, symbols and columns",
        table=pl.DataFrame(
            {
                "term": [*(symbol.value for symbol in pub.SYMBOL_NOTES), *extra],
                "meaning": [*pub.SYMBOL_NOTES.values(), *extra.values()],
            }
        ),
    )


def scorecard_workbook(evaluation: Evaluation) -> Workbook:
    """The scorecard as a GSS-style workbook: cover, notes, latest period, every period."""
    scorecard = evaluation.scorecard
    periods = sorted(str(p) for p in scorecard.get_column(pub.PERIOD).unique())
    with_values = scorecard.filter(pl.col(pub.VALUE).is_not_null()).get_column(pub.PERIOD)
    latest = str(with_values.max()) if with_values.len() else (periods[-1] if periods else "")
    cover = _cover(
        f"Outcomes scorecard: {evaluation.framework.name}",
        [
            f"Area: {evaluation.area_name or evaluation.area_code or 'not given'}.",
            f"Periods: {', '.join(periods)}. Latest period with data: {latest or 'none'}.",
            f"Framework: {evaluation.framework_path or evaluation.framework.name}.",
            f"Indicator results: {evaluation.indicators_path or 'given directly'}.",
            evaluation.base_note(),
            "One row per framework measure, source and period. Rates and shares are fractions "
            "(0.322 means 32.2%); intervals are 95% confidence intervals.",
            "No value is filled in: suppressed or missing values are empty with their symbol, "
            "and every judgement that needs them is 'cannot be calculated'.",
        ],
    )
    return Workbook(
        [
            cover,
            _notes(COLUMN_NOTES),
            Sheet(
                name="Latest",
                title=f"Scorecard, {latest}",
                table=scorecard.filter(pl.col(pub.PERIOD) == latest),
            ),
            Sheet(name="Scorecard", title="Scorecard, every period", table=scorecard),
        ]
    )


def write_scorecard(evaluation: Evaluation, out: Path) -> list[Path]:
    """Write scorecard.csv, scorecard.ods, scorecard.xlsx and scorecard_manifest.json.

    Returns:
        The files written.
    """
    out.mkdir(parents=True, exist_ok=True)
    files = [out / f"{SCORECARD_STEM}.{suffix}" for suffix in ("csv", "ods", "xlsx")]
    write_csv(files[0], evaluation.scorecard)
    book = scorecard_workbook(evaluation)
    write_ods(files[1], book)
    write_xlsx(files[2], book)
    manifest = out / f"{SCORECARD_STEM}_manifest.json"
    write_json(
        manifest,
        {
            "framework": str(evaluation.framework_path) if evaluation.framework_path else None,
            "indicators": str(evaluation.indicators_path) if evaluation.indicators_path else None,
            "area_code": evaluation.area_code,
            "area_name": evaluation.area_name,
            "rows": evaluation.scorecard.height,
            "base": evaluation.base.value,
            "bases": evaluation.bases,
            "warnings": evaluation.warnings,
        },
    )
    return [*files, manifest]


@dataclass(frozen=True)
class ActionProgress:
    """The action plan's progress at a date.

    Attributes:
        plan: the plan.
        as_of: the date the flags are for.
        flags: one row per detailed action: status, milestones, latest update, overdue, stale.
        milestones: one row per milestone, complete and overdue at the date.
        updates: every update (including any after the date).
        summary: one row per key action: detailed actions by status, overdue and stale.
        path: the plan's file, when read from one.
    """

    plan: ActionPlan
    as_of: dt.date
    flags: pl.DataFrame
    milestones: pl.DataFrame
    updates: pl.DataFrame
    summary: pl.DataFrame
    path: Path | None = None


def action_progress(
    plan: ActionPlan, *, as_of: dt.date, path: Path | None = None
) -> ActionProgress:
    """Status, milestones and flags of every detailed action at the as-of date."""
    details, milestones, updates = (frame.lazy() for frame in plan_frames(plan))
    flags = action_flags(
        details,
        milestones,
        updates,
        as_of=as_of,
        start_date=plan.start_date,
        stale_after_months=plan.stale_after_months,
    )
    flagged_milestones = milestone_flags(
        milestones, status_at(details, updates, as_of=as_of), as_of=as_of
    )
    flags_frame, milestones_frame, updates_frame = pl.collect_all(
        [flags, flagged_milestones, updates.drop(SEQUENCE)]
    )
    return ActionProgress(
        plan=plan,
        as_of=as_of,
        flags=flags_frame,
        milestones=milestones_frame,
        updates=updates_frame,
        summary=action_summary(flags_frame.lazy()).collect(),
        path=path,
    )


def action_progress_file(plan: str | Path | None = None, *, as_of: dt.date) -> ActionProgress:
    """Read an action plan and compute its progress at the as-of date.

    Raises:
        OutcomesInputError: the plan cannot be used.
    """
    loaded = load_action_plan(plan)
    return action_progress(loaded.plan, as_of=as_of, path=loaded.path)


def write_actions(progress: ActionProgress, out: Path) -> list[Path]:
    """Write actions.csv, milestones.csv, updates.csv, action_summary.csv and the workbooks.

    Returns:
        The files written.
    """
    out.mkdir(parents=True, exist_ok=True)
    tables = {
        ACTIONS_STEM: progress.flags.drop(c.ORDER),
        "milestones": progress.milestones,
        "updates": progress.updates,
        "action_summary": progress.summary,
    }
    files = []
    for stem, table in tables.items():
        path = out / f"{stem}.csv"
        write_csv(path, table)
        files.append(path)
    overdue = int(progress.flags.get_column(c.OVERDUE).sum())
    stale = int(progress.flags.get_column(c.STALE).sum())
    book = Workbook(
        [
            _cover(
                f"Action plan progress: {progress.plan.name}",
                [
                    f"As at {progress.as_of.isoformat()}. Plan: {progress.path or 'given directly'}.",
                    f"{progress.flags.height} detailed actions in {len(progress.plan.actions)} "
                    f"key actions; {overdue} overdue, {stale} stale.",
                    "Overdue: a milestone is past its due date and not complete. Stale: no update "
                    f"in the {progress.plan.stale_after_months} months before the as-of date.",
                ],
            ),
            _notes({}),
            Sheet(name="Summary", title="Key actions", table=progress.summary),
            Sheet(name="Actions", title="Detailed actions", table=tables[ACTIONS_STEM]),
            Sheet(name="Milestones", title="Milestones", table=progress.milestones),
            Sheet(name="Updates", title="Updates", table=progress.updates),
        ]
    )
    for suffix, writer in (("ods", write_ods), ("xlsx", write_xlsx)):
        path = out / f"{ACTIONS_STEM}.{suffix}"
        writer(path, book)
        files.append(path)
    return files


def record_action_update(
    plan: str | Path, *, code: str, update: Update, out: Path | None = None
) -> Path:
    """Add a dated update to a detailed action and save the plan (to ``out``, else in place).

    Raises:
        OutcomesInputError: the plan cannot be used, there is no such detailed action, or the
            update disagrees with the plan.
    """
    loaded = load_action_plan(plan)
    try:
        updated = with_update(loaded.plan, code=code, update=update)
    except UnknownActionError:
        raise OutcomesInputError([f"{loaded.path}: there is no detailed action {code!r}"]) from None
    except ConfigurationError as error:
        raise OutcomesInputError(
            [f"{loaded.path}: {problem}" for problem in error.problems]
        ) from None
    return write_action_plan_file(out or loaded.path, updated)


def progress_report_content(
    evaluation: Evaluation,
    progress: ActionProgress | None,
    *,
    as_of: dt.date,
    period: str | None = None,
) -> ProgressReport:
    """The progress report's content (what the web page and the files show).

    Args:
        evaluation: the evaluated framework.
        progress: the action plan's progress at ``as_of``, or None to leave the plan out.
        as_of: the date of the report.
        period: the period reported on (default the latest with any value).
    """
    actions = None
    if progress is not None:
        year_ago = action_progress(progress.plan, as_of=progress.as_of - YEAR)
        details = plan_frames(progress.plan)[0].lazy()
        recent = updates_between(
            progress.updates.lazy(), details, start=progress.as_of - YEAR, end=progress.as_of
        ).collect()
        actions = ActionInputs(
            name=progress.plan.name,
            flags=progress.flags,
            summary=progress.summary,
            flags_year_ago=year_ago.flags,
            recent_updates=recent,
            stale_after_months=progress.plan.stale_after_months,
        )
    return progress_report(
        evaluation.scorecard,
        framework=evaluation.framework.name,
        source=evaluation.framework.source,
        area=evaluation.area_name,
        as_of=as_of,
        actions=actions,
        period=period,
    )


@dataclass(frozen=True)
class ReportResult:
    """What writing the progress report produced."""

    report: ProgressReport
    evaluation: Evaluation
    progress: ActionProgress | None
    files: list[Path]


def write_progress_report(
    *,
    indicators: Path,
    out: Path,
    framework: str | Path | None = None,
    plan: str | Path | None = None,
    as_of: dt.date,
    area: str | None = None,
    include_plan: bool = True,
    survey: Sequence[Path] = (),
    period: str | None = None,
    labour: Path | None = None,
    notice: str = "",
    base: Base = Base.ESTIMATED,
) -> ReportResult:
    """Evaluate the framework, compute the plan's progress and write the report (HTML, PDF,
    charts) with the scorecard and action outputs beside it, and the priority training needs
    (drawing on the survey rounds and, when given, the labour-market measures' folder);
    ``notice`` is a line shown first, such as the demo's synthetic-data notice.

    Raises:
        OutcomesInputError: an input cannot be used.
    """
    evaluation = evaluate_files(
        indicators=indicators, framework=framework, area=area, survey=survey, base=base
    )
    progress = action_progress_file(plan, as_of=as_of) if include_plan else None
    try:
        needs = training_needs_file(indicators, labour=labour, survey=survey)
    except TrainingNeedsInputError:
        needs = None  # results without the published table's columns: no needs section
    return write_report_of(
        evaluation,
        progress,
        out=out,
        as_of=as_of,
        period=period,
        training_needs=needs,
        notice=notice,
    )


def write_report_of(
    evaluation: Evaluation,
    progress: ActionProgress | None,
    *,
    out: Path,
    as_of: dt.date,
    period: str | None = None,
    training_needs: pl.DataFrame | None = None,
    notice: str = "",
) -> ReportResult:
    """Write the progress report (HTML, PDF, charts) of an evaluated framework and the plan's
    progress, with the scorecard and action outputs beside it (and the priority training needs,
    when given; ``notice`` is shown first)."""
    report = progress_report_content(evaluation, progress, as_of=as_of, period=period)
    if notice:
        report = replace(report, notice=notice)
    if training_needs is not None and training_needs.height:
        report = replace(
            report, training_needs=needs_table(training_needs, area=evaluation.area_code)
        )
    files = write_report(out, report)
    files += write_scorecard(evaluation, out)
    if progress is not None:
        files += write_actions(progress, out)
    return ReportResult(report=report, evaluation=evaluation, progress=progress, files=files)


def schema_text(name: str) -> str:
    """A JSON Schema (``framework`` or ``action-plan``) as text, generated from the models."""
    schema = framework_json_schema() if name == "framework" else action_plan_json_schema()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schema_file(name: str, path: Path) -> Path:
    """Write a JSON Schema (``framework`` or ``action-plan``) to a file."""
    schema = framework_json_schema() if name == "framework" else action_plan_json_schema()
    write_schema(path, schema)
    return path
