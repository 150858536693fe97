"""Hand-built registers and returns with known answers for the estimates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl

from careforce.core.vocab.cqc_register import Location, Scope
from careforce.services.ascwds import Area, ingest_ascwds
from careforce.services.estimates import compute_estimates
from cqc_register_support import care_home, write_register_ods

REFERENCE = dt.date(2026, 3, 31)
AREA = "E10000028"


def location(location_id: str, **values: Any) -> dict[str, Any]:
    """One canonical register row (in scope, a home care agency in Staffordshire by default)."""
    row: dict[str, Any] = {
        Location.LOCATION_ID: location_id,
        Location.LINE: 2,
        Location.NAME: f"Location {location_id}",
        Location.PROVIDER_ID: "1-1",
        Location.PROVIDER_NAME: "Provider",
        Location.BRAND: None,
        Location.AREA_NAME: "Staffordshire",
        Location.AREA_CODE: AREA,
        Location.REGION: "West Midlands",
        Location.RATING: "Good",
        Location.DIRECTORATE: "Adult social care",
        Location.CARE_HOME: False,
        Location.NURSING: False,
        Location.BEDS: 0,
        Location.DORMANT: False,
        Location.DUAL_REGISTERED: False,
        Location.PRIMARY_ID: None,
        Location.SERVICE_GROUP: "home care",
        Location.SERVICES: ["domiciliary care", "personal care"],
        Location.IN_SCOPE: True,
        Location.SCOPE_REASON: Scope.IN_SCOPE.value,
    }
    return row | values


def home(location_id: str, beds: int, *, nursing: bool = False, **values: Any) -> dict[str, Any]:
    """A care home row."""
    return location(
        location_id,
        **{
            Location.CARE_HOME: True,
            Location.NURSING: nursing,
            Location.BEDS: beds,
            Location.SERVICE_GROUP: "nursing" if nursing else "residential",
            Location.SERVICES: [
                "care home with nursing" if nursing else "care home without nursing"
            ],
        }
        | values,
    )


def register(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """The canonical locations frame of rows."""
    return pl.DataFrame(
        rows,
        schema={
            **{c.value: pl.String for c in Location},
            Location.LINE: pl.Int64,
            Location.CARE_HOME: pl.Boolean,
            Location.NURSING: pl.Boolean,
            Location.BEDS: pl.Int64,
            Location.DORMANT: pl.Boolean,
            Location.DUAL_REGISTERED: pl.Boolean,
            Location.SERVICES: pl.List(pl.String),
            Location.IN_SCOPE: pl.Boolean,
        },
    ).select(list(Location))


def a_return(
    workplace: str,
    location_id: str | None,
    posts: int,
    *,
    snapshot: int = 0,
    day: dt.date = REFERENCE,
    vacancies: int | None = None,
    starters: int | None = None,
    leavers: int | None = None,
    sector: str = "independent",
    service_group: str = "home care",
) -> dict[str, Any]:
    """One workplace's return."""
    return {
        "establishment_id": workplace,
        "snapshot": snapshot,
        "reference_date": day,
        "area_code": AREA,
        "location_id": location_id,
        "service_group": service_group,
        "sector": sector,
        "filled_posts": posts,
        "vacancies": vacancies,
        "starters": starters,
        "leavers": leavers,
    }


RETURNS_SCHEMA = {
    "establishment_id": pl.String,
    "snapshot": pl.Int64,
    "reference_date": pl.Date,
    "area_code": pl.String,
    "location_id": pl.String,
    "service_group": pl.String,
    "sector": pl.String,
    "filled_posts": pl.Int64,
    "vacancies": pl.Int64,
    "starters": pl.Int64,
    "leavers": pl.Int64,
}


def returns(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """The returns frame of rows."""
    return pl.DataFrame(rows, schema=RETURNS_SCHEMA)


def roles(rows: list[tuple[str, int, str, int]]) -> pl.DataFrame:
    """Role posts: (workplace, snapshot, job role group, posts)."""
    return pl.DataFrame(
        rows,
        schema={
            "establishment_id": pl.String,
            "snapshot": pl.Int64,
            "job_role_group": pl.String,
            "posts": pl.Int64,
        },
        orient="row",
    )


ASCWDS_WORKPLACE_HEADER = (
    "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
    "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
    "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,STARTERS,"
    "LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,SICKPAY,"
    "PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE"
)
ASCWDS_STAFF_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,ETHNICITY,"
    "NATIONALITY,BRITISHCITIZENSHIP,COUNTRYOFBIRTH,YEAROFENTRY,DISABLED,CARECERT,L2CARECERT,"
    "RECSOURCE,HANDCVISA,INOUTUK,STARTDATE,STARTINSECT,DHA,APPRENTICE,EMPLSTATUS,ZEROHRCONT,"
    "DAYSSICK,SALARYINT,SALARY,HOURLYRATE,MAINJOBROLE,MAINJRDESC,CONTHOURS,AVGHOURS,NMCREG,AMHP,"
    "SCQUAL,NONSCQUAL,CWPCATEGORY,QUALACH01,QUALACH01NOTES,QUALACH02,QUALACH02NOTES,QUALACH03,"
    "QUALACH03NOTES"
)


def write_ascwds(directory: Path, workplaces: list[tuple[str, str, int, int]]) -> list[Path]:
    """An ASC-WDS workplace and staff file: (workplace, location id, staff, main service) each,
    independent CQC-regulated workplaces whose staff are a registered manager and care workers,
    with one vacancy each."""
    rows, staff = [ASCWDS_WORKPLACE_HEADER], [ASCWDS_STAFF_HEADER]
    serial = 0
    for ref, location_id, count, service in workplaces:
        rows.append(
            f"{ref},UNCHECKED,Place {ref},1 High Street,,,Stafford,ST16 2LX,6,,1,1,2,1-200000001,"
            f"{location_id},{service},{service},,,,,,,,{count},4;8,0;0,0;0,0;1,,,,,,,,,,,,,,,"
        )
        for worker in range(count):
            serial += 1
            manager = worker == 0
            pay = "1,32000," if manager else "3,,11.00"
            staff.append(
                f"{ref},S{worker},UNCHECKED,Worker {worker},AB{serial:06d}C,ST17 4AB,01/01/1980,"
                f"2,31,826,,826,,0,1,,2,,,01/05/2015,2015,,2,1,2,0,{pay},{4 if manager else 8},,"
                "37.5,,,,1;3,2,2,110;2019,,,,,"
            )
    paths = []
    for name, lines in (("workplace", rows), ("staff", staff)):
        path = directory / f"{name}.csv"
        path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
        paths.append(path)
    return paths


ESTIMATED_HOMES = [(f"1-1000000{n:02d}", 10 + 2 * n) for n in range(12)]
"""Twelve care homes without nursing; beds 10, 12, ..., 32; the first eight return."""


def estimates_folder(root: Path) -> Path:
    """A register of twelve care homes, returns of eight (1.5 filled posts a bed) ingested, and
    the estimates computed: 378 filled posts estimated, 204 returned, 8 of 12 locations."""
    register = write_register_ods(
        root / "register.ods",
        [care_home(location_id, beds) for location_id, beds in ESTIMATED_HOMES],
    )
    files = root / "files"
    files.mkdir(parents=True, exist_ok=True)
    workplaces = [
        (f"W{n}", location_id, beds * 3 // 2, 2)
        for n, (location_id, beds) in enumerate(ESTIMATED_HOMES[:8])
    ]
    day = dt.date(2026, 9, 30)
    result = ingest_ascwds(
        write_ascwds(files, workplaces),
        reference_date=day,
        out=root / "ingested",
        today=day + dt.timedelta(days=30),
        secret=b"test",
        area=Area("E10000028", "Staffordshire"),
    )
    assert result.errors == 0
    compute_estimates(register, [root / "ingested"], out=root / "estimates", area="E10000028")
    return root / "estimates"
