"""Checks and canonical frames of the council HR extract and children's provider returns."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careforce.core.indicators.children import (
    COUNCIL_STAFF,
    PROVIDER_STAFF,
    hr_measures,
    provider_measures,
)
from careforce.core.sources.children import hr_extract, provider_returns
from careforce.core.sources.children.text_groups import (
    ethnicity_group_of_text,
    nationality_group_of_text,
)
from careforce.core.sources.children.validation import (
    MissingColumnsError,
    cell_findings,
    require_columns,
)
from careforce.core.vocab.ascwds_columns import FIELD_COUNT, LINE

pytestmark = pytest.mark.unit

TODAY = dt.date(2022, 6, 1)
REFERENCE = dt.date(2022, 3, 31)


def hr_row(**overrides: str) -> dict[str, str]:
    row = {
        "area_code": "E10000028",
        "employee_ref": "HR0000001",
        "role": "Social worker",
        "role_group": "Social worker or senior practitioner",
        "qualified_social_worker": "Y",
        "team": "Safeguarding - Stafford",
        "fte": "1.00",
        "contract_type": "Permanent",
        "zero_hours": "N",
        "start_date_in_role": "2019-04-01",
        "start_date_with_council": "2015-04-01",
        "leaving_date": "",
        "leaving_reason": "",
        "date_of_birth": "1985-06-15",
        "sex": "F",
        "ethnicity": "White - English, Welsh, Scottish, Northern Irish or British",
        "nationality": "British",
    }
    row.update(overrides)
    return row


def table(rows: list[dict[str, str]]) -> pl.DataFrame:
    frame = pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String))
    width = len(rows[0])
    return frame.with_columns(
        pl.Series(LINE, list(range(2, len(rows) + 2)), dtype=pl.Int64),
        pl.lit(width, dtype=pl.Int64).alias(FIELD_COUNT),
    )


def hr_findings(rows: list[dict[str, str]]) -> list[tuple[int, str, str, str]]:
    found = cell_findings(table(rows), hr_extract.hr_rules(today=TODAY), file=hr_extract.FILE)
    return [(r["line"], r["column"], r["code"], r["severity"]) for r in found.iter_rows(named=True)]


class TestHrRules:
    def test_valid_rows_have_no_findings(self) -> None:
        assert (
            hr_findings([hr_row(), hr_row(employee_ref="HR0000002", leaving_date="2021-09-30")])
            == []
        )

    @pytest.mark.parametrize(
        ("overrides", "column", "code", "severity"),
        [
            ({"employee_ref": ""}, "employee_ref", "HR-EMPLOYEE-REF-BLANK", "error"),
            ({"fte": "2.5"}, "fte", "HR-FTE-INVALID", "error"),
            ({"fte": "full"}, "fte", "HR-FTE-INVALID", "error"),
            ({"contract_type": "Zero"}, "contract_type", "HR-CONTRACT-TYPE-INVALID", "error"),
            ({"zero_hours": "maybe"}, "zero_hours", "HR-ZERO-HOURS-INVALID", "error"),
            (
                {"qualified_social_worker": "1"},
                "qualified_social_worker",
                "HR-QUALIFIED-INVALID",
                "error",
            ),
            (
                {"start_date_with_council": "2015-13-01"},
                "start_date_with_council",
                "HR-START-WITH-COUNCIL-DATE",
                "error",
            ),
            (
                {"start_date_with_council": ""},
                "start_date_with_council",
                "HR-START-WITH-COUNCIL-DATE",
                "error",
            ),
            (
                {"leaving_date": "2014-01-01"},
                "start_date_with_council/leaving_date",
                "HR-LEAVING-BEFORE-START",
                "error",
            ),
            ({"leaving_date": "soon"}, "leaving_date", "HR-LEAVING-DATE", "error"),
            (
                {"start_date_in_role": "2010-01-01"},
                "start_date_with_council/start_date_in_role",
                "HR-ROLE-BEFORE-COUNCIL",
                "warning",
            ),
            ({"date_of_birth": "15/06/85"}, "date_of_birth", "HR-DATE-OF-BIRTH-DATE", "warning"),
            (
                {"start_date_in_role": "2022-06-02"},
                "start_date_in_role",
                "HR-START-IN-ROLE-FUTURE",
                "error",
            ),
            ({"leaving_date": "2022-07-01"}, "leaving_date", "HR-LEAVING-FUTURE", "warning"),
            (
                {"date_of_birth": "2030-01-01"},
                "date_of_birth",
                "HR-DATE-OF-BIRTH-FUTURE",
                "warning",
            ),
            (
                {"date_of_birth": "1800-01-01"},
                "date_of_birth",
                "HR-DATE-OF-BIRTH-TOO-EARLY",
                "warning",
            ),
            ({"sex": "X"}, "sex", "HR-SEX-INVALID", "warning"),
            ({"area_code": ""}, "area_code", "HR-AREA-CODE-BLANK", "error"),
            ({"role_group": ""}, "role_group", "HR-ROLE-GROUP-BLANK", "error"),
        ],
        ids=lambda v: v if isinstance(v, str) else None,
    )
    def test_each_rule_reports_line_column_and_severity(
        self, overrides: dict[str, str], column: str, code: str, severity: str
    ) -> None:
        assert hr_findings(
            [
                hr_row(employee_ref="HR1"),
                hr_row(employee_ref="HR2", **overrides)
                if "employee_ref" not in overrides
                else hr_row(**overrides),
            ]
        ) == [(3, column, code, severity)]

    def test_every_date_column_in_the_future_or_too_early(self) -> None:
        future = {"start_date_with_council": "2030-01-01", "start_date_in_role": "2030-01-01"}
        assert hr_findings([hr_row(**future)]) == [
            (2, "start_date_in_role", "HR-START-IN-ROLE-FUTURE", "error"),
            (2, "start_date_with_council", "HR-START-FUTURE", "error"),
        ]
        early = {"start_date_with_council": "1015-04-01", "start_date_in_role": "1019-04-01"}
        assert hr_findings([hr_row(**early)]) == [
            (2, "start_date_in_role", "HR-START-IN-ROLE-TOO-EARLY", "error"),
            (2, "start_date_with_council", "HR-START-WITH-COUNCIL-TOO-EARLY", "error"),
        ]

    def test_a_finding_names_the_file_line_column_and_value(self) -> None:
        found = cell_findings(
            table([hr_row(), hr_row(employee_ref="HR2", start_date_in_role="2031-02-03")]),
            hr_extract.hr_rules(today=TODAY),
            file=hr_extract.FILE,
        )
        assert found.select("file", "line", "column", "value", "code").rows() == [
            ("hr", 3, "start_date_in_role", "2031-02-03", "HR-START-IN-ROLE-FUTURE")
        ]

    def test_duplicate_reference_is_reported_on_the_later_row(self) -> None:
        assert hr_findings([hr_row(), hr_row()]) == [
            (3, "employee_ref", "HR-EMPLOYEE-REF-DUPLICATE", "error")
        ]

    def test_uk_dates_are_accepted(self) -> None:
        assert (
            hr_findings(
                [hr_row(start_date_with_council="01/04/2015", start_date_in_role="01/04/2019")]
            )
            == []
        )

    def test_date_of_birth_is_never_shown(self) -> None:
        found = cell_findings(
            table([hr_row(date_of_birth="1985-02-30")]), hr_extract.hr_rules(today=TODAY), file="hr"
        )
        assert found["value"].to_list() == ["[withheld]"]

    def test_missing_columns_are_named(self) -> None:
        frame = table([hr_row()]).drop("fte", "sex")
        with pytest.raises(MissingColumnsError, match="fte, sex"):
            require_columns(frame, hr_extract.REQUIRED_COLUMNS, source="HR extract")


class TestHrStaffFrame:
    def test_no_date_of_birth_or_reference_is_kept(self) -> None:
        staff = hr_extract.hr_staff_frame(table([hr_row()]), reference_date=REFERENCE, secret=b"k")
        assert "date_of_birth" not in staff.columns
        assert "HR0000001" not in staff.row(0)
        assert staff["age"].to_list() == [36]
        assert staff["contract"].to_list() == ["Permanent"]

    def test_casual_staff_are_not_full_time(self) -> None:
        staff = hr_extract.hr_staff_frame(
            table(
                [hr_row(), hr_row(employee_ref="C", fte="", contract_type="Casual", zero_hours="Y")]
            ),
            reference_date=REFERENCE,
            secret=b"k",
        )
        assert staff["full_time"].to_list() == [True, False]
        assert staff["contract"].to_list() == ["Permanent", "Pool/Bank"]


class TestHrMeasures:
    def test_turnover_is_leavers_over_staff_in_post_at_year_end(self) -> None:
        rows = [hr_row(employee_ref=f"S{i}") for i in range(20)]
        rows += [
            hr_row(employee_ref="L1", leaving_date="2021-10-01"),
            hr_row(employee_ref="L2", leaving_date="2022-03-31"),
        ]
        rows += [hr_row(employee_ref="OLD", leaving_date="2020-10-01")]  # left in 2020/21
        staff = hr_extract.hr_staff_frame(table(rows), reference_date=REFERENCE, secret=b"k")
        result = hr_measures(staff, reference_date=REFERENCE)

        def value(measure: str, period: str) -> float:
            row = result.filter(
                (pl.col("measure_id") == measure)
                & (pl.col("period") == period)
                & (pl.col("breakdown") == "workforce")
            )
            return float(row[0, "value"])

        # 2021/22: 2 leavers; 20 in post at 31/03/2022 (L2 left on that day)
        assert value("turnover_rate", "2021/22") == pytest.approx(2 / 20)
        assert value("filled_posts", "2021/22") == 20
        # 2020/21: 1 leaver; in post at 31/03/2021: the 20 and L1 and L2 = 22
        assert value("turnover_rate", "2020/21") == pytest.approx(1 / 22)
        assert value("service_years_mean", "2021/22") == pytest.approx(7.0, abs=0.01)
        assert set(result["breakdown_value"].str.split("/").list.first().to_list()) == {
            COUNCIL_STAFF
        }


def provider_row(**overrides: str) -> dict[str, str]:
    counts = {
        "headcount": "40",
        "female": "30",
        "male": "10",
        "age_under_25": "5",
        "age_25_54": "30",
        "age_55_plus": "5",
        "ethnicity_white": "32",
        "ethnicity_black_and_other": "8",
        "nationality_british": "34",
        "nationality_eu": "2",
        "nationality_outside_eu": "4",
        "full_time": "26",
        "part_time": "14",
        "permanent": "37",
        "temporary": "1",
        "bank_or_pool": "2",
        "zero_hours": "1",
        "years_in_role_under_3": "12",
        "years_in_role_3_to_9": "20",
        "years_in_role_10_plus": "8",
        "years_in_sector_under_3": "10",
        "years_in_sector_3_to_9": "16",
        "years_in_sector_10_plus": "14",
        "qualification_none": "8",
        "qualification_entry_or_level_1": "2",
        "qualification_level_2": "2",
        "qualification_level_3": "20",
        "qualification_level_4_plus": "8",
        "starters": "9",
        "leavers": "10",
        "vacancies": "4",
    }
    row = {
        "area_code": "E10000028",
        "provider_ref": "CP1",
        "provider_name": "Oak Homes",
        "service_type": "Children's home",
        "reference_date": "2022-03-31",
        **counts,
    }
    row.update(overrides)
    return row


class TestProviderReturns:
    def test_valid_rows_have_no_findings(self) -> None:
        found = cell_findings(
            table([provider_row()]),
            provider_returns.provider_rules(today=TODAY),
            file="provider_returns",
        )
        assert found.is_empty()

    @pytest.mark.parametrize(
        ("overrides", "column", "code"),
        [
            ({"leavers": "-1"}, "leavers", "PR-LEAVERS-INVALID"),
            ({"female": "31"}, "female/male", "PR-SEX-TOTAL"),
            ({"reference_date": "March 2022"}, "reference_date", "PR-REFERENCE-DATE"),
            ({"provider_ref": ""}, "provider_ref", "PR-PROVIDER-REF-BLANK"),
            ({"leavers": "100000"}, "headcount/leavers", "PR-LEAVERS-OVER-HEADCOUNT"),
            ({"starters": "121"}, "headcount/starters", "PR-STARTERS-OVER-HEADCOUNT"),
            ({"vacancies": "100001"}, "vacancies", "PR-VACANCIES-TOO-LARGE"),
            ({"headcount": "9" * 20}, "headcount", "PR-HEADCOUNT-TOO-LARGE"),
            ({"reference_date": "2022-06-02"}, "reference_date", "PR-REFERENCE-DATE-FUTURE"),
            ({"reference_date": "1022-03-31"}, "reference_date", "PR-REFERENCE-DATE-TOO-EARLY"),
        ],
        ids=[
            "negative",
            "sex-total",
            "date",
            "blank-ref",
            "leavers",
            "starters",
            "vacancies",
            "headcount-20-digits",
            "future",
            "too-early",
        ],
    )
    def test_each_rule(self, overrides: dict[str, str], column: str, code: str) -> None:
        found = cell_findings(
            table([provider_row(**overrides)]),
            provider_returns.provider_rules(today=TODAY),
            file="pr",
        )
        assert [(r["line"], r["column"], r["code"]) for r in found.iter_rows(named=True)] == [
            (2, column, code)
        ]

    def test_measures_sum_over_providers(self) -> None:
        frame = provider_returns.provider_returns_frame(
            table([provider_row(), provider_row(provider_ref="CP2", leavers="2", vacancies="0")])
        )
        result = provider_measures(
            frame, breakdowns=provider_returns.BREAKDOWNS, labels=provider_returns.LABELS
        )
        headline = result.filter(pl.col("breakdown") == "workforce")
        values = dict(zip(headline["measure_id"], headline["value"], strict=True))
        assert values["filled_posts"] == 80
        assert values["turnover_rate"] == pytest.approx(12 / 80)
        assert values["vacancy_rate"] == pytest.approx(4 / 84)
        assert values["full_time_share"] == pytest.approx(52 / 80)
        assert set(headline["breakdown_value"].to_list()) == {PROVIDER_STAFF}
        assert headline["workplaces"].unique().to_list() == [2]


class TestTextGroups:
    @pytest.mark.parametrize(
        ("answer", "group"),
        [
            ("White - Irish", "White"),
            ("Black or Black British - African", "Black and other ethnic groups"),
            ("Not known", None),
            ("Prefer not to say", None),
            ("", None),
        ],
        ids=["white", "black", "not-known", "prefer-not", "blank"],
    )
    def test_ethnicity(self, answer: str, group: str | None) -> None:
        frame = pl.DataFrame({"a": [answer]}).select(ethnicity_group_of_text(pl.col("a")))
        assert frame.to_series().to_list() == [group]

    @pytest.mark.parametrize(
        ("answer", "group"),
        [
            ("British", "British"),
            ("Polish", "EU"),
            ("irish", "EU"),
            ("Indian", "Outside EU"),
            ("Not known", None),
            ("", None),
        ],
        ids=["british", "polish", "irish-lower", "indian", "not-known", "blank"],
    )
    def test_nationality(self, answer: str, group: str | None) -> None:
        frame = pl.DataFrame({"a": [answer]}).select(nationality_group_of_text(pl.col("a")))
        assert frame.to_series().to_list() == [group]


class TestArbitraryInput:
    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.dictionaries(
                st.sampled_from(list(hr_extract.REQUIRED_COLUMNS)), st.text(max_size=12)
            ),
            min_size=1,
            max_size=5,
        )
    )
    def test_hr_rules_never_crash(self, edits: list[dict[str, str]]) -> None:
        rows = [hr_row(**{"employee_ref": f"R{i}", **edit}) for i, edit in enumerate(edits)]
        found = cell_findings(table(rows), hr_extract.hr_rules(today=TODAY), file="hr")
        assert set(found["severity"].to_list()) <= {"error", "warning"}
        assert set(found["line"].to_list()) <= set(range(2, len(rows) + 2))
        if not found.filter(pl.col("severity") == "error").height:
            staff = hr_extract.hr_staff_frame(table(rows), reference_date=REFERENCE, secret=b"k")
            assert staff.height == len(rows)

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.dictionaries(
                st.sampled_from(list(provider_returns.REQUIRED_COLUMNS)),
                st.one_of(
                    st.text(max_size=12),
                    st.integers(-(10**25), 10**25).map(str),
                    st.dates().map(str),
                ),
            ),
            min_size=1,
            max_size=5,
        )
    )
    def test_provider_rules_never_crash(self, edits: list[dict[str, str]]) -> None:
        rows = [provider_row(**{"provider_ref": f"P{i}", **edit}) for i, edit in enumerate(edits)]
        found = cell_findings(
            table(rows), provider_returns.provider_rules(today=TODAY), file="provider_returns"
        )
        assert set(found["severity"].to_list()) <= {"error", "warning"}
        assert set(found["line"].to_list()) <= set(range(2, len(rows) + 2))
        if not found.filter(pl.col("severity") == "error").height:
            frame = provider_returns.provider_returns_frame(table(rows))
            # every provider is kept with every count: nothing is dropped silently
            assert frame.height == len(rows)
            assert (
                frame.select(provider_returns.COUNT_COLUMNS).null_count().sum_horizontal()[0] == 0
            )
            assert (frame["reference_date"] <= TODAY).all()

    @settings(max_examples=60, deadline=None)
    @given(
        st.lists(
            st.dictionaries(
                st.sampled_from(
                    [
                        hr_extract.START_IN_ROLE,
                        hr_extract.START_WITH_COUNCIL,
                        hr_extract.LEAVING_DATE,
                        hr_extract.DATE_OF_BIRTH,
                    ]
                ),
                st.dates().map(str),
            ),
            min_size=1,
            max_size=5,
        )
    )
    def test_hr_dates_accepted_are_in_range(self, edits: list[dict[str, str]]) -> None:
        rows = [hr_row(**{"employee_ref": f"R{i}", **edit}) for i, edit in enumerate(edits)]
        found = cell_findings(table(rows), hr_extract.hr_rules(today=TODAY), file="hr")
        if not found.filter(pl.col("severity") == "error").height:
            staff = hr_extract.hr_staff_frame(table(rows), reference_date=REFERENCE, secret=b"k")
            for column in ("start_date_in_role", "start_date_with_council"):
                assert staff[column].is_between(dt.date(1900, 1, 1), TODAY).all()
