"""The CQC register of locations: checks on its cells and the canonical ``locations`` dataset,
with the scope of the whole-sector estimates (adult social care locations that are not dormant,
each dual registration counted once, in a recognised local authority)."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from careforce.core.sources.ascwds.findings import FINDINGS_SCHEMA
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE
from careforce.core.vocab.cqc_register import (
    ADULT_SOCIAL_CARE,
    DUAL_REGISTRATION,
    HEADER_ALIASES,
    NO_BRAND,
    REQUIRED_HEADERS,
    SERVICE_FLAGS,
    SERVICE_LABELS,
    YES,
    Location,
    RegisterHeader,
    Scope,
    folded_header,
)
from careforce.core.vocab.groups import ServiceGroup

FILE = "cqc_register"
"""Name of the source in findings."""

LOCATION_ID_PATTERN = r"^1-[0-9]{5,}$"
"""CQC location ids are ``1-`` and a number of at least five digits (e.g. ``1-1000210669``)."""
MAX_BEDS = 1_000
"""More beds than any care home in England has (the largest have about 250), so a typing slip."""

LOOKUP_CODE = "area_code"
"""Column of the local authority lookup: the ONS code."""
LOOKUP_NAME = "area_name"
"""Column of the lookup: the official name."""
LOOKUP_REGISTER_NAME = "register_name"
"""Column of the lookup: a name the register uses for the authority."""
_FOLDED = "_folded_area"

_HEADERS = {folded_header(h): h for h in RegisterHeader} | dict(HEADER_ALIASES)

H = RegisterHeader


@dataclass(frozen=True)
class RegisterRule:
    """A check on the register's cells.

    Attributes:
        code: stable code, e.g. ``CQC-BEDS-INVALID``.
        columns: the headers it reads; the finding shows their values joined by ``/``.
        message: plain-English statement of the problem and what careforce does about it.
        fires: boolean expression, true on offending rows.
        severity: ``error`` (the row cannot be counted) or ``warning``.
    """

    code: str
    columns: tuple[str, ...]
    message: str
    fires: pl.Expr
    severity: str = "error"


class RegisterColumnsError(ValueError):
    """The register lacks columns the estimates need."""


def register_header(text: str) -> RegisterHeader | None:
    """The register header a column's header means (matched by name), or None if not read."""
    return _HEADERS.get(folded_header(text))


def named_register(raw: pl.DataFrame) -> pl.DataFrame:
    """The register's kept columns renamed to their current header names, missing optional
    columns added blank.

    Raises:
        RegisterColumnsError: a required column is missing.
    """
    renames: dict[str, str] = {}
    for column in raw.columns:
        header = register_header(column)
        if header is not None and header.value not in renames.values():
            renames[column] = header.value
    missing = [h.value for h in REQUIRED_HEADERS if h.value not in renames.values()]
    if missing:
        raise RegisterColumnsError(f"the register has no column(s) {', '.join(missing)}")
    named = raw.select(
        *(pl.col(c).alias(n) for c, n in renames.items()),
        *(c for c in (LINE, FIELD_COUNT) if c in raw.columns),
    )
    return named.with_columns(
        pl.lit("").alias(h.value) for h in RegisterHeader if h.value not in named.columns
    )


def folded_area(name: pl.Expr) -> pl.Expr:
    """A local authority name as names are matched: lower case, ``&`` as ``and``, punctuation
    dropped, spaces collapsed (``St. Helens`` and ``St Helens`` match)."""
    return (
        name.str.to_lowercase()
        .str.replace_all("&", " and ")
        .str.replace_all(r"[^a-z0-9 ]", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def _area_lookup(lookup: pl.DataFrame) -> pl.DataFrame:
    return (
        lookup.select(
            folded_area(pl.col(LOOKUP_REGISTER_NAME)).alias(_FOLDED),
            pl.col(LOOKUP_CODE).alias(Location.AREA_CODE),
        )
        .unique(_FOLDED, keep="first")
        .vstack(
            lookup.select(
                folded_area(pl.col(LOOKUP_NAME)).alias(_FOLDED),
                pl.col(LOOKUP_CODE).alias(Location.AREA_CODE),
            ).unique(_FOLDED, keep="first")
        )
        .unique(_FOLDED, keep="first")
    )


def _flag(header: RegisterHeader) -> pl.Expr:
    return pl.col(header).str.strip_chars().str.to_uppercase() == YES


def _adult_social_care() -> pl.Expr:
    return pl.col(H.DIRECTORATE).str.strip_chars().str.to_lowercase() == ADULT_SOCIAL_CARE


def _beds() -> pl.Expr:
    # A CSV saved from a spreadsheet may write a whole number as 12.0.
    text = pl.col(H.BEDS).str.strip_chars().str.replace(r"\.0+$", "")
    return pl.when(text.str.contains(r"^[0-9]{1,6}$")).then(text.cast(pl.Int64, strict=False))


def register_rules(*, known_areas: pl.Series) -> list[RegisterRule]:
    """Every check on the register's cells (``known_areas``: folded names of the lookup)."""
    location_id = pl.col(H.LOCATION_ID).str.strip_chars()
    asc = _adult_social_care()
    dual = pl.col(H.DUAL_REGISTERED).str.strip_chars().str.to_lowercase() == DUAL_REGISTRATION
    primary = pl.col(H.PRIMARY_ID).str.strip_chars()
    beds = _beds()
    yes_no = r"^(?i:[YN])$"
    return [
        RegisterRule(
            "CQC-LOCATION-ID-BLANK",
            (H.LOCATION_ID,),
            "Location ID is blank, so the row cannot be counted",
            location_id == "",
        ),
        RegisterRule(
            "CQC-LOCATION-ID-DUPLICATE",
            (H.LOCATION_ID,),
            "Location ID is repeated: only its first row is counted",
            (location_id != "") & ~location_id.is_first_distinct(),
        ),
        RegisterRule(
            "CQC-LOCATION-ID-FORMAT",
            (H.LOCATION_ID,),
            "Location ID is not of the form 1-123456789",
            (location_id != "") & ~location_id.str.contains(LOCATION_ID_PATTERN),
            severity="warning",
        ),
        RegisterRule(
            "CQC-BEDS-INVALID",
            (H.BEDS,),
            "Care homes beds is not a whole number: taken as no beds",
            (pl.col(H.BEDS).str.strip_chars() != "") & beds.is_null(),
            severity="warning",
        ),
        RegisterRule(
            "CQC-BEDS-TOO-MANY",
            (H.BEDS,),
            f"Care homes beds is more than {MAX_BEDS:,}: taken as no beds",
            beds > MAX_BEDS,
            severity="warning",
        ),
        RegisterRule(
            "CQC-CARE-HOME-NO-BEDS",
            (H.CARE_HOME, H.BEDS),
            "A care home with no beds: its filled posts are estimated without a bed count",
            asc & _flag(H.CARE_HOME) & (beds.fill_null(0) == 0),
            severity="warning",
        ),
        RegisterRule(
            "CQC-CARE-HOME-FLAG",
            (H.CARE_HOME,),
            "Care home? is not Y or N: taken as N",
            ~pl.col(H.CARE_HOME).str.strip_chars().str.contains(yes_no),
            severity="warning",
        ),
        RegisterRule(
            "CQC-DORMANT-FLAG",
            (H.DORMANT,),
            "Dormant (Y/N) is not Y or N: taken as N (not dormant)",
            ~pl.col(H.DORMANT).str.strip_chars().str.contains(yes_no),
            severity="warning",
        ),
        RegisterRule(
            "CQC-LOCAL-AUTHORITY-UNKNOWN",
            (H.LOCAL_AUTHORITY,),
            "Location Local Authority is not an English local authority careforce knows: "
            "the location is left out of the estimates",
            asc & ~folded_area(pl.col(H.LOCAL_AUTHORITY)).is_in(known_areas.implode()),
            severity="warning",
        ),
        RegisterRule(
            "CQC-DUAL-PRIMARY-UNKNOWN",
            (H.DUAL_REGISTERED, H.PRIMARY_ID),
            "A dual registration whose primary location is not in the register: counted here",
            dual
            & (primary != "")
            & (primary != location_id)
            & ~primary.is_in(location_id.implode()),
            severity="warning",
        ),
    ]


def register_findings(
    named: pl.DataFrame, *, lookup: pl.DataFrame, header_width: int
) -> pl.DataFrame:
    """Findings on the register's rows: each rule that fires, and rows of a CSV export with
    more or fewer fields than its header of ``header_width`` fields (``FIELD_COUNT`` is null
    for the rows of a workbook, which have no such thing)."""
    known = _area_lookup(lookup)[_FOLDED]
    ragged = named.filter(
        pl.col(FIELD_COUNT).is_not_null() & (pl.col(FIELD_COUNT) != header_width)
    ).select(
        pl.lit(FILE).alias("file"),
        pl.col(LINE).alias("line"),
        pl.lit("").alias("column"),
        pl.format("{} fields, header has {}", pl.col(FIELD_COUNT), pl.lit(header_width)).alias(
            "value"
        ),
        pl.lit("CQC-ROW-FIELD-COUNT").alias("code"),
        pl.lit("warning").alias("severity"),
        pl.lit("The row does not have the same number of fields as the header row").alias(
            "message"
        ),
    )
    parts = [ragged]
    for rule in register_rules(known_areas=known):
        shown = pl.concat_str([pl.col(c) for c in rule.columns], separator="/")
        parts.append(
            named.filter(rule.fires.fill_null(False)).select(
                pl.lit(FILE).alias("file"),
                pl.col(LINE).alias("line"),
                pl.lit("/".join(rule.columns)).alias("column"),
                shown.alias("value"),
                pl.lit(rule.code).alias("code"),
                pl.lit(rule.severity).alias("severity"),
                pl.lit(rule.message).alias("message"),
            )
        )
    return pl.concat([p.match_to_schema(FINDINGS_SCHEMA) for p in parts]).sort("line", "column")


def locations_frame(named: pl.DataFrame, *, lookup: pl.DataFrame) -> pl.DataFrame:
    """The canonical ``locations`` dataset: one row per register row with a location id, with
    its service group, beds, area code and whether (and why not) it is in scope."""
    location_id = pl.col(H.LOCATION_ID).str.strip_chars()
    care_home = _flag(H.CARE_HOME)
    nursing = care_home & (
        _flag(H.NURSING_HOME) | (_flag(H.NURSING_CARE) & ~_flag(H.RESIDENTIAL_HOME))
    )
    home_care = (
        _flag(H.DOMICILIARY)
        | _flag(H.EXTRA_CARE)
        | _flag(H.SHARED_LIVES)
        | _flag(H.SUPPORTED_LIVING)
    )
    group = (
        pl.when(nursing)
        .then(pl.lit(ServiceGroup.NURSING.value))
        .when(care_home)
        .then(pl.lit(ServiceGroup.RESIDENTIAL.value))
        .when(home_care)
        .then(pl.lit(ServiceGroup.HOME_CARE.value))
        .otherwise(pl.lit(ServiceGroup.DAY_AND_COMMUNITY.value))
    )
    dual = pl.col(H.DUAL_REGISTERED).str.strip_chars().str.to_lowercase() == DUAL_REGISTRATION
    primary = pl.col(H.PRIMARY_ID).str.strip_chars()
    brand = pl.col(H.BRAND).str.strip_chars()
    services = pl.concat_list(
        [pl.when(_flag(f)).then(pl.lit(SERVICE_LABELS[f])) for f in SERVICE_FLAGS]
    ).list.drop_nulls()
    beds = _beds()
    frame = (
        named.with_columns(folded_area(pl.col(H.LOCAL_AUTHORITY)).alias(_FOLDED))
        .join(_area_lookup(lookup), on=_FOLDED, how="left", maintain_order="left")
        .select(
            location_id.alias(Location.LOCATION_ID),
            pl.col(LINE).alias(Location.LINE),
            pl.col(H.NAME).str.strip_chars().alias(Location.NAME),
            pl.col(H.PROVIDER_ID).str.strip_chars().alias(Location.PROVIDER_ID),
            pl.col(H.PROVIDER_NAME).str.strip_chars().alias(Location.PROVIDER_NAME),
            pl.when(brand.is_in(["", NO_BRAND])).then(None).otherwise(brand).alias(Location.BRAND),
            pl.col(H.LOCAL_AUTHORITY).str.strip_chars().alias(Location.AREA_NAME),
            pl.col(Location.AREA_CODE),
            pl.col(H.REGION).str.strip_chars().alias(Location.REGION),
            pl.col(H.RATING).str.strip_chars().alias(Location.RATING),
            pl.col(H.DIRECTORATE).str.strip_chars().alias(Location.DIRECTORATE),
            care_home.alias(Location.CARE_HOME),
            nursing.alias(Location.NURSING),
            pl.when(care_home & (beds <= MAX_BEDS))
            .then(beds)
            .otherwise(0)
            .fill_null(0)
            .alias(Location.BEDS),
            _flag(H.DORMANT).alias(Location.DORMANT),
            dual.alias(Location.DUAL_REGISTERED),
            pl.when(dual & (primary != "")).then(primary).alias(Location.PRIMARY_ID),
            group.alias(Location.SERVICE_GROUP),
            services.alias(Location.SERVICES),
            _adult_social_care().alias("_asc"),
        )
    )
    ids = frame[Location.LOCATION_ID]
    secondary = (
        pl.col(Location.DUAL_REGISTERED)
        & pl.col(Location.PRIMARY_ID).is_not_null()
        & (pl.col(Location.PRIMARY_ID) != pl.col(Location.LOCATION_ID))
        & pl.col(Location.PRIMARY_ID).is_in(ids.implode())
    )
    reason = (
        pl.when(
            (pl.col(Location.LOCATION_ID) == "") | ~pl.col(Location.LOCATION_ID).is_first_distinct()
        )
        .then(pl.lit(Scope.INVALID.value))
        .when(~pl.col("_asc"))
        .then(pl.lit(Scope.OTHER_DIRECTORATE.value))
        .when(pl.col(Location.DORMANT))
        .then(pl.lit(Scope.DORMANT.value))
        .when(secondary)
        .then(pl.lit(Scope.DUAL_SECONDARY.value))
        .when(pl.col(Location.AREA_CODE).is_null())
        .then(pl.lit(Scope.UNKNOWN_AREA.value))
        .otherwise(pl.lit(Scope.IN_SCOPE.value))
    )
    return (
        frame.with_columns(reason.alias(Location.SCOPE_REASON))
        .with_columns(
            (pl.col(Location.SCOPE_REASON) == Scope.IN_SCOPE.value).alias(Location.IN_SCOPE)
        )
        .select(list(Location))
    )
