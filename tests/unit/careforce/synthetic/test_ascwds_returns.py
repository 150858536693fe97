"""The generated ASC-WDS returns follow the bulk-upload format and its rules, row by row."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from careforce.core.vocab.geography_codes import COUNTRY, NATIONALITY
from careforce.core.vocab.staff_codes import ETHNICITY, JOB_ROLE, QUALIFICATION, RECRUITMENT_SOURCE
from careforce.core.vocab.training_codes import TRAINING_CATEGORY
from careforce.core.vocab.workplace_codes import CQC_REGULATED_SERVICES, SERVICE
from careforce.synthetic.ascwds_returns import generate_ascwds_returns
from careforce.synthetic.geography import POSTCODE_DISTRICTS
from careforce.synthetic.profiles import build_profile

pytestmark = pytest.mark.unit

YEARS = ("2020-21", "2021-22", "2022-23", "2023-24")

WORKPLACE_HEADER = (
    "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
    "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
    "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,STARTERS,"
    "LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,SICKPAY,"
    "PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE"
)
STAFF_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,STATUS,DISPLAYID,NINUMBER,POSTCODE,DOB,GENDER,ETHNICITY,"
    "NATIONALITY,BRITISHCITIZENSHIP,COUNTRYOFBIRTH,YEAROFENTRY,DISABLED,CARECERT,L2CARECERT,"
    "RECSOURCE,HANDCVISA,INOUTUK,STARTDATE,STARTINSECT,DHA,APPRENTICE,EMPLSTATUS,ZEROHRCONT,"
    "DAYSSICK,SALARYINT,SALARY,HOURLYRATE,MAINJOBROLE,MAINJRDESC,CONTHOURS,AVGHOURS,NMCREG,AMHP,"
    "SCQUAL,NONSCQUAL,CWPCATEGORY,QUALACH01,QUALACH01NOTES,QUALACH02,QUALACH02NOTES,QUALACH03,"
    "QUALACH03NOTES"
)
TRAINING_HEADER = (
    "LOCALESTID,UNIQUEWORKERID,CATEGORY,TRAININGNAME,ACCREDITED,WHODELIVERED,PROVIDERNAME,"
    "HOWDELIVERED,VALIDITY,DATECOMPLETED,EXPIRYDATE,NOTES"
)
"""Header rows copied from the bulk-upload format reference, section 2."""

STRICT_DATE = r"^(0[1-9]|[12][0-9]|3[01])/(0[1-9]|1[0-2])/[0-9]{4}$"
CQC_ID = r"^[0-9]-[0-9]{8,12}$"
NI_NUMBER = r"^[A-Za-z]{2}[0-9]{6}[A-Za-z]?$"
HOME_POSTCODE = r"^[A-Za-z]{1,2}[0-9]{1,2}[A-Za-z]? [0-9][A-Za-z]{2}$"
HALF_HOURS = r"^[0-9]+(\.[05])?$"
MONEY = r"^[0-9]+(\.[0-9]{1,2})?$"


def _date(column: str) -> pl.Expr:
    return pl.col(column).str.to_date("%d/%m/%Y", strict=False)


def _codes(table: frozenset[int], *extra: int) -> list[str]:
    return [str(code) for code in sorted(table | set(extra))]


class TestHeaderRows:
    @pytest.mark.parametrize(
        ("kind", "header"),
        [("workplace", WORKPLACE_HEADER), ("staff", STAFF_HEADER), ("training", TRAINING_HEADER)],
        ids=["workplace", "staff", "training"],
    )
    def test_header_row_is_exactly_the_reference_header(self, staffordshire, kind, header) -> None:
        for annual in staffordshire.returns:
            assert annual.files[kind].split("\r\n", 1)[0] == header


class TestTextFormat:
    def test_every_line_ends_with_crlf(self, staffordshire) -> None:
        for annual in staffordshire.returns:
            for text in annual.files.values():
                assert text.endswith("\r\n")
                assert text.count("\n") == text.count("\r\n")

    def test_values_with_commas_are_quoted_and_read_back(self, staffordshire) -> None:
        workplace = staffordshire.years["2021-22"].workplace
        with_commas = workplace.filter(pl.col("ESTNAME").str.contains(","))
        assert with_commas.height > 0
        assert workplace.width == 44

    def test_every_row_has_status_unchecked(self, staffordshire) -> None:
        for parsed in staffordshire.years.values():
            assert set(parsed.workplace["STATUS"]) == {"UNCHECKED"}
            assert set(parsed.staff["STATUS"]) == {"UNCHECKED"}


class TestDeterminism:
    def test_same_seed_gives_identical_text(self) -> None:
        area = build_profile("staffordshire", scale=0.05).areas[0]
        first = generate_ascwds_returns(area, seed=7)
        second = generate_ascwds_returns(area, seed=7)
        assert [r.files for r in first] == [r.files for r in second]

    def test_different_seed_gives_different_text(self) -> None:
        area = build_profile("staffordshire", scale=0.05).areas[0]
        first = generate_ascwds_returns(area, seed=7)
        other = generate_ascwds_returns(area, seed=8)
        for kind in ("workplace", "staff", "training"):
            assert first[1].files[kind] != other[1].files[kind]


@pytest.mark.parametrize("year", YEARS)
class TestWorkplaceRows:
    def test_total_staff_equals_staff_rows(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        counted = parsed.staff.group_by("LOCALESTID").len()
        joined = parsed.workplace.join(counted, on="LOCALESTID", how="left")
        assert joined.filter(pl.col("len").is_null()).height == 0
        assert (joined["TOTALPERMTEMP"].cast(pl.UInt32) == joined["len"]).all()

    def test_identifiers_are_unique(self, staffordshire, year) -> None:
        workplace = staffordshire.years[year].workplace
        staff = staffordshire.years[year].staff
        assert workplace["LOCALESTID"].is_unique().all()
        regulated = workplace.filter(pl.col("REGTYPE") == "2")
        assert regulated["LOCATIONID"].is_unique().all()
        assert (
            staff.select(pl.concat_str("LOCALESTID", "UNIQUEWORKERID"))
            .to_series()
            .is_unique()
            .all()
        )

    def test_registration_matches_main_service(self, staffordshire, year) -> None:
        workplace = staffordshire.years[year].workplace
        regulated = workplace["MAINSERVICE"].cast(pl.Int64).is_in(sorted(CQC_REGULATED_SERVICES))
        assert (regulated == (workplace["REGTYPE"] == "2")).all()
        cqc = workplace.filter(pl.col("REGTYPE") == "2")
        assert cqc["PROVNUM"].str.contains(CQC_ID).all()
        assert cqc["LOCATIONID"].str.contains(CQC_ID).all()
        other = workplace.filter(pl.col("REGTYPE") == "0")
        assert (other["PROVNUM"] == "").all()
        assert (other["LOCATIONID"] == "").all()

    def test_services_are_known_and_include_the_main_service(self, staffordshire, year) -> None:
        workplace = staffordshire.years[year].workplace
        items = workplace["ALLSERVICES"].str.split(";")
        assert all(
            main in listed for main, listed in zip(workplace["MAINSERVICE"], items, strict=True)
        )
        codes = {int(c) for listed in items for c in listed}
        assert codes <= SERVICE.codes
        counts = items.list.len()
        for column in ("CAPACITY", "UTILISATION", "SERVICEDESC"):
            assert (workplace[column].str.count_matches(";") + 1 == counts).all()

    def test_cqc_workplaces_have_a_registered_manager_or_a_vacancy(
        self, staffordshire, year
    ) -> None:
        parsed = staffordshire.years[year]
        managers = parsed.staff.filter(pl.col("MAINJOBROLE") == "4")["LOCALESTID"].unique()
        for row in parsed.workplace.filter(pl.col("REGTYPE") == "2").iter_rows(named=True):
            if row["LOCALESTID"] in managers:
                continue
            roles = row["ALLJOBROLES"].split(";")
            vacancies = row["VACANCIES"].split(";")
            assert "4" in roles
            assert int(vacancies[roles.index("4")]) > 0

    def test_registered_managers_only_in_cqc_workplaces(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        assert (staff.filter(pl.col("MAINJOBROLE") == "4")["WP_REGTYPE"] == "2").all()

    def test_role_lists_line_up(self, staffordshire, year) -> None:
        workplace = staffordshire.years[year].workplace
        roles = workplace["ALLJOBROLES"].str.split(";").list.len()
        for column in ("STARTERS", "LEAVERS", "VACANCIES"):
            known = workplace[column] != "999"
            counts = workplace[column].str.split(";").list.len()
            assert ((counts == roles) | ~known).all()
        listed = {int(c) for roles in workplace["ALLJOBROLES"].str.split(";") for c in roles}
        assert listed <= JOB_ROLE.codes

    def test_workplace_postcodes_are_in_staffordshire_districts(self, staffordshire, year) -> None:
        outward = staffordshire.years[year].workplace["POSTCODE"].str.split(" ").list.first()
        assert set(outward) <= set(POSTCODE_DISTRICTS)


@pytest.mark.parametrize("year", YEARS)
class TestStaffRows:
    def test_dates_of_birth_give_ages_16_to_75(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        reference = dt.date(parsed.reference_year, 3, 31)
        staff = parsed.staff.with_columns(_date("DOB").alias("dob"))
        assert staff["DOB"].str.contains(STRICT_DATE).all()
        # The reference date is 31 March: the birthday is still to come when born after March.
        ages = staff.select(
            reference.year - pl.col("dob").dt.year() - (pl.col("dob").dt.month() > 3).cast(pl.Int32)
        ).to_series()
        assert ages.min() >= 16
        assert ages.max() <= 75

    def test_start_dates_follow_the_rules(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        reference = dt.date(parsed.reference_year, 3, 31)
        staff = parsed.staff.filter(pl.col("STARTDATE") != "").with_columns(
            _date("STARTDATE").alias("start"), _date("DOB").alias("dob")
        )
        assert staff["STARTDATE"].str.contains(STRICT_DATE).all()
        assert (staff["start"] <= reference).all()
        assert (staff["start"] >= staff["dob"].dt.offset_by("14y")).all()
        in_sector = staff.filter(pl.col("STARTINSECT") != "999").with_columns(
            pl.col("STARTINSECT").cast(pl.Int32).alias("year")
        )
        assert (in_sector["year"] <= in_sector["start"].dt.year()).all()
        assert (in_sector["year"] >= in_sector["dob"].dt.year() + 14).all()

    def test_identity_fields_are_well_formed(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        ni = staff.filter(pl.col("NINUMBER") != "")["NINUMBER"]
        assert ni.len() > 0.9 * staff.height
        assert ni.str.contains(NI_NUMBER).all()
        postcodes = staff.filter(pl.col("POSTCODE") != "")["POSTCODE"]
        assert postcodes.str.contains(HOME_POSTCODE).all()
        assert (staff["DISPLAYID"].str.len_chars() < 50).all()

    @pytest.mark.parametrize(
        ("column", "allowed"),
        [
            ("GENDER", ["", "1", "2", "3", "4"]),
            ("ETHNICITY", ["", *_codes(ETHNICITY.codes)]),
            ("NATIONALITY", ["", *_codes(NATIONALITY.codes, 826, 998, 999)]),
            ("COUNTRYOFBIRTH", ["", *_codes(COUNTRY.codes, 826, 998, 999)]),
            ("RECSOURCE", ["", *_codes(RECRUITMENT_SOURCE.codes)]),
            ("MAINJOBROLE", _codes(JOB_ROLE.codes)),
            ("EMPLSTATUS", ["1", "2", "3", "4", "7"]),
            ("ZEROHRCONT", ["1", "2", "999"]),
            ("CARECERT", ["", "1", "2", "3"]),
            ("DISABLED", ["", "0", "1", "2", "3"]),
            ("APPRENTICE", ["", "1", "2", "999"]),
            ("SALARYINT", ["", "1", "3", "999"]),
            ("BRITISHCITIZENSHIP", ["", "1", "2", "999"]),
        ],
        ids=lambda value: value if isinstance(value, str) else "",
    )
    def test_codes_come_from_the_code_tables(self, staffordshire, year, column, allowed) -> None:
        values = set(staffordshire.years[year].staff[column])
        assert values <= set(allowed)

    def test_hours_follow_contract_and_zero_hours(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        contracted = staff.filter(pl.col("CONTHOURS") != "")
        assert contracted["EMPLSTATUS"].is_in(["1", "2"]).all()
        assert (contracted["ZEROHRCONT"] == "2").all()
        assert contracted["CONTHOURS"].str.contains(HALF_HOURS).all()
        assert contracted["CONTHOURS"].cast(pl.Float64).is_between(0.5, 75).all()
        average = staff.filter(pl.col("AVGHOURS") != "")
        assert (~average["EMPLSTATUS"].is_in(["1", "2"]) | (average["ZEROHRCONT"] == "1")).all()
        assert average["AVGHOURS"].str.contains(HALF_HOURS).all()
        assert staff.filter(pl.col("CONTHOURS") != "", pl.col("AVGHOURS") != "").height == 0

    def test_pay_matches_its_interval(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        hourly = staff.filter(pl.col("SALARYINT") == "3")
        assert hourly["HOURLYRATE"].str.contains(MONEY).all()
        assert (hourly["SALARY"] == "").all()
        annual = staff.filter(pl.col("SALARYINT") == "1")
        assert annual["SALARY"].cast(pl.Int64).is_between(500, 200_000).all()
        assert (annual["HOURLYRATE"] == "").all()
        unknown = staff.filter(pl.col("SALARYINT").is_in(["", "999"]))
        assert ((unknown["SALARY"] == "") & (unknown["HOURLYRATE"] == "")).all()
        managers = staff.filter(
            pl.col("MAINJOBROLE").is_in(["4", "16"]), pl.col("SALARYINT").is_in(["1", "3"])
        )
        assert (managers["SALARYINT"] == "1").all()
        carers = staff.filter(
            pl.col("MAINJOBROLE").is_in(["7", "8"]), pl.col("SALARYINT").is_in(["1", "3"])
        )
        assert (carers["SALARYINT"] == "3").all()

    def test_qualifications_are_well_formed(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        assert staff["SCQUAL"].str.contains(r"^(1;[0-8]|2|999)$").all()
        achieved = staff.filter(pl.col("QUALACH01") != "")["QUALACH01"].str.split(";")
        assert achieved.len() > 0
        codes = {int(item[0]) for item in achieved}
        years = [int(item[1]) for item in achieved]
        assert codes <= QUALIFICATION.codes
        assert max(years) <= staffordshire.years[year].reference_year

    def test_day_sick_are_whole_or_half_days(self, staffordshire, year) -> None:
        sick = staffordshire.years[year].staff.filter(~pl.col("DAYSSICK").is_in(["", "999"]))
        assert sick["DAYSSICK"].str.contains(HALF_HOURS).all()
        assert sick["DAYSSICK"].cast(pl.Float64).is_between(0, 366).all()

    def test_nationality_answers_are_consistent(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        british = staff.filter(pl.col("NATIONALITY") == "826")
        assert (british["BRITISHCITIZENSHIP"] == "").all()
        assert (british["HANDCVISA"] == "").all()
        entry = staff.filter(pl.col("YEAROFENTRY") != "")
        assert (~entry["COUNTRYOFBIRTH"].is_in(["", "826", "998"])).all()
        assert (entry["YEAROFENTRY"].cast(pl.Int32) >= _date_year(entry, "DOB")).all()
        visa = staff.filter(pl.col("INOUTUK") != "")
        assert (visa["HANDCVISA"] == "1").all()

    def test_role_specific_fields_only_for_their_roles(self, staffordshire, year) -> None:
        staff = staffordshire.years[year].staff
        assert (staff.filter(pl.col("MAINJOBROLE") != "16")["NMCREG"] == "").all()
        assert (staff.filter(pl.col("MAINJOBROLE") != "6")["AMHP"] == "").all()
        other = staff.filter(pl.col("MAINJOBROLE").is_in(["23", "27"]))
        assert (other["MAINJRDESC"] != "").all()
        assert (staff.filter(~pl.col("MAINJOBROLE").is_in(["23", "27"]))["MAINJRDESC"] == "").all()


def _date_year(frame: pl.DataFrame, column: str) -> pl.Series:
    return frame.select(_date(column).dt.year()).to_series()


@pytest.mark.parametrize("year", YEARS)
class TestTrainingRows:
    def test_training_rows_follow_the_rules(self, staffordshire, year) -> None:
        parsed = staffordshire.years[year]
        reference = dt.date(parsed.reference_year, 3, 31)
        training = parsed.training.join(
            parsed.staff.select("LOCALESTID", "UNIQUEWORKERID", "DOB"),
            on=["LOCALESTID", "UNIQUEWORKERID"],
            how="left",
        )
        assert training.filter(pl.col("DOB").is_null()).height == 0
        assert training["CATEGORY"].cast(pl.Int64).is_in(sorted(TRAINING_CATEGORY.codes)).all()
        assert training["DATECOMPLETED"].str.contains(STRICT_DATE).all()
        completed = training.select(_date("DATECOMPLETED")).to_series()
        assert (completed <= reference).all()
        born = training.select(_date("DOB").dt.offset_by("14y")).to_series()
        assert (completed >= born).all()
        assert (training["EXPIRYDATE"] == "").all()
        assert set(training["VALIDITY"]) <= {"", "none", "12", "24", "36"}
        external = training.filter(pl.col("PROVIDERNAME") != "")
        assert (external["WHODELIVERED"] == "2").all()
        assert (training["TRAININGNAME"].str.len_chars() <= 120).all()


class TestYearOnYear:
    def test_stayers_keep_their_identifiers(self, staffordshire) -> None:
        before = staffordshire.years["2020-21"].staff
        after = staffordshire.years["2021-22"].staff
        stayers = before.join(after, on=["LOCALESTID", "UNIQUEWORKERID"], suffix="_after")
        assert stayers.height > 0.6 * after.height
        assert (stayers["NINUMBER"] == stayers["NINUMBER_after"]).all()
        assert (stayers["DOB"] == stayers["DOB_after"]).all()
        assert (stayers["STARTDATE"] == stayers["STARTDATE_after"]).all()

    def test_starters_start_within_the_year(self, staffordshire) -> None:
        before = staffordshire.years["2020-21"].staff
        after = staffordshire.years["2021-22"].staff
        starters = after.join(before, on=["LOCALESTID", "UNIQUEWORKERID"], how="anti")
        started = starters.select(_date("STARTDATE")).to_series()
        assert started.min() >= dt.date(2021, 4, 1)
        assert started.max() <= dt.date(2022, 3, 31)

    def test_counts_cover_the_records(self, staffordshire) -> None:
        """STARTERS count at least the employed starters on record; LEAVERS at least the
        employed staff who disappeared."""
        before = staffordshire.years["2020-21"].staff
        after = staffordshire.years["2021-22"].staff
        workplace = staffordshire.years["2021-22"].workplace.filter(pl.col("LEAVERS") != "999")
        employed = pl.col("EMPLSTATUS").is_in(["1", "2"])
        new = after.join(before, on=["LOCALESTID", "UNIQUEWORKERID"], how="anti").filter(employed)
        gone = before.join(after, on=["LOCALESTID", "UNIQUEWORKERID"], how="anti").filter(employed)
        declared = workplace.select(
            "LOCALESTID",
            pl.col("STARTERS")
            .str.split(";")
            .list.eval(pl.element().cast(pl.Int64))
            .list.sum()
            .alias("starters"),
            pl.col("LEAVERS")
            .str.split(";")
            .list.eval(pl.element().cast(pl.Int64))
            .list.sum()
            .alias("leavers"),
        )
        checked = (
            declared.join(new.group_by("LOCALESTID").len("new"), on="LOCALESTID", how="left")
            .join(gone.group_by("LOCALESTID").len("gone"), on="LOCALESTID", how="left")
            .fill_null(0)
        )
        assert (checked["starters"] >= checked["new"]).all()
        assert (checked["leavers"] >= checked["gone"]).all()
        assert checked["starters"].sum() > checked["new"].sum()
