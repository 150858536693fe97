"""Importing survey tools' exports: Microsoft Forms, SmartSurvey and SurveyMonkey layouts (CSV
and XLSX), answers compared with known shares and intervals, bad rows reported by line and
column, nothing silently dropped, a file imported again recognised; arbitrary bytes never crash
the reader."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from careforce.core.intervals import wilson_limits
from careforce.core.outcomes.columns import MEASURE_CODE
from careforce.core.survey.mapping import ExportLayout, ExportMapping, export_layout
from careforce.core.survey.responses import read_responses
from careforce.core.vocab import published as pub
from careforce.io.survey_exports import ExportFileError, read_export_bytes
from careforce.io.survey_files import read_questionnaire_file, shipped_redactor
from careforce.services.outcomes import evaluate_files
from careforce.services.survey import (
    SurveyInputError,
    analyse_survey,
    import_export,
    import_round,
)

pytestmark = pytest.mark.integration

SATISFACTION = "Overall, how satisfied are you with your current job?"
MATTERS = "What matters most to you in a job?"
WORKING = "Do you work in social care?"
YES = "Yes, I work in social care"


def forms_csv(satisfied: int, dissatisfied: int) -> str:
    lines = [f'ID,Start time,Completion time,Email,Name,{WORKING},"{SATISFACTION}",{MATTERS}']
    for index in range(satisfied + dissatisfied):
        answer = "Satisfied" if index < satisfied else "Dissatisfied"
        lines.append(f'{index + 1},2023-06-01,2023-06-01,anonymous,,"{YES}",{answer},Pay;Training;')
    return "\r\n".join(lines) + "\r\n"


def write(tmp_path: Path, name: str, text: str, mapping: str) -> tuple[Path, Path]:
    export = tmp_path / name
    export.write_text(text, encoding="utf-8-sig")
    layout = tmp_path / f"{name}.yaml"
    layout.write_text(mapping, encoding="utf-8")
    return export, layout


def expected_interval(chosen: int, n: int) -> tuple[float, float]:
    lower, upper = wilson_limits(pl.lit(chosen / n), pl.lit(float(n)))
    row = pl.select(lower.alias("l"), upper.alias("u")).row(0)
    return float(row[0]), float(row[1])


def total(measures: pl.DataFrame, measure_id: str) -> dict[str, object]:
    return measures.filter(
        (pl.col(pub.MEASURE_ID) == measure_id) & (pl.col(pub.BREAKDOWN) == pub.TOTAL)
    ).row(0, named=True)


class TestMicrosoftForms:
    def test_known_share_and_interval(self, tmp_path: Path) -> None:
        export, mapping = write(
            tmp_path, "forms.csv", forms_csv(33, 11), "layout: microsoft-forms\n"
        )
        result = analyse_survey(
            questionnaire="staff",
            responses=export,
            mapping=mapping,
            out=tmp_path / "out",
            round_name="2023",
        )
        row = total(result.measures, "job_satisfaction_share")
        assert (row[pub.NUMERATOR], row[pub.DENOMINATOR], row[pub.VALUE]) == (33.0, 44.0, 0.75)
        assert (row[pub.LOWER], row[pub.UPPER]) == pytest.approx(expected_interval(33, 44))
        written = pl.read_csv(tmp_path / "out" / "survey_measures.csv")
        assert written.columns == list(pub.PUBLISHED_COLUMNS)

    def test_personal_columns_are_reported_not_read(self, tmp_path: Path) -> None:
        export, mapping = write(
            tmp_path, "forms.csv", forms_csv(10, 1), "layout: microsoft-forms\n"
        )
        read = import_export(
            questionnaire="staff", responses=export, mapping=mapping, round_name="2023"
        )
        personal = [f.column for f in read.imported.findings if f.code == "SURVEY-PERSONAL-COLUMN"]
        assert personal == ["Email", "Name"]
        assert "Email" not in read.imported.responses.columns

    def test_xlsx_export(self, tmp_path: Path) -> None:
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["ID", "Start time", WORKING, SATISFACTION])
        for index in range(12):
            sheet.append(
                [
                    index + 1,
                    "2023-06-01",
                    YES,
                    "Very satisfied" if index < 9 else "Neither satisfied nor dissatisfied",
                ]
            )
        buffer = io.BytesIO()
        book.save(buffer)
        export = tmp_path / "forms.xlsx"
        export.write_bytes(buffer.getvalue())
        mapping = tmp_path / "m.yaml"
        mapping.write_text("layout: microsoft-forms\n", encoding="utf-8")
        result = analyse_survey(
            questionnaire="staff",
            responses=export,
            mapping=mapping,
            out=tmp_path / "o",
            round_name="2023",
        )
        row = total(result.measures, "job_satisfaction_share")
        assert (row[pub.NUMERATOR], row[pub.DENOMINATOR]) == (9.0, 12.0)


class TestSmartSurvey:
    def test_mapping_columns_answers_and_separator(self, tmp_path: Path) -> None:
        text = "UserID,IP Address,Started,Q1,Q2\n" + "".join(
            f"{i},10.0.0.{i},2023-06-01,{'Yep' if i <= 8 else 'Nope'},Pay|Team working\n"
            for i in range(1, 13)
        )
        mapping = (
            "layout: smartsurvey\nseparator: '|'\n"
            "columns: {Q1: would_recommend, Q2: matters_most}\n"
            "answers: {would_recommend: {Yep: 'yes', Nope: 'no'}}\n"
        )
        export, layout = write(tmp_path, "smart.csv", text, mapping)
        read = import_export(
            questionnaire="staff", responses=export, mapping=layout, round_name="2023"
        )
        frame = read.imported.responses
        assert frame.get_column("would_recommend").value_counts(sort=True).rows() == [
            ("yes", 8),
            ("no", 4),
        ]
        assert frame.get_column("matters_most").to_list()[0] == ["pay", "team-working"]
        assert read.imported.errors == []


class TestSurveyMonkey:
    def test_two_header_rows_and_option_columns(self, tmp_path: Path) -> None:
        text = (
            f'Respondent ID,Collector ID,"{SATISFACTION}",{MATTERS},,\r\n'
            ",,Response,Pay,Training,Team working\r\n"
            "101,9,Satisfied,Pay,,Team working\r\n"
            "102,9,Dissatisfied,,Training,\r\n"
            "103,9,,,,\r\n"
        )
        export, layout = write(tmp_path, "monkey.csv", text, "layout: surveymonkey\n")
        read = import_export(
            questionnaire="staff", responses=export, mapping=layout, round_name="2023"
        )
        frame = read.imported.responses
        assert frame.get_column("response_id").to_list() == ["101", "102", "103"]
        assert frame.get_column("job_satisfaction").to_list() == ["satisfied", "dissatisfied", None]
        assert frame.get_column("matters_most").to_list() == [
            ["pay", "team-working"],
            ["training"],
            None,
        ]


class TestFindings:
    def test_bad_rows_named_by_line_and_column(self, tmp_path: Path) -> None:
        text = forms_csv(3, 0).replace(
            ",Satisfied,Pay;Training;\r\n3,", ",Happy,Pay;Cake;\r\n3,", 1
        )
        export, layout = write(tmp_path, "bad.csv", text, "layout: microsoft-forms\n")
        with pytest.raises(SurveyInputError) as caught:
            analyse_survey(
                questionnaire="staff",
                responses=export,
                mapping=layout,
                out=tmp_path / "o",
                round_name="2023",
            )
        assert caught.value.lines == [
            f"{export}, line 3, column {SATISFACTION!r}: not an answer of job_satisfaction "
            "(add it to the mapping file's answers) (value 'Happy')",
            f"{export}, line 3, column {MATTERS!r}: not an answer of matters_most "
            "(add it to the mapping file's answers) (value 'Cake')",
        ]
        findings = pl.read_csv(tmp_path / "o" / "survey_findings.csv")
        assert findings.filter(pl.col("severity") == "error").height == 2

    def test_unknown_column_is_reported(self, tmp_path: Path) -> None:
        text = forms_csv(2, 0).replace(f",{MATTERS}\r\n", f",{MATTERS},Favourite colour\r\n", 1)
        export, layout = write(tmp_path, "x.csv", text, "layout: microsoft-forms\n")
        read = import_export(
            questionnaire="staff", responses=export, mapping=layout, round_name="2023"
        )
        assert [
            (f.column, f.code) for f in read.imported.findings if f.code.endswith("NOT-IMPORTED")
        ] == [("Favourite colour", "SURVEY-COLUMN-NOT-IMPORTED")]

    def test_free_text_is_redacted_on_import(self, tmp_path: Path) -> None:
        text = (
            "ID,What would encourage more people to join or stay in social care? (optional)\n"
            '1,"Ask Sarah (sarah@example.org, 07700 900123) about NI AB 12 34 56 C"\n'
        )
        export, layout = write(tmp_path, "t.csv", text, "layout: microsoft-forms\n")
        read = import_export(
            questionnaire="staff", responses=export, mapping=layout, round_name="2023"
        )
        assert read.imported.responses.get_column("join_or_stay").to_list() == [
            "Ask [name] ([email], [phone]) about NI [NI number]"
        ]


class TestImportRound:
    def test_reimport_is_recognised(self, tmp_path: Path) -> None:
        export, layout = write(tmp_path, "forms.csv", forms_csv(5, 5), "layout: microsoft-forms\n")
        store = tmp_path / "store"
        first = import_round(
            questionnaire="staff", responses=export, mapping=layout, into=store, round_name="2023"
        )
        again = import_round(
            questionnaire="staff", responses=export, mapping=layout, into=store, round_name="2023"
        )
        assert (first.added, first.already_imported) == (10, False)
        assert (again.added, again.already_imported) == (0, True)
        assert pl.read_parquet(first.folder / "responses.parquet").height == 10

    def test_repeated_responses_are_not_added_twice(self, tmp_path: Path) -> None:
        store = tmp_path / "store"
        first, layout = write(tmp_path, "a.csv", forms_csv(5, 0), "layout: microsoft-forms\n")
        second, _ = write(tmp_path, "b.csv", forms_csv(7, 0), "layout: microsoft-forms\n")
        import_round(
            questionnaire="staff", responses=first, mapping=layout, into=store, round_name="2023"
        )
        result = import_round(
            questionnaire="staff", responses=second, mapping=layout, into=store, round_name="2023"
        )
        assert (result.added, result.repeated) == (2, 5)

    def test_errors_write_nothing(self, tmp_path: Path) -> None:
        text = forms_csv(2, 0).replace(",Satisfied,", ",Happy,", 1)
        export, layout = write(tmp_path, "bad.csv", text, "layout: microsoft-forms\n")
        with pytest.raises(SurveyInputError):
            import_round(
                questionnaire="staff",
                responses=export,
                mapping=layout,
                into=tmp_path / "s",
                round_name="2023",
            )
        assert not (tmp_path / "s").exists()


PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestReaderProperties:
    @PROPERTY
    @given(data=st.binary(max_size=400), layout=st.sampled_from(list(ExportLayout)))
    def test_any_bytes_are_read_or_refused(self, data: bytes, layout: ExportLayout) -> None:
        reason = ""
        try:
            table = read_export_bytes(data, layout=layout, source="x.csv")
        except ExportFileError as error:
            reason = error.reason or "(no reason)"
        else:
            assert len(table.headers) == len(set(table.headers))
        assert reason != "(no reason)"

    @PROPERTY
    @given(
        rows=st.lists(
            st.lists(
                st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
                min_size=1,
                max_size=5,
            ),
            min_size=1,
            max_size=6,
        )
    )
    def test_any_rows_import_or_give_findings(self, rows: list[list[str]]) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["ID", WORKING, SATISFACTION, MATTERS, "Years in role"])
        writer.writerows(rows)
        try:
            table = read_export_bytes(
                buffer.getvalue().encode(), layout=ExportLayout.MICROSOFT_FORMS, source="x"
            )
        except ExportFileError:
            return
        staff = read_questionnaire_file("staff").questionnaire
        layout, _ = export_layout(
            table.headers, staff, ExportMapping(layout=ExportLayout.MICROSOFT_FORMS)
        )
        imported = read_responses(
            table.frame, staff, layout=layout, redactor=shipped_redactor(), round_name="r"
        )
        assert imported.responses.height == table.frame.height
        assert all(f.line >= 1 for f in imported.findings)


FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "outcomes" / "indicators"


class TestScorecard:
    def test_survey_round_fills_framework_measures(self, tmp_path: Path) -> None:
        header = (
            f'ID,{WORKING},"How much do you agree: I feel valued by my employer.",'
            '"How much do you agree: I am confident using technology to do my job well."'
        )
        rows = [
            f'{i},"{YES}",{"Agree" if i <= 12 else "Disagree"},Strongly agree' for i in range(1, 21)
        ]
        export, layout = write(
            tmp_path, "r.csv", "\n".join([header, *rows]) + "\n", "layout: microsoft-forms\n"
        )
        analyse_survey(
            questionnaire="staff",
            responses=export,
            mapping=layout,
            out=tmp_path / "o",
            round_name="2023",
        )
        evaluation = evaluate_files(
            indicators=FIXTURE, survey=[tmp_path / "o" / "survey_measures.csv"]
        )
        card = evaluation.scorecard.filter(
            (pl.col(pub.PERIOD) == "2023")
            & pl.col("measure_id").is_in(
                ["feels_valued_by_employer_share", "digital_confidence_share"]
            )
        )
        values = dict(card.select(MEASURE_CODE, pub.VALUE).iter_rows())
        assert values["3.2a"] == pytest.approx(12 / 20)
        assert values["4.2a"] == pytest.approx(1.0)


class TestWeights:
    def test_weighted_to_the_workforce(self, tmp_path: Path) -> None:
        # Respondents: 20 direct care (10 satisfied), 20 managers (20 satisfied), all independent.
        lines = ["response_id,working_in_care,role_group,sector,job_satisfaction"]
        for i in range(40):
            role = "direct-care" if i < 20 else "managerial-supervisory"
            answer = "satisfied" if i >= 10 else "dissatisfied"
            lines.append(f"r{i},yes,{role},independent,{answer}")
        export = tmp_path / "staff.csv"
        export.write_text("\n".join(lines) + "\n", encoding="utf-8")
        # The workforce: 300 direct care to 100 managers, all independent.
        indicators = tmp_path / "indicators"
        indicators.mkdir()
        header = ",".join(pub.PUBLISHED_COLUMNS)
        rows = [
            ("job_role_group", "direct care", 300.0),
            ("job_role_group", "managerial/supervisory", 100.0),
            ("sector", "independent", 400.0),
        ]
        body = [
            f"filled_posts,Filled posts,2021/22,E10000028,Staffordshire,{b},{v},,,{n},,,count,"
            "no-judgement,,not-compared,"
            for b, v, n in rows
        ]
        (indicators / "indicators.csv").write_text(
            "\n".join([header, *body]) + "\n", encoding="utf-8"
        )
        result = analyse_survey(
            questionnaire="staff",
            responses=export,
            out=tmp_path / "o",
            round_name="2024",
            weights=indicators,
        )
        row = total(result.measures, "job_satisfaction_share")
        # Weights 1.5 (direct care) and 0.5 (managers): (10 × 1.5 + 20 × 0.5) / 40 = 0.625.
        assert row[pub.VALUE] == pytest.approx(0.625)
        # Effective n = 40² / (20 × 2.25 + 20 × 0.25) = 32.
        assert (row[pub.LOWER], row[pub.UPPER]) == pytest.approx(
            tuple(
                pl.select(
                    *(
                        e.alias(n)
                        for e, n in zip(
                            wilson_limits(pl.lit(0.625), pl.lit(32.0)), "lu", strict=True
                        )
                    )
                ).row(0)
            )
        )
        assert result.report.weighting is not None
        assert result.report.weighting.design_effect == pytest.approx(1.25)
        html = (tmp_path / "o" / "survey_report.html").read_text(encoding="utf-8")
        assert "design effect\n1.25" in html or "design effect 1.25" in " ".join(html.split())
