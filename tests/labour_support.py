"""Public-layout labour-market files built for tests: Nomis API CSVs, a Census bulk CSV, DfE
EES CSVs and a postings extract, each with known values."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl

DIMS = ("DATE", "GEOGRAPHY")
TAIL = (
    "MEASURES",
    "MEASURES_NAME",
    "OBS_VALUE",
    "OBS_STATUS",
    "OBS_STATUS_NAME",
    "OBS_CONF",
    "OBS_CONF_NAME",
    "URN",
    "RECORD_OFFSET",
    "RECORD_COUNT",
)


def _six(dim: str) -> list[str]:
    return [dim, f"{dim}_NAME", f"{dim}_CODE", f"{dim}_TYPE", f"{dim}_TYPECODE", f"{dim}_SORTORDER"]


def nomis_csv(dimensions: list[str], rows: list[dict[str, str]]) -> str:
    """A Nomis API CSV in the default layout; each row gives DATE_NAME, GEOGRAPHY_CODE,
    GEOGRAPHY_NAME, each dimension's code and ``<dim>_NAME``, OBS_VALUE and optionally
    OBS_STATUS / OBS_STATUS_NAME."""
    header = [c for dim in ("DATE", "GEOGRAPHY", *dimensions) for c in _six(dim)] + list(TAIL)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for offset, row in enumerate(rows):
        record = dict.fromkeys(header, "")
        record.update(
            {
                "DATE": row["DATE_NAME"],
                "DATE_CODE": row.get("DATE_CODE", row["DATE_NAME"]),
                "GEOGRAPHY": "2092957699",
                "MEASURES": "20100",
                "MEASURES_NAME": "Value",
                "OBS_STATUS": "A",
                "OBS_STATUS_NAME": "Normal Value",
                "OBS_CONF": "F",
                "RECORD_OFFSET": str(offset),
                "RECORD_COUNT": str(len(rows)),
            }
        )
        record.update(row)
        writer.writerow([record[c] for c in header])
    return out.getvalue()


def claimant_csv() -> str:
    """Claimant count for Staffordshire and England, March and April 2022."""
    rows = []
    for area, name, counts, rate in (
        ("E10000028", "Staffordshire", ("16010", "15515"), "2.9"),
        ("E92000001", "England", ("1200000", "1158000"), "3.4"),
    ):
        for month, count in zip(("March 2022", "April 2022"), counts, strict=True):
            common = {
                "DATE_NAME": month,
                "GEOGRAPHY_CODE": area,
                "GEOGRAPHY_NAME": name,
                "GENDER": "0",
                "GENDER_NAME": "Total",
                "AGE": "0",
                "AGE_NAME": "All categories: Age 16+",
            }
            rows.append(
                {**common, "MEASURE": "1", "MEASURE_NAME": "Claimant count", "OBS_VALUE": count}
            )
            rows.append(
                {
                    **common,
                    "MEASURE": "2",
                    "MEASURE_NAME": "Claimants as a proportion of residents aged 16-64",
                    "OBS_VALUE": rate if month.startswith("April") else "3.0",
                }
            )
    return nomis_csv(["GENDER", "AGE", "MEASURE"], rows)


def bres_csv() -> str:
    """BRES 2020: social care by SIC class (child day-care separate) and all industries."""
    rows = []
    industries = {
        "Staffordshire": (
            "E10000028",
            {
                "8710 : Residential nursing care activities": "3500",
                "8730 : Residential care activities for the elderly and disabled": "4000",
                "8810 : Social work activities without accommodation for the elderly and disabled": "6000",
                "8891 : Child day-care activities": "2000",
            },
            "355000",
        ),
        "England": (
            "E92000001",
            {
                "8710 : Residential nursing care activities": "300000",
                "8730 : Residential care activities for the elderly and disabled": "400000",
                "8810 : Social work activities without accommodation for the elderly and disabled": "590000",
                "8891 : Child day-care activities": "250000",
            },
            "30000000",
        ),
    }
    for name, (code, cells, total) in industries.items():
        common = {
            "DATE_NAME": "2020",
            "GEOGRAPHY_CODE": code,
            "GEOGRAPHY_NAME": name,
            "EMPLOYMENT_STATUS": "4",
            "EMPLOYMENT_STATUS_NAME": "Employment",
            "MEASURE": "1",
            "MEASURE_NAME": "Count",
        }
        for industry, value in cells.items():
            rows.append({**common, "INDUSTRY": "1", "INDUSTRY_NAME": industry, "OBS_VALUE": value})
            # Employees rows must be ignored when employment is there.
            rows.append(
                {
                    **common,
                    "EMPLOYMENT_STATUS": "1",
                    "EMPLOYMENT_STATUS_NAME": "Employees",
                    "INDUSTRY": "1",
                    "INDUSTRY_NAME": industry,
                    "OBS_VALUE": "1",
                }
            )
        rows.append(
            {**common, "INDUSTRY": "37748736", "INDUSTRY_NAME": "Total", "OBS_VALUE": total}
        )
    return nomis_csv(["INDUSTRY", "EMPLOYMENT_STATUS", "MEASURE"], rows)


def business_csv() -> str:
    """UK Business Counts 2021 (local units) by size band for the social care industries."""
    rows = []
    bands = {
        "0": ("Total", "100"),
        "10": ("Micro (0 to 9)", "52"),
        "20": ("Small (10 to 49)", "37"),
        "30": ("Medium-sized (50 to 249)", "9"),
        "40": ("Large (250+)", "2"),
    }
    for industry, factor in (
        ("87 : Residential care activities", 3),
        ("88 : Social work activities without accommodation", 2),
    ):
        for band, (label, value) in bands.items():
            rows.append(
                {
                    "DATE_NAME": "2021",
                    "GEOGRAPHY_CODE": "E10000028",
                    "GEOGRAPHY_NAME": "Staffordshire",
                    "INDUSTRY": "1",
                    "INDUSTRY_NAME": industry,
                    "EMPLOYMENT_SIZEBAND": band,
                    "EMPLOYMENT_SIZEBAND_NAME": label,
                    "LEGAL_STATUS": "0",
                    "LEGAL_STATUS_NAME": "Total",
                    "OBS_VALUE": str(int(value) * factor),
                }
            )
    return nomis_csv(["INDUSTRY", "EMPLOYMENT_SIZEBAND", "LEGAL_STATUS"], rows)


def ashe_csv() -> str:
    """ASHE workplace 2021: median hourly pay excluding overtime; one suppressed cell."""
    rows = []
    for code, name, value, status in (
        ("E10000028", "Staffordshire", "13.56", ""),
        ("E92000001", "England", "14.38", ""),
        ("E07000192", "Cannock Chase", "", "suppressed"),
    ):
        row = {
            "DATE_NAME": "2021",
            "GEOGRAPHY_CODE": code,
            "GEOGRAPHY_NAME": name,
            "SEX": "7",
            "SEX_NAME": "All Workers",
            "ITEM": "2",
            "ITEM_NAME": "Median",
            "PAY": "6",
            "PAY_NAME": "Hourly pay - excluding overtime",
            "OBS_VALUE": value,
        }
        if status:
            row |= {
                "OBS_STATUS": "*",
                "OBS_STATUS_NAME": "These figures are suppressed as statistically unreliable",
            }
        rows.append(row)
    return nomis_csv(["SEX", "ITEM", "PAY"], rows)


def census_sex_csv(*, suffix: bool = False) -> str:
    end = "; measures: Value" if suffix else ""
    return (
        f"date,geography,geography code,Sex: All persons{end},Sex: Female{end},Sex: Male{end}\n"
        "2021,Staffordshire,E10000028,1000,505,495\n"
    )


def enrolments_csv(*, old: bool) -> str:
    """EES aim enrolments by tier 2 subject; old (2021/22) or new (2024/25) column names."""
    subject, value = (
        ("ssa_t2_desc", "e_and_t_aims_enrolments") if old else ("ssa_tier_2", "enrolments")
    )
    sex = "sex"
    lines = [
        f"time_period,time_identifier,geographic_level,country_code,country_name,new_la_code,old_la_code,la_name,{subject},{sex},{value}"
    ]
    for period, hsc, cd, total in (
        ("201819", "5790", "350", "32000"),
        ("202021", "5820", "510", "25867"),
    ):
        for name, count in (
            ("Health and Social Care", hsc),
            ("Child Development and Well Being", cd),
            ("Total", total),
        ):
            lines.append(
                f"{period},Academic year,Local authority,E92000001,England,E10000028,860,Staffordshire,{name},Total,{count}"
            )
            lines.append(
                f"{period},Academic year,Local authority,E92000001,England,E10000028,860,Staffordshire,{name},Female,1"
            )
    lines.append(
        "202021,Academic year,Local authority,E92000001,England,E10000028,860,Staffordshire,Hairdressing,Total,c"
    )
    return "\n".join(lines) + "\n"


POSTINGS_CSV = (
    "posting_id,title,employer,city,local_authority_code,posted_date,expiry_date,duplicate_of,soc_code,skills\n"
    "P1,Support Workers,Oak Care,Stafford,E07000197,2021-09-01,2021-09-11,,6145,Safeguarding;Driving Licence\n"
    "P2,Support Worker,Oak Care,Stafford,E07000197,05/09/2021,05/10/2021,,6145,Safeguarding\n"
    "P3,Support Workers,Oak Care,Stafford,E07000197,2021-09-02,2021-09-30,P1,6145,Safeguarding\n"
    "P4,Care Assistants,Rose Care,Leek,E07000198,2022-08-10,2022-08-30,,6145,Personal Care\n"
)
"""Three unique postings (durations 10, 30, 20 days) and one duplicate, Sep 2021 to Aug 2022."""

VENDOR_POSTINGS_CSV = (
    "ID,TITLE_NAME,COMPANY_NAME,CITY_NAME,LAD,POSTED,EXPIRED,DUPLICATE_OF_ID,SOC,SKILLS_NAME\n"
    "A1,Night Nurses,Heath Care,Leek,E07000198,2021-09-01T00:00:00,2021-10-10,,2231,Nursing\n"
    "A2,Night Nurses,Heath Care,Leek,E07000198,2021-09-03,2021-10-10,A1,2231,Nursing\n"
)

VENDOR_MAPPING_CSV = (
    "column,source_column\n"
    "posting_id,ID\ntitle,TITLE_NAME\nemployer,COMPANY_NAME\ncity,CITY_NAME\n"
    "local_authority_code,LAD\nposted_date,POSTED\nexpiry_date,EXPIRED\n"
    "duplicate_of,DUPLICATE_OF_ID\nsoc_code,SOC\nskills,SKILLS_NAME\n"
)


def write_job_adverts_workbook(path: object) -> None:
    """An ONS ``labourdemandbyoccupation.xlsx`` with a contents sheet, Table 2 (local
    authorities, monthly) and Table 5 (LA × SOC 4-digit, quarterly), headers on row 5."""
    book = openpyxl.Workbook()
    contents = book.active
    contents.title = "Contents"
    contents.append(["Labour demand volumes by Standard Occupation Classification (SOC 2020), UK"])
    table2 = book.create_sheet("Table 2")
    for line in ("Table 2: Online job adverts by local authority", "Source: Textkernel", "", ""):
        table2.append([line])
    table2.append(
        [
            "Region",
            "ITL2",
            "Local Authority District",
            "Local Authority Code",
            dt.datetime(2022, 3, 1),
            dt.datetime(2022, 4, 1),
        ]
    )
    table2.append(["West Midlands", "TLG2", "Stafford", "E07000197", 1200, 1150])
    table2.append(["London", "TLI", "", "", 90000, "[x]"])
    table5 = book.create_sheet("Table 5")
    for line in ("Table 5", "", "", ""):
        table5.append([line])
    table5.append(
        [
            "Region",
            "ITL2",
            "Local Authority District",
            "SOC 4 digit code",
            "SOC 4 digit label",
            "Local Authority Code",
            "2022Q1",
            "2022Q2",
        ]
    )
    table5.append(
        [
            "West Midlands",
            "TLG2",
            "Stafford",
            "6135",
            "Care workers and home carers",
            "E07000197",
            410,
            "[x]",
        ]
    )
    table5.append(
        ["West Midlands", "TLG2", "Stafford", "6136", "Senior care workers", "E07000197", "12a", 30]
    )
    book.save(path)
