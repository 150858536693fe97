"""Building the appendix: a template resolved against the tidy measure rows of one area.

Pure: the rows come in as a :class:`~careforce.core.publishing.appendix.cells.MeasureRows`
and the built :class:`~careforce.core.publishing.appendix.model.Appendix` goes out. A section
whose measures no input holds is kept and says so (its measures are listed in
:attr:`Appendix.missing`); nothing is filled with a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from careforce.core.publishing.appendix.cells import Cell, MeasureRows, not_after
from careforce.core.publishing.appendix.figures import figure
from careforce.core.publishing.appendix.model import (
    Appendix,
    AppendixSection,
    Block,
    Column,
    Figure,
    Missing,
    Paragraph,
    Row,
    Table,
)
from careforce.core.publishing.appendix.template import (
    EVERY,
    LATEST,
    PLACEHOLDER,
    PREVIOUS,
    AppendixTemplate,
    ChangeSpec,
    ChartSpec,
    Cited,
    Layout,
    Section,
    TableSpec,
    measures_of,
    placeholder_parts,
)
from careforce.core.publishing.appendix.template import Block as BlockSpec
from careforce.core.publishing.appendix.words import change_sentence
from careforce.core.vocab.published import ALL, TOTAL


@dataclass(frozen=True)
class Context:
    """What every block is resolved against: the rows, the appendix period and the area."""

    rows: MeasureRows
    period: str
    area_name: str

    def available(self, measure_id: str, breakdown: str) -> list[str]:
        """The measure's periods no later than the appendix period, in order."""
        return [p for p in self.rows.periods(measure_id, breakdown) if not_after(p, self.period)]

    def periods(self, measure_id: str, breakdown: str, selectors: list[str]) -> list[str]:
        """The periods the selectors name for a measure (a missing one names none)."""
        available = self.available(measure_id, breakdown)
        chosen: list[str] = []
        for selector in selectors:
            if selector == LATEST:
                chosen.append(available[-1] if available else self.period)
            elif selector == PREVIOUS:
                chosen += available[-2:-1]
            elif selector == EVERY:
                chosen += available
            else:
                chosen.append(selector)
        return list(dict.fromkeys(chosen))


def _words(name: str) -> str:
    text = name.replace("_", " ").replace("/", ", ")
    return text[:1].upper() + text[1:]


def _labels(values: list[str]) -> list[str]:
    """Row labels: values of a nested breakdown (``workforce/under 3 years``) lose their common
    first part."""
    prefixes = {value.split("/", 1)[0] for value in values if "/" in value}
    if len(prefixes) == 1 and all("/" in value for value in values):
        return [value.split("/", 1)[1] for value in values]
    return values


def _lead_measure(context: Context, spec: Cited, measures: list[str]) -> str:
    for measure in measures:
        if context.rows.periods(measure, spec.breakdown):
            return measure
    return measures[0]


def _by_values(context: Context, spec: Cited, measures: list[str], comparator: bool) -> Table:
    lead = _lead_measure(context, spec, measures)
    periods = context.periods(lead, spec.breakdown, spec.periods)
    values = spec.values or list(
        dict.fromkeys(v for m in measures for v in context.rows.values(m, spec.breakdown))
    )
    if spec.breakdown == TOTAL:
        values = spec.values or [ALL]
    columns: list[Column] = []
    for measure in measures:
        name = context.rows.name(measure)
        own = context.periods(measure, spec.breakdown, spec.periods)
        if not own or not context.rows.periods(measure, spec.breakdown):
            own = periods
        for period in own:
            heading = f"{name}, {period}" if len(own) > 1 or own != periods else name
            columns.append(Column(heading, measure, period))
        if comparator and own:
            columns.append(Column(f"{name}: comparator", measure, own[-1], comparator=True))
    labels = [context.area_name] if spec.breakdown == TOTAL else _labels(values)
    rows = tuple(
        Row(
            label,
            tuple(
                context.rows.cell(
                    (c.measure_id, spec.breakdown, value, c.period or ""),
                    comparator=c.comparator,
                )
                for c in columns
            ),
        )
        for label, value in zip(labels, values, strict=True)
    )
    if spec.top is not None:
        ranked = sorted(
            rows, key=lambda row: -row.cells[0].value if row.cells[0].value is not None else 0.0
        )
        rows = tuple(ranked[: spec.top])
    heading = "Area" if spec.breakdown == TOTAL else _words(spec.breakdown)
    shown = tuple(dict.fromkeys(c.period for c in columns if c.period is not None))
    return Table(
        spec.key,
        spec.title,
        heading,
        tuple(columns),
        rows,
        spec.source,
        shown,
        tuple(spec.notes),
    )


def _by_periods(context: Context, spec: Cited, measures: list[str]) -> Table:
    lead = _lead_measure(context, spec, measures)
    periods = context.periods(lead, spec.breakdown, spec.periods)
    value = spec.values[0] if spec.values else ALL
    if spec.breakdown != TOTAL and not spec.values:
        value = next(iter(context.rows.values(lead, spec.breakdown)), ALL)
    columns = tuple(Column(context.rows.name(m), m, None) for m in measures)
    rows = tuple(
        Row(
            period,
            tuple(
                context.rows.cell((c.measure_id, spec.breakdown, value, period)) for c in columns
            ),
        )
        for period in periods
    )
    return Table(
        spec.key,
        spec.title,
        "Period",
        columns,
        rows,
        spec.source,
        tuple(periods),
        tuple(spec.notes),
    )


def build_table(
    context: Context, spec: TableSpec | ChartSpec, *, rows: Layout, comparator: bool = False
) -> Table:
    """A table of the spec's measures, a row per breakdown value or per period."""
    measures = list(spec.measures)
    if rows is Layout.PERIODS:
        return _by_periods(context, spec, measures)
    return _by_values(context, spec, measures, comparator)


def _placeholder_cell(context: Context, inner: str) -> Cell:
    measure, fields = placeholder_parts(inner)
    breakdown, value = TOTAL, ALL
    for name, given in fields.items():
        if name not in ("period", "comparator"):
            breakdown, value = name, given
    period = context.periods(measure, breakdown, [fields.get("period", LATEST)])
    return context.rows.cell(
        (measure, breakdown, value, period[0] if period else context.period),
        comparator="comparator" in fields,
    )


def fill_text(context: Context, text: str) -> Paragraph:
    """A paragraph with every placeholder replaced by its cell's text."""
    cells: list[Cell] = []

    def filled(match: re.Match[str]) -> str:
        cell = _placeholder_cell(context, match.group(1))
        cells.append(cell)
        return cell.text

    return Paragraph(PLACEHOLDER.sub(filled, text), tuple(cells))


def change_paragraph(context: Context, spec: ChangeSpec) -> Paragraph:
    """The "what changed" sentence of a measure between two periods."""
    later_period = context.periods(spec.measure, spec.breakdown, [LATEST])[0]
    earlier = context.periods(spec.measure, spec.breakdown, [spec.since])
    earlier_period = earlier[0] if earlier and earlier[0] != later_period else None
    label = spec.label or context.rows.name(spec.measure)
    later = context.rows.cell((spec.measure, spec.breakdown, spec.value, later_period))
    if earlier_period is None:
        return Paragraph(
            f"{label}: only one period ({later_period}) is available, so no change is given.",
            (later,),
        )
    before = context.rows.cell((spec.measure, spec.breakdown, spec.value, earlier_period))
    return Paragraph(change_sentence(label, before, later), (before, later))


def _not_available(spec: TableSpec | ChartSpec) -> Paragraph:
    """What stands in for a table or chart none of whose rows the inputs hold."""
    return Paragraph(f"{spec.title}: not available ([x]) in the inputs.")


def _block(context: Context, block: BlockSpec) -> Block:
    if block.table is not None:
        table = build_table(
            context, block.table, rows=block.table.rows, comparator=block.table.comparator
        )
        return table if table.rows else _not_available(block.table)
    if block.chart is not None:
        data = build_table(context, block.chart, rows=block.chart.rows)
        return figure(block.chart, data) if data.rows else _not_available(block.chart)
    if block.change is not None:
        return change_paragraph(context, block.change)
    return fill_text(context, block.text or "")


def _section(context: Context, section: Section, used: list[str]) -> AppendixSection:
    absent = tuple(m for m in used if not context.rows.has_measure(m))
    missing = (
        Missing(section.key, section.heading, absent, all_missing=len(absent) == len(used))
        if absent
        else None
    )
    names = "; ".join(context.rows.name(m) for m in absent)
    if missing is not None and missing.all_missing:
        note = Paragraph(
            "No figures: the inputs hold none of this section's measures "
            f"({names}). Give the files that hold them to publish this section."
        )
        return AppendixSection(section.key, section.heading, section.part, (note,), missing)
    blocks = tuple(_block(context, block) for block in section.blocks)
    if missing is not None:
        blocks += (Paragraph(f"Not available ([x]) in the inputs: {names}."),)
    return AppendixSection(section.key, section.heading, section.part, blocks, missing)


def _numbered(sections: list[AppendixSection]) -> tuple[AppendixSection, ...]:
    """Sections with every table's and figure's source footnote numbered in order."""
    number = 0
    numbered = []
    for section in sections:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Table):
                number += 1
                blocks.append(replace(block, footnote=number))
            elif isinstance(block, Figure):
                number += 1
                blocks.append(replace(block, table=replace(block.table, footnote=number)))
            else:
                blocks.append(block)
        numbered.append(replace(section, blocks=tuple(blocks)))
    return tuple(numbered)


def build_appendix(
    template: AppendixTemplate,
    rows: MeasureRows,
    *,
    period: str,
    area_code: str,
    area_name: str,
) -> Appendix:
    """The appendix of an area and period, from its measure rows.

    Args:
        template: The appendix template.
        rows: The area's measure rows (indicators, estimates, labour market, survey, projections).
        period: The appendix period, e.g. 2021/22: the latest figures shown are no later.
        area_code: ONS code of the area.
        area_name: Name of the area.
    """
    context = Context(rows, period, area_name)
    used = measures_of(template)
    sections = [_section(context, section, used[section.key]) for section in template.sections]
    missing = tuple(section.missing for section in sections if section.missing is not None)
    return Appendix(
        template.title,
        template.introduction,
        area_code,
        area_name,
        period,
        _numbered(sections),
        missing,
    )
