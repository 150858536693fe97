"""What the measure pages show, worked out from the published table.

Measures are published for each breakdown and for the crossings of sector, service group and
job role (``core/indicators/crossings.py``), so a page can be filtered by any combination of
the three, e.g. care workers in home care; a combination whose figure is withheld says why.
"""
# mypy: allow-subclassing-any

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Final

import polars as pl
from django import forms
from markupsafe import Markup

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.indicators.catalogue import Dimension, Kind, Measure
from careforce.core.indicators.charts import category_chart, trend_chart
from careforce.core.indicators.crossings import (
    CROSSED_BREAKDOWNS,
    CROSSINGS,
    crossed_parts,
    crossed_value,
    crossing_name,
)
from careforce.core.vocab.ordering import ordered
from careforce.core.vocab.published import (
    AREA_CODE,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    COMPARATOR_NAME,
    COMPARATOR_VALUE,
    COMPARISON,
    COMPARISON_PHRASES,
    DENOMINATOR,
    LOWER,
    MEASURE_ID,
    MEASURE_NAME,
    NUMERATOR,
    PERIOD,
    SYMBOL,
    SYMBOL_NOTES,
    SYMBOL_PHRASES,
    UNIT,
    UPPER,
    VALUE,
    Comparison,
    Symbol,
)
from careforce.web.backend.downloads import DownloadTable
from careforce.web.backend.publications import Published
from careforce.web.shared.components import json_block, table
from careforce.web.shared.formats import measure_value
from careforce.web.shared.forms import choice_field

DIMENSION_LABELS: Final = {
    "total": "All workers",
    "sector": "Sector",
    "service_group": "Service group",
    "job_role_group": "Job role group",
    "key_role": "Key job role",
    "district": "District",
    "workplace_postcode_district": "Postcode district",
    "sex": "Sex",
    "age_band": "Age band",
    "age_group": "Broad age group",
    "ethnicity_group": "Ethnicity",
    "nationality_group": "Nationality",
    "contract": "Contract type",
    "qualification_level": "Qualification level",
    "cwp_category": "Care Workforce Pathway category",
    "training_category": "Training category",
    "dha_activity": "Delegated healthcare activity",
}
"""How each breakdown is named on pages."""
POPULATION_FIELDS: Final = ("sector", "service_group", "job_role")
"""Filters that choose whose figures a page shows (any combination, in this order)."""
JOB_ROLE_DIMENSIONS: Final = ("key_role", "job_role_group")
"""Breakdowns the job role filter offers values of."""
TABLE_COLUMNS: Final = (
    PERIOD,
    AREA_NAME,
    BREAKDOWN,
    BREAKDOWN_VALUE,
    NUMERATOR,
    DENOMINATOR,
    VALUE,
    LOWER,
    UPPER,
    UNIT,
    COMPARATOR_VALUE,
    COMPARATOR_NAME,
    COMPARISON,
    SYMBOL,
)
"""Columns of the published table a download keeps (with the measure id and name first); the
unit says how the values are written (percentages, pounds, days, counts)."""


def label(dimension: str) -> str:
    """The name of a breakdown, e.g. ``service_group`` → ``Service group``, and of a crossed
    breakdown, e.g. ``sector/key_role`` → ``Sector × key job role``."""
    if dimension in CROSSED_BREAKDOWNS:
        first, *rest = dimension.split("/")
        return " × ".join([label(first), *(label(d).lower() for d in rest)])
    return DIMENSION_LABELS.get(dimension, dimension.replace("_", " ").capitalize())


class MeasureFilterForm(forms.Form):
    """Filters of the measure pages (a GET form)."""

    period = forms.ChoiceField(label="Period", required=False)
    area = forms.ChoiceField(label="Area", required=False)
    sector = forms.ChoiceField(label="Sector", required=False)
    service_group = forms.ChoiceField(label="Service group", required=False)
    job_role = forms.ChoiceField(label="Job role", required=False)

    def __init__(self, data: Any, *, published: Published) -> None:
        """Offer the values the publication has."""
        super().__init__(data)
        table = published.table
        periods = published.periods
        choice_field(self.fields["period"]).choices = [(p, p) for p in reversed(periods)]
        choice_field(self.fields["area"]).choices = [(code, name) for code, name in published.areas]

        def values(dimension: str) -> list[str]:
            return ordered(
                dimension,
                table.filter(pl.col(BREAKDOWN) == dimension)[BREAKDOWN_VALUE].unique().to_list(),
            )

        choice_field(self.fields["sector"]).choices = [
            ("", "All sectors"),
            *[(v, v.capitalize()) for v in values("sector")],
        ]
        choice_field(self.fields["service_group"]).choices = [
            ("", "All service groups"),
            *[(v, v.capitalize()) for v in values("service_group")],
        ]
        choice_field(self.fields["job_role"]).choices = [
            ("", "All job roles"),
            *[(f"key_role:{v}", v.capitalize()) for v in values("key_role") if v != "other roles"],
            *[
                (f"job_role_group:{v}", f"{v.capitalize()} (role group)")
                for v in values("job_role_group")
            ],
        ]


@dataclass(frozen=True)
class Filters:
    """What a page is about: a period, an area and a population, given by the breakdowns it
    is chosen by (none for all workers), e.g. ``(("service_group", "home care"),)``."""

    period: str
    area_code: str
    area_name: str
    parts: tuple[tuple[str, str], ...] = ()

    @property
    def breakdown(self) -> str:
        """The published breakdown of the population, e.g. ``sector/key_role`` (or ``total``)."""
        return crossing_name([d for d, _ in self.parts]) if self.parts else "total"

    @property
    def breakdown_value(self) -> str:
        """Its published breakdown value, e.g. ``independent/care worker`` (or ``all``)."""
        return crossed_value([v for _, v in self.parts]) if self.parts else "all"

    @property
    def crossed(self) -> bool:
        """Whether the population combines two or more breakdowns."""
        return len(self.parts) > 1

    @property
    def population(self) -> str:
        """Whose figures, in words, e.g. ``all workers``, ``service group: home care`` or
        ``sector: independent; key job role: care worker``."""
        if not self.parts:
            return "all workers"
        return "; ".join(f"{label(d).lower()}: {v}" for d, v in self.parts)

    def query(self) -> dict[str, str]:
        """The filters as GET parameters (for links and downloads)."""
        query = {"period": self.period, "area": self.area_code}
        for dimension, value in self.parts:
            if dimension in JOB_ROLE_DIMENSIONS:
                query["job_role"] = f"{dimension}:{value}"
            else:
                query[dimension] = value
        return query


def filters_from(form: MeasureFilterForm, published: Published) -> Filters:
    """The filters asked for, with defaults: the latest period, the first area, all workers."""
    data = form.cleaned_data if form.is_valid() else {}
    periods = published.periods
    areas = dict(published.areas)
    period = data.get("period") or (periods[-1] if periods else "")
    area = data.get("area") or next(iter(areas), "")
    parts: list[tuple[str, str]] = []
    if data.get("sector"):
        parts.append(("sector", data["sector"]))
    if data.get("service_group"):
        parts.append(("service_group", data["service_group"]))
    if data.get("job_role"):
        dimension, value = str(data["job_role"]).split(":", 1)
        parts.append((dimension, value))
    return Filters(period, area, areas.get(area, area), tuple(parts))


def withheld_message(policy: DisclosurePolicy) -> str:
    """Why a figure of the page is withheld, with the thresholds it was published under."""
    return (
        f"Withheld: fewer than {policy.min_workers} workers or fewer than "
        f"{policy.min_workplaces} workplaces, or a figure that would let another withheld "
        "figure be worked out from the totals."
    )


def cell(row: dict[str, Any], unit: str) -> str:
    """A published value as a table shows it: the number, or its GSS symbol."""
    if row.get(SYMBOL):
        return str(row[SYMBOL])
    return measure_value(row.get(VALUE), unit)


def interval(row: dict[str, Any], unit: str) -> str:
    """A 95% interval, e.g. ``9.5% to 10.3%`` ('' when there is none)."""
    if row.get(SYMBOL) or row.get(LOWER) is None or row.get(UPPER) is None:
        return ""
    return f"{measure_value(row[LOWER], unit)} to {measure_value(row[UPPER], unit)}"


def comparison(row: dict[str, Any], unit: str) -> str:
    """The comparator, named, and the outcome, e.g. ``10.4% (West Midlands (April 2022)): better
    than the comparator``."""
    if row.get(COMPARATOR_VALUE) is None:
        return "No comparator"
    outcome = COMPARISON_PHRASES.get(
        row.get(COMPARISON) or Comparison.NOT_COMPARED,
        COMPARISON_PHRASES[Comparison.NOT_COMPARED],
    )
    name = row.get(COMPARATOR_NAME) or "comparator not named"
    return f"{measure_value(row[COMPARATOR_VALUE], unit)} ({name}): {outcome}"


@dataclass
class BreakdownTable:
    """A table of one breakdown of a measure."""

    dimension: str
    title: str
    params: dict[str, Any]
    frame: pl.DataFrame
    sheet: str = ""
    """The name of its sheet in a download (by default the breakdown's name)."""


@dataclass
class Chart:
    """A chart with the id of its specification's data block, and what it shows in words."""

    id: str
    spec: str
    description: str
    summary: str = ""


SUMMARY_CATEGORIES: Final = 6
"""A category chart's written summary names at most this many categories."""


def _category_summary(part: pl.DataFrame, unit: str) -> str:
    shown = [
        f"{row[BREAKDOWN_VALUE]} {cell(row, unit)}"
        for row in part.iter_rows(named=True)
        if not row.get(SYMBOL)
    ]
    withheld = part.height - len(shown)
    words = ", ".join(shown[:SUMMARY_CATEGORIES]) or "no figure can be published"
    if len(shown) > SUMMARY_CATEGORIES:
        words += f", and {len(shown) - SUMMARY_CATEGORIES} more in the table"
    if withheld:
        words += f" ({withheld} withheld or not available)"
    return f"In words: {words}."


@dataclass
class MeasureView:
    """Everything a measure page shows."""

    measure: Measure
    filters: Filters
    headline: dict[str, Any] | None
    series: pl.DataFrame
    series_table: dict[str, Any] | None
    summary: str
    charts: list[Chart] = field(default_factory=list)
    tables: list[BreakdownTable] = field(default_factory=list)
    symbols: dict[str, str] = field(default_factory=dict)

    @property
    def withheld(self) -> bool:
        """Whether a figure of the page is withheld by disclosure control."""
        return Symbol.CONFIDENTIAL.value in self.symbols

    def downloads(self) -> list[DownloadTable]:
        """The tables of the page, as the downloads hold them."""
        keep = [MEASURE_ID, MEASURE_NAME, *TABLE_COLUMNS]
        tables = []
        if not self.series.is_empty():
            tables.append(
                DownloadTable(
                    "Headline",
                    f"{self.measure.name}: {self.filters.population}",
                    self.series.select(keep),
                )
            )
        for breakdown in self.tables:
            tables.append(
                DownloadTable(
                    breakdown.sheet or label(breakdown.dimension),
                    breakdown.title,
                    breakdown.frame.select(keep),
                )
            )
        return tables


def _symbols(frame: pl.DataFrame) -> dict[str, str]:
    used = set(frame[SYMBOL].drop_nulls().to_list()) if SYMBOL in frame.columns else set()
    return {symbol.value: note for symbol, note in SYMBOL_NOTES.items() if symbol.value in used}


def _breakdown_params(
    frame: pl.DataFrame,
    measure: Measure,
    *,
    title: str,
    heading: str,
    people: dict[str, str] | None = None,
) -> dict[str, Any]:
    unit = measure.unit.value
    rows = []
    for row in frame.iter_rows(named=True):
        rows.append(
            [
                row[BREAKDOWN_VALUE],
                cell(row, unit),
                interval(row, unit),
                "" if row.get(SYMBOL) or row.get(NUMERATOR) is None else f"{row[NUMERATOR]:,.0f}",
                ""
                if row.get(SYMBOL) or row.get(DENOMINATOR) is None
                else f"{row[DENOMINATOR]:,.0f}",
                *([] if people is None else [people.get(str(row[BREAKDOWN_VALUE]), "")]),
            ]
        )
    head = [
        heading,
        "Value",
        "95% interval",
        "Numerator",
        "Denominator",
        *([] if people is None else ["People (headcount)"]),
    ]
    offset = 1
    return table(
        caption=title,
        caption_size="s",
        head=head,
        rows=rows,
        numeric=[offset, offset + 2, offset + 3, *([] if people is None else [offset + 4])],
    )


def measure_view(published: Published, measure: Measure, filters: Filters) -> MeasureView:
    """Work out a measure page for some filters."""
    unit = measure.unit.value
    rows = published.table.filter(
        (pl.col(MEASURE_ID) == measure.id) & (pl.col(AREA_CODE) == filters.area_code)
    )
    in_period = rows.filter(pl.col(PERIOD) == filters.period)
    charts: list[Chart] = []
    tables: list[BreakdownTable] = []
    if measure.kind is Kind.CATEGORY_SHARE:
        series = pl.DataFrame(schema=rows.schema)
        headline = None
        categories = [
            b for b in in_period[BREAKDOWN].unique(maintain_order=True).to_list() if "/" not in b
        ]
        for category in categories:
            if filters.breakdown == "total":
                part = in_period.filter(pl.col(BREAKDOWN) == category)
            else:
                part = in_period.filter(
                    (pl.col(BREAKDOWN) == f"{filters.breakdown}/{category}")
                    & pl.col(BREAKDOWN_VALUE).str.starts_with(f"{filters.breakdown_value}/")
                ).with_columns(pl.col(BREAKDOWN_VALUE).str.split("/").list.last())
            if part.is_empty():
                continue
            title = f"{measure.name} by {label(category).lower()}, {filters.population}, {filters.period}"
            description = (
                f"Bar chart: {measure.name.lower()} by {label(category).lower()} for "
                f"{filters.population} in {filters.area_name}, {filters.period}. The table below gives the same figures."
            )
            chart_rows = part.select(pl.col(BREAKDOWN_VALUE).alias("category"), VALUE, LOWER, UPPER)
            charts.append(
                Chart(
                    summary=_category_summary(part, unit),
                    id=f"chart-{category}",
                    spec=json.dumps(
                        category_chart(
                            chart_rows,
                            title=title,
                            description=description,
                            unit=unit,
                            axis_title=measure.name,
                        )
                    ),
                    description=description,
                )
            )
            tables.append(
                BreakdownTable(
                    category,
                    title,
                    _breakdown_params(part, measure, title=title, heading=label(category)),
                    part,
                )
            )
        summary = (
            f"{measure.description} Shares for {filters.population} in {filters.area_name}, "
            f"{filters.period}, are in the tables below. Choose a sector, service group or job "
            "role above for the shares within it; every combination is in the full downloads."
        )
        if filters.crossed:
            summary = (
                f"{measure.description} Shares by category are published for one of sector, "
                "service group and job role at a time, not for a combination of them: choose "
                "one of them above."
            )
        shown = pl.concat([t.frame for t in tables], how="vertical") if tables else rows.head(0)
        return MeasureView(
            measure, filters, headline, series, None, summary, charts, tables, _symbols(shown)
        )

    series = rows.filter(
        (pl.col(BREAKDOWN) == filters.breakdown)
        & (pl.col(BREAKDOWN_VALUE) == filters.breakdown_value)
    ).sort(PERIOD)
    current = series.filter(pl.col(PERIOD) == filters.period)
    headline = current.row(0, named=True) if current.height else None
    trend_rows = published.trends.filter(
        (pl.col(MEASURE_ID) == measure.id)
        & (pl.col(AREA_CODE) == filters.area_code)
        & (pl.col(BREAKDOWN) == filters.breakdown)
        & (pl.col(BREAKDOWN_VALUE) == filters.breakdown_value)
    )
    trend = trend_rows["trend"][0] if trend_rows.height else "cannot be calculated"
    summary = _summary(measure, filters, series, headline, trend) + _people(
        published, measure, filters
    )
    series_table = None
    if series.height:
        series_table = table(
            caption=f"{measure.name}, {filters.population}, by period",
            caption_size="s",
            head=["Period", "Value", "95% interval", "Comparator"],
            rows=[
                [row[PERIOD], cell(row, unit), interval(row, unit), comparison(row, unit)]
                for row in series.iter_rows(named=True)
            ],
            numeric=[1],
        )
    if series.height and series[VALUE].is_not_null().any():
        # a series with every figure withheld is only a table: there is nothing to draw
        description = (
            f"Line chart: {measure.name.lower()} for {filters.population} in {filters.area_name} "
            f"by period, with 95% confidence intervals. {summary}"
        )
        charts.append(
            Chart(
                id="chart-trend",
                spec=json.dumps(
                    trend_chart(
                        series.select(PERIOD, VALUE, LOWER, UPPER),
                        title=f"{measure.name}, {filters.population}",
                        description=description,
                        unit=unit,
                        axis_title=measure.name,
                    )
                ),
                description=description,
            )
        )
    tables += _within(in_period, measure, filters)
    for breakdown in in_period[BREAKDOWN].unique(maintain_order=True).to_list():
        if breakdown == "total" or breakdown in CROSSED_BREAKDOWNS:
            continue
        part = in_period.filter(pl.col(BREAKDOWN) == breakdown)
        title = f"{measure.name} by {label(breakdown).lower()}, {filters.period}"
        people = _people_cells(published, measure, filters, breakdown)
        tables.append(
            BreakdownTable(
                breakdown,
                title,
                _breakdown_params(
                    part, measure, title=title, heading=label(breakdown), people=people
                ),
                part,
            )
        )
        if breakdown == Dimension.DISTRICT:
            tables += _postcode_districts(in_period, measure, filters)
    shown = pl.concat([series, *[t.frame for t in tables]], how="vertical")
    return MeasureView(
        measure, filters, headline, series, series_table, summary, charts, tables, _symbols(shown)
    )


POSTCODE_DETAIL: Final = crossing_name([Dimension.DISTRICT, Dimension.POSTCODE_DISTRICT])
"""The detail level of the district breakdown: the postcode districts within each district."""


def _postcode_districts(
    in_period: pl.DataFrame, measure: Measure, filters: Filters
) -> list[BreakdownTable]:
    """The postcode districts within each council district, beside the district table."""
    part = in_period.filter(pl.col(BREAKDOWN) == POSTCODE_DETAIL)
    if part.is_empty():
        return []
    title = f"{measure.name} by postcode district within each district, {filters.period}"
    labelled = part.with_columns(pl.col(BREAKDOWN_VALUE).str.replace("/", ": ", literal=True))
    return [
        BreakdownTable(
            POSTCODE_DETAIL,
            title,
            _breakdown_params(
                labelled, measure, title=title, heading="District: postcode district"
            ),
            part,
            sheet="Postcode district",
        )
    ]


def _within(in_period: pl.DataFrame, measure: Measure, filters: Filters) -> list[BreakdownTable]:
    """Breakdowns of the chosen population by each further dimension crossed with it, e.g. the
    key job roles of home care (from the crossing ``service_group/key_role``)."""
    if not filters.parts:
        return []
    chosen = dict(filters.parts)
    tables = []
    for crossing in CROSSINGS:
        dimensions = [str(d) for d in crossing]
        further = [d for d in dimensions if d not in chosen]
        if len(further) != 1 or len(dimensions) != len(chosen) + 1:
            continue
        name = crossing_name(dimensions)
        part = in_period.filter(pl.col(BREAKDOWN) == name)
        shown: dict[str, str] = {}
        for value in part[BREAKDOWN_VALUE].to_list():
            values = crossed_parts(name, value)
            if all(values[d] == v for d, v in chosen.items()):
                shown[value] = values[further[0]]
        part = part.filter(pl.col(BREAKDOWN_VALUE).is_in(list(shown)))
        if part.is_empty():
            continue
        title = (
            f"{measure.name} by {label(further[0]).lower()}, {filters.population}, {filters.period}"
        )
        labelled = part.with_columns(pl.col(BREAKDOWN_VALUE).replace_strict(shown))
        tables.append(
            BreakdownTable(
                name,
                title,
                _breakdown_params(labelled, measure, title=title, heading=label(further[0])),
                part,
                sheet=f"{label(further[0])}, this group",
            )
        )
    return tables


def _summary(
    measure: Measure,
    filters: Filters,
    series: pl.DataFrame,
    headline: dict[str, Any] | None,
    trend: str,
) -> str:
    unit = measure.unit.value
    subject = f"{measure.name} for {filters.population} in {filters.area_name}"
    if headline is None:
        return f"{subject}: there are no published figures for {filters.period}."
    if headline.get(SYMBOL):
        sentence = (
            f"{subject}, {filters.period}: {SYMBOL_PHRASES.get(headline[SYMBOL], 'not available')}."
        )
    else:
        sentence = f"{subject} was {measure_value(headline[VALUE], unit)} in {filters.period}"
        if interval(headline, unit):
            sentence += f" (95% confidence interval {interval(headline, unit)})"
        sentence += "."
        if headline.get(COMPARATOR_VALUE) is not None:
            sentence += f" The comparator is {comparison(headline, unit)}."
    known = series.filter(pl.col(VALUE).is_not_null() & pl.col(SYMBOL).is_null())
    if known.height >= 2:
        first, last = known.row(0, named=True), known.row(-1, named=True)
        sentence += (
            f" It went from {measure_value(first[VALUE], unit)} in {first[PERIOD]} to "
            f"{measure_value(last[VALUE], unit)} in {last[PERIOD]}."
        )
    sentence += f" Trend: {trend}" + (
        " (a trend needs figures for 5 or more periods)."
        if trend == "cannot be calculated"
        else "."
    )
    return sentence


PEOPLE_OF: Final = {"filled_posts": "headcount", "filled_posts_estimate": "headcount_estimate"}
"""Measures of posts and the measure of the people in them, shown beside them."""


def _people(published: Published, measure: Measure, filters: Filters) -> str:
    """The people holding the posts a measure counts, as a sentence ('' when not published)."""
    people = PEOPLE_OF.get(measure.id)
    if people is None:
        return ""
    found = published.table.filter(
        (pl.col(MEASURE_ID) == people)
        & (pl.col(AREA_CODE) == filters.area_code)
        & (pl.col(PERIOD) == filters.period)
        & (pl.col(BREAKDOWN) == filters.breakdown)
        & (pl.col(BREAKDOWN_VALUE) == filters.breakdown_value)
        & pl.col(VALUE).is_not_null()
        & pl.col(SYMBOL).is_null()
    )
    if found.is_empty():
        return ""
    return (
        f" The posts were held by {measure_value(found[VALUE][0], 'count')} people (headcount: "
        "distinct people, however many posts each holds)."
    )


def _people_cells(
    published: Published, measure: Measure, filters: Filters, breakdown: str
) -> dict[str, str] | None:
    """The people holding the posts of each group of a breakdown, as the table shows them
    (None for a measure that is not of posts)."""
    people = PEOPLE_OF.get(measure.id)
    if people is None:
        return None
    found = published.table.filter(
        (pl.col(MEASURE_ID) == people)
        & (pl.col(AREA_CODE) == filters.area_code)
        & (pl.col(PERIOD) == filters.period)
        & (pl.col(BREAKDOWN) == breakdown)
    )
    return {str(row[BREAKDOWN_VALUE]): cell(row, "count") for row in found.iter_rows(named=True)}


def overview_rows(published: Published, filters: Filters, measures: list[Measure]) -> pl.DataFrame:
    """The headline of every measure for the filters (category shares have none)."""
    wanted = [m.id for m in measures if m.kind is not Kind.CATEGORY_SHARE]
    return published.table.filter(
        pl.col(MEASURE_ID).is_in(wanted)
        & (pl.col(PERIOD) == filters.period)
        & (pl.col(AREA_CODE) == filters.area_code)
        & (pl.col(BREAKDOWN) == filters.breakdown)
        & (pl.col(BREAKDOWN_VALUE) == filters.breakdown_value)
    )


def spec_block(chart: Chart) -> Markup:
    """A chart's specification as a JSON data block (never executed, so allowed by the CSP)."""
    return json_block(f"{chart.id}-spec", chart.spec)
