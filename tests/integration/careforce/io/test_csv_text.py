"""Reading CSV bytes as providers' tools write them: encodings, line endings, quoting, headers."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
import xlsxwriter

from careforce.core.sources.ascwds.findings import FileKind
from careforce.core.sources.ascwds.validate import FileSet, validate_file_set
from careforce.io.ascwds_files import UnusableInputError, parse_ascwds_bytes
from careforce.io.csv_text import UnreadableFileError, read_csv_table

pytestmark = pytest.mark.integration

LINE = "__line__"
FIELDS = "__fields__"

WORKPLACE_HEADER = (
    "LOCALESTID,STATUS,ESTNAME,ADDRESS1,ADDRESS2,ADDRESS3,POSTTOWN,POSTCODE,ESTTYPE,OTHERTYPE,"
    "PERMCQC,PERMLA,REGTYPE,PROVNUM,LOCATIONID,MAINSERVICE,ALLSERVICES,CAPACITY,UTILISATION,"
    "SERVICEDESC,SERVICEUSERS,OTHERUSERDESC,DHA,DHAACTIVITIES,TOTALPERMTEMP,ALLJOBROLES,"
    "STARTERS,LEAVERS,VACANCIES,REASONS,REASONNOS,REPEATTRAINING,CWPAWARE,CWPUSE,CWPUSEDESC,"
    "SICKPAY,PENSION,ACTUALCONT,OPTOUTPEN,HOLIDAY,SLEEPINS,SLEEPINPAY,TRAVELTIME,TTDIFFRATE"
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
# The worked example of the format reference (§11): valid, no findings.
WP1 = (
    "WP1,UPDATE,Sunset Care,1 High Street,,,Leeds,LS1 1AA,6,,1,1,2,1-101234567,1-1000210669,"
    "8,8;13,;,;,;,1;2,;,1,1;7,2,4;8,0;1,0;1,0;1,,,1,1,1;2;10,Induction planning,1,1,5,2,28,2,,"
    "3,11.50"
)
RM1 = (
    "WP1,RM1,NEW,Jane Smith,JA123456A,LS1 1AA,10/12/1982,2,31,826,,826,,0,1,3,2,,,01/04/2015,"
    "2005,,2,1,2,2.5,1,38000,,4,,37.5,,,,1;5,2,7,307;2019,Level 5 apprenticeship,,,,"
)
CW1 = (
    "WP1,CW1,NEW,Tom Brown,,LS2 7AB,01/02/1995,1,32,372,2,372,2018,0,3,2,12,2,,15/06/2020,"
    "2019,1,1,3,1,999,3,,12.60,8,,,22.5,,,1;2,1;3,2,,,,,,"
)
TRAINING_ROWS = (
    "WP1,RM1,20,Safeguarding adults level 3,1,2,88,1,36,10/01/2025,,Annual refresher",
    "WP1,CW1,13,Medication awareness,999,1,,2,none,05/03/2024,,",
)


def csv_bytes(*lines: str, newline: str = "\n", encoding: str = "utf-8") -> bytes:
    """Join physical lines with a line ending and encode them."""
    return (newline.join(lines) + newline).encode(encoding)


def findings_for(workplace: bytes, staff: bytes, training: bytes | None = None) -> list[dict]:
    """Parse three files and validate them (reference date 31/03/2025, today 01/06/2025)."""
    files = FileSet(
        workplace=parse_ascwds_bytes(workplace, name="workplace.csv").raw,
        staff=parse_ascwds_bytes(staff, name="staff.csv").raw,
        training=parse_ascwds_bytes(training, name="training.csv").raw if training else None,
    )
    validation = validate_file_set(
        files, reference_date=dt.date(2025, 3, 31), today=dt.date(2025, 6, 1)
    )
    return validation.findings.to_dicts()


VALID_WORKPLACE = csv_bytes(WORKPLACE_HEADER, WP1)
VALID_STAFF = csv_bytes(STAFF_HEADER, RM1, CW1)
VALID_TRAINING = csv_bytes(TRAINING_HEADER, *TRAINING_ROWS)


class TestEncodings:
    @pytest.mark.parametrize(
        ("data", "encoding"),
        [
            (b"NAME,TOWN\nCaf\xc3\xa9,Leeds\n", "utf-8"),
            (b"\xef\xbb\xbfNAME,TOWN\nCaf\xc3\xa9,Leeds\n", "utf-8 with BOM"),
            (b"NAME,TOWN\nCaf\xe9,Leeds\n", "windows-1252"),
            ("NAME,TOWN\nCafé,Leeds\n".encode("utf-16"), "utf-16"),
            ("NAME,TOWN\nCafé,Leeds\n".encode("utf-16-be"), "utf-16"),
        ],
        ids=["utf8", "utf8-bom", "cp1252", "utf16-le-bom", "utf16-be-bom"],
    )
    def test_text_is_decoded(self, data: bytes, encoding: str) -> None:
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            data = b"\xfe\xff" + data
        table = read_csv_table(data)
        assert table.header == ["NAME", "TOWN"]
        assert table.frame.select("NAME", "TOWN").rows() == [("Café", "Leeds")]
        assert table.encoding == encoding

    def test_bom_then_windows_1252_drops_the_bom(self) -> None:
        table = read_csv_table(b"\xef\xbb\xbfNAME,TOWN\nCaf\xe9,Leeds\n")
        assert table.header == ["NAME", "TOWN"]
        assert table.frame.select("NAME", "TOWN").rows() == [("Café", "Leeds")]

    def test_windows_1252_punctuation_is_decoded(self) -> None:
        data = b"NAME,NOTES\nO\x92Brien,\x93quoted\x94 \x96 \x80 5\n"
        table = read_csv_table(data)
        assert table.frame.select("NAME", "NOTES").rows() == [("O’Brien", "“quoted” – € 5")]

    def test_bom_is_not_part_of_the_first_column_name(self) -> None:
        parsed = parse_ascwds_bytes(b"\xef\xbb\xbf" + VALID_WORKPLACE, name="workplace.csv")
        assert parsed.raw.kind is FileKind.WORKPLACE
        assert parsed.raw.frame.columns[0] == "LOCALESTID"
        assert parsed.encoding == "utf-8 with BOM"

    def test_utf16_staff_file_is_recognised_and_valid(self) -> None:
        staff = csv_bytes(STAFF_HEADER, RM1, CW1, newline="\r\n", encoding="utf-16")
        assert findings_for(VALID_WORKPLACE, staff, VALID_TRAINING) == []

    def test_windows_1252_file_set_is_valid(self) -> None:
        workplace = csv_bytes(
            WORKPLACE_HEADER, WP1.replace("Sunset Care", "Café Care"), encoding="cp1252"
        )
        staff = csv_bytes(
            STAFF_HEADER, RM1.replace("Jane Smith", "Zoë Brontë"), CW1, encoding="cp1252"
        )
        assert b"\xe9" in workplace
        assert findings_for(workplace, staff, VALID_TRAINING) == []

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"NAME\n\x81\x8d\x8f\x90\x9d\n", "neither UTF-8 nor Windows-1252"),
            (b"NAME\nab\x00cd\n", "NUL"),
            (b"\xff\xfeN\x00A\x00M", "UTF-16"),
        ],
        ids=["undefined-cp1252-bytes", "nul-byte", "odd-length-utf16"],
    )
    def test_undecodable_bytes_are_unreadable(self, data: bytes, message: str) -> None:
        with pytest.raises(UnreadableFileError, match=message):
            read_csv_table(data)


class TestLineEndings:
    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
    def test_rows_and_lines_whatever_the_line_ending(self, newline: str) -> None:
        table = read_csv_table(csv_bytes("A,B", "1,2", "3,4", newline=newline))
        assert table.frame.rows() == [("1", "2", 2, 2), ("3", "4", 3, 2)]

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
    def test_valid_file_set_whatever_the_line_ending(self, newline: str) -> None:
        assert (
            findings_for(
                csv_bytes(WORKPLACE_HEADER, WP1, newline=newline),
                csv_bytes(STAFF_HEADER, RM1, CW1, newline=newline),
                csv_bytes(TRAINING_HEADER, *TRAINING_ROWS, newline=newline),
            )
            == []
        )

    def test_mixed_line_endings(self) -> None:
        table = read_csv_table(b"A,B\r\n1,2\n3,4\r5,6\r\n")
        assert table.frame.select("A", LINE).rows() == [("1", 2), ("3", 3), ("5", 4)]

    def test_no_line_ending_after_last_row(self) -> None:
        table = read_csv_table(b"A,B\n1,2")
        assert table.frame.rows() == [("1", "2", 2, 2)]

    def test_trailing_blank_lines_are_not_rows(self) -> None:
        table = read_csv_table(b"A,B\n1,2\n\n\r\n\n")
        assert table.frame.height == 1

    def test_blank_lines_between_rows_keep_physical_line_numbers(self) -> None:
        table = read_csv_table(b"A,B\n\n1,2\n\n\n3,4\n")
        assert table.frame[LINE].to_list() == [3, 6]

    @pytest.mark.parametrize(
        "first", ["x^", "x\x01", "x\u069c"], ids=["caret", "start-of-heading", "arabic"]
    )
    def test_text_starting_like_a_compressed_stream_is_read_as_text(self, first: str) -> None:
        # Polars would take these bytes for a zlib stream and fail to decompress them.
        table = read_csv_table(f"{first}A,B\n1,2\n\n3,4\n".encode())
        assert table.header == [f"{first}A", "B"]
        assert table.frame.select(f"{first}A", "B", LINE).rows() == [("1", "2", 2), ("3", "4", 4)]


class TestQuotedFields:
    def test_commas_quotes_and_newlines_inside_quotes(self) -> None:
        data = b'A,B\n"Smith, Jane","She said ""hello"""\n"two\nlines","three\r\nlines\r\nhere"\nlast,row\n'
        table = read_csv_table(data)
        assert table.frame.rows() == [
            ("Smith, Jane", 'She said "hello"', 2, 2),
            ("two\nlines", "three\r\nlines\r\nhere", 3, 2),
            ("last", "row", 7, 2),
        ]

    @pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
    def test_finding_lines_are_physical_after_a_multi_line_value(self, newline: str) -> None:
        name = '"Jane\nSmith"'.replace("\n", newline)
        staff = csv_bytes(
            STAFF_HEADER,
            RM1.replace("Jane Smith", name),
            CW1.replace(",0,3,2,12,", ",9,3,2,12,"),  # DISABLED 9 on the row after
            newline=newline,
        )
        findings = findings_for(VALID_WORKPLACE, staff, VALID_TRAINING)
        assert [(f["file"], f["line"], f["code"]) for f in findings] == [
            ("staff", 4, "STF-DISABLED-INVALID")
        ]

    def test_values_are_trimmed(self) -> None:
        table = read_csv_table(b'A,B\n  spaced  ,"  quoted  "\n')
        assert table.frame.select("A", "B").rows() == [("spaced", "quoted")]

    def test_unclosed_quote_runs_to_end_of_file(self) -> None:
        table = read_csv_table(b'A,B\n"open,1\n2,3\n')
        assert table.frame.height == 1
        assert table.frame[LINE].to_list() == [2]


class TestRowShape:
    def test_short_and_long_rows_keep_their_field_count(self) -> None:
        table = read_csv_table(b"A,B,C\n1\n1,2,3,4,5\n")
        assert table.frame.rows() == [("1", "", "", 2, 1), ("1", "2", "3", 3, 5)]

    def test_rows_of_commas_are_rows(self) -> None:
        table = read_csv_table(b"A,B,C\n,,\n , ,\n")
        assert table.frame.rows() == [("", "", "", 2, 3), ("", "", "", 3, 3)]

    def test_rows_of_commas_give_row_empty_warnings(self) -> None:
        staff = csv_bytes(STAFF_HEADER, RM1, "," * 43, CW1, "," * 43, "")
        findings = findings_for(VALID_WORKPLACE, staff, VALID_TRAINING)
        assert [(f["line"], f["code"], f["severity"]) for f in findings] == [
            (3, "STF-ROW-EMPTY", "warning"),
            (5, "STF-ROW-EMPTY", "warning"),
        ]

    @pytest.mark.parametrize(
        ("row", "value"),
        [
            (RM1.rsplit(",", 3)[0], "41 fields, header has 44"),
            (RM1 + ",extra", "45 fields, header has 44"),
        ],
        ids=["short", "long"],
    )
    def test_wrong_field_count_is_an_error_on_its_line(self, row: str, value: str) -> None:
        staff = csv_bytes(STAFF_HEADER, CW1.replace("Tom Brown", '"Tom\nBrown"'), row)
        findings = findings_for(VALID_WORKPLACE, staff)
        counts = [f for f in findings if f["code"] == "STF-ROW-FIELD-COUNT"]
        assert [(f["line"], f["column"], f["value"], f["severity"]) for f in counts] == [
            (4, "", value, "error")
        ]

    def test_unquoted_comma_in_a_name_is_a_field_count_error(self) -> None:
        workplace = csv_bytes(WORKPLACE_HEADER, WP1.replace("Sunset Care", "Sunset Care, Leeds"))
        findings = findings_for(workplace, VALID_STAFF, VALID_TRAINING)
        assert ("workplace", 2, "WKP-ROW-FIELD-COUNT", "45 fields, header has 44") in [
            (f["file"], f["line"], f["code"], f["value"]) for f in findings
        ]


class TestUnusableFiles:
    @staticmethod
    def _workbook() -> bytes:
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet()
        for column, name in enumerate(WORKPLACE_HEADER.split(",")):
            sheet.write(0, column, name)
        workbook.close()
        return buffer.getvalue()

    def test_xlsx_is_unreadable_with_advice(self) -> None:
        data = self._workbook()
        assert data.startswith(b"PK")
        with pytest.raises(UnreadableFileError, match="spreadsheet workbook, not a CSV file"):
            read_csv_table(data)

    def test_xlsx_is_unusable_input_naming_the_file(self) -> None:
        with pytest.raises(UnusableInputError) as raised:
            parse_ascwds_bytes(self._workbook(), name="Workplace.xlsx")
        assert raised.value.path == "Workplace.xlsx"
        assert "save it as CSV" in raised.value.reason
        assert str(raised.value).startswith("Workplace.xlsx: ")

    def test_old_excel_file_is_unreadable(self) -> None:
        with pytest.raises(UnreadableFileError, match="spreadsheet"):
            read_csv_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)

    @pytest.mark.parametrize(
        "data",
        [b"", b"\n\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"],
        ids=["empty", "blank-lines", "bom-only", "utf16-bom-only"],
    )
    def test_empty_file_has_no_header(self, data: bytes) -> None:
        with pytest.raises(UnreadableFileError, match="empty: there is no header row"):
            read_csv_table(data)
        with pytest.raises(UnusableInputError, match=r"staff\.csv: the file is empty"):
            parse_ascwds_bytes(data, name="staff.csv")

    def test_header_only_file_is_usable_with_no_rows(self) -> None:
        parsed = parse_ascwds_bytes(csv_bytes(TRAINING_HEADER), name="training.csv")
        assert parsed.raw.kind is FileKind.TRAINING
        assert parsed.rows == 0


class TestHeaders:
    @pytest.mark.parametrize(
        ("header", "kind"),
        [
            (WORKPLACE_HEADER, FileKind.WORKPLACE),
            (STAFF_HEADER, FileKind.STAFF),
            (TRAINING_HEADER, FileKind.TRAINING),
        ],
        ids=["workplace", "staff", "training"],
    )
    def test_file_kind_is_recognised_from_header(self, header: str, kind: FileKind) -> None:
        data = csv_bytes(header)
        parsed = parse_ascwds_bytes(data, name="any-name.csv")
        assert parsed.raw.kind is kind
        assert parsed.sha256 == hashlib.sha256(data).hexdigest()
        assert parsed.size == len(data)

    @pytest.mark.parametrize(
        "transform",
        [
            str.lower,
            str.title,
            lambda h: " , ".join(h.split(",")),
            lambda h: h + ",",
            lambda h: " " + h,
        ],
        ids=["lower-case", "title-case", "spaces-around-names", "trailing-comma", "leading-space"],
    )
    def test_header_variants_recognised_or_rejected_clearly(self, transform) -> None:
        header = transform(WORKPLACE_HEADER)
        if header.endswith(","):
            with pytest.raises(
                UnusableInputError, match=r"1 column\(s\) too many after 'TTDIFFRATE'"
            ):
                parse_ascwds_bytes(csv_bytes(header, WP1 + ","), name="w.csv")
            return
        parsed = parse_ascwds_bytes(csv_bytes(header, WP1), name="w.csv")
        assert parsed.raw.kind is FileKind.WORKPLACE
        assert parsed.rows == 1

    def test_header_with_spaces_around_names_validates(self) -> None:
        workplace = csv_bytes(" , ".join(WORKPLACE_HEADER.split(",")), WP1)
        staff = csv_bytes("  " + STAFF_HEADER.replace(",", " ,"), RM1, CW1)
        assert findings_for(workplace, staff, VALID_TRAINING) == []

    def test_lower_case_headers_validate(self) -> None:
        workplace = csv_bytes(WORKPLACE_HEADER.lower(), WP1)
        staff = csv_bytes(STAFF_HEADER.title(), RM1, CW1)
        training = csv_bytes(TRAINING_HEADER.lower(), *TRAINING_ROWS)
        assert findings_for(workplace, staff, training) == []

    @pytest.mark.parametrize(
        "inserted",
        ["", "CHGUNIQUEWRKID,", "TRANSFERSTAFFRECORD,", "CHGUNIQUEWRKID,TRANSFERSTAFFRECORD,"],
        ids=["base", "chguniquewrkid", "transferstaffrecord", "both"],
    )
    def test_staff_header_variants(self, inserted: str) -> None:
        header = STAFF_HEADER.replace("UNIQUEWORKERID,", "UNIQUEWORKERID," + inserted, 1)
        blanks = "," * inserted.count(",")
        rows = [
            row.replace(",RM1,", ",RM1," + blanks).replace(",CW1,", ",CW1," + blanks)
            for row in (RM1, CW1)
        ]
        parsed = parse_ascwds_bytes(csv_bytes(header, *rows), name="staff.csv")
        assert parsed.raw.kind is FileKind.STAFF
        assert findings_for(VALID_WORKPLACE, csv_bytes(header, *rows), VALID_TRAINING) == []

    @pytest.mark.parametrize(
        ("extra", "accepted"),
        [
            (",QUALACH04,QUALACH04NOTES", True),
            (",QUALACH04,QUALACH04NOTES,QUALACH05,QUALACH05NOTES", True),
            (",qualach04,qualach04notes", True),
            (",QUALACH04", False),
            (",QUALACH05,QUALACH05NOTES", False),
            (",QUALACH04NOTES,QUALACH04", False),
            (",", False),
        ],
        ids=[
            "one-pair",
            "two-pairs",
            "lower-case-pair",
            "odd-column",
            "skips-04",
            "swapped",
            "trailing-comma",
        ],
    )
    def test_staff_extra_qualification_columns(self, extra: str, accepted: bool) -> None:
        data = csv_bytes(STAFF_HEADER + extra)
        if accepted:
            assert parse_ascwds_bytes(data, name="staff.csv").raw.kind is FileKind.STAFF
        else:
            with pytest.raises(UnusableInputError, match="staff file is wrong"):
                parse_ascwds_bytes(data, name="staff.csv")

    def test_staff_optional_columns_in_wrong_order_are_rejected(self) -> None:
        header = STAFF_HEADER.replace(
            "UNIQUEWORKERID,", "UNIQUEWORKERID,TRANSFERSTAFFRECORD,CHGUNIQUEWRKID,", 1
        )
        with pytest.raises(UnusableInputError, match="not that of an ASC-WDS"):
            parse_ascwds_bytes(csv_bytes(header), name="staff.csv")

    @pytest.mark.parametrize(
        ("header", "named"),
        [
            (
                WORKPLACE_HEADER.replace(",POSTCODE,", ",POSTCOD,"),
                ["'POSTCOD'", "'POSTCODE'", "column 8"],
            ),
            (WORKPLACE_HEADER.rsplit(",", 1)[0], ["'TTDIFFRATE' is missing"]),
            (STAFF_HEADER.replace(",DOB,", ",DATEOFBIRTH,"), ["'DATEOFBIRTH'", "'DOB'"]),
            pytest.param(
                TRAINING_HEADER.replace(",NOTES", ",COMMENTS"),
                ["'COMMENTS'", "'NOTES'"],
            ),
            (TRAINING_HEADER + ",EXTRA", ["too many after 'NOTES'"]),
        ],
        ids=[
            "workplace-misspelt",
            "workplace-short",
            "staff-renamed",
            "training-renamed",
            "training-long",
        ],
    )
    def test_wrong_header_names_the_column(self, header: str, named: list[str]) -> None:
        with pytest.raises(UnusableInputError) as raised:
            parse_ascwds_bytes(csv_bytes(header), name="upload.csv")
        assert raised.value.path == "upload.csv"
        for part in named:
            assert part in raised.value.reason

    def test_unrecognised_header_says_what_it_starts_with(self) -> None:
        with pytest.raises(UnusableInputError) as raised:
            parse_ascwds_bytes(b"Name,Role,Hours,Pay,Other\nA,B,C,D,E\n", name="export.csv")
        assert "not that of an ASC-WDS workplace, staff or training file" in raised.value.reason
        assert "it starts 'Name,Role,Hours,Pay'" in raised.value.reason
