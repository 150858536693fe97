"""The progress report: accessible HTML (headings, captions, scopes, language, chart
alternatives) and a PDF whose first page is not blank."""

from __future__ import annotations

import datetime as dt
import html.parser
import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest

from careforce.core.outcomes.action_plan import Update
from careforce.core.outcomes.columns import ActionStatus
from careforce.io.outcomes_files import read_action_plan_file, write_action_plan_file
from careforce.io.reports import HTML_NAME, PDF_NAME
from careforce.services.outcomes import record_action_update, write_progress_report

pytestmark = pytest.mark.integration

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "outcomes" / "indicators"
AS_OF = dt.date(2023, 6, 30)


class Outline(html.parser.HTMLParser):
    """What the accessibility checks need from the page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.tables = 0
        self.captions = 0
        self.header_cells: list[tuple[str | None, str]] = []
        self.figures = 0
        self.figcaptions = 0
        self.svgs: list[dict[str, str | None]] = []
        self.svg_titles = 0
        self.title = ""
        self._section: str = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions += 1
        elif tag in {"thead", "tbody"}:
            self._section = tag
        elif tag == "th":
            self.header_cells.append((values.get("scope"), self._section))
        elif tag == "figure":
            self.figures += 1
        elif tag == "figcaption":
            self.figcaptions += 1
        elif tag == "svg":
            self.svgs.append(values)
        elif tag == "title" and self.svgs:
            self.svg_titles += 1
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


PLAN_UPDATES = [
    (
        "1.1",
        Update(
            date=dt.date(2023, 3, 20),
            text="First scorecard to the board",
            status=ActionStatus.ON_TRACK,
        ),
    ),
    (
        "7.1",
        Update(
            date=dt.date(2023, 5, 2), text="Ambassadors relaunched", status=ActionStatus.AT_RISK
        ),
    ),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("report")
    plan_path = write_action_plan_file(folder / "plan.yaml", read_action_plan_file().plan)
    for code, update in PLAN_UPDATES:
        record_action_update(plan_path, code=code, update=update)
    result = write_progress_report(
        indicators=FIXTURE, out=folder / "out", plan=plan_path, as_of=AS_OF
    )
    page = (folder / "out" / HTML_NAME).read_text(encoding="utf-8")
    outline = Outline()
    outline.feed(page)
    return {"folder": folder / "out", "result": result, "page": page, "outline": outline}


class TestHtml:
    def test_language_and_title(self, written: dict[str, Any]) -> None:
        outline = written["outline"]
        assert outline.lang == "en-GB"
        assert outline.title.startswith("Annual progress report 2022/23:")

    def test_headings_start_at_one_and_never_skip_a_level(self, written: dict[str, Any]) -> None:
        levels = written["outline"].headings
        assert levels[0] == 1
        assert levels.count(1) == 1
        assert all(after - before <= 1 for before, after in itertools.pairwise(levels))

    def test_every_table_has_a_caption_and_scoped_headers(self, written: dict[str, Any]) -> None:
        outline = written["outline"]
        assert outline.tables >= 8
        assert outline.captions == outline.tables
        assert {scope for scope, section in outline.header_cells if section == "thead"} == {"col"}
        assert {scope for scope, section in outline.header_cells if section == "tbody"} == {"row"}

    def test_every_chart_is_a_captioned_image_with_a_title(self, written: dict[str, Any]) -> None:
        outline = written["outline"]
        assert outline.figures == 4  # outcomes 1-3 have data; outcome 4 has none; action status
        assert outline.figcaptions == outline.figures
        assert len(outline.svgs) == outline.figures
        assert all(svg.get("role") == "img" and svg.get("aria-labelledby") for svg in outline.svgs)
        assert outline.svg_titles == outline.figures

    def test_what_changed_since_last_year(self, written: dict[str, Any]) -> None:
        page = written["page"]
        assert "Significant changes from 2021/22 to 2022/23" in page
        assert "Ambassadors relaunched" in page
        changed = written["result"].report.status_changes
        assert [
            "1.1 Measure progress against the outcomes at least annually",
            "not started",
            "on track",
        ] in changed.rows

    def test_no_number_is_made_up(self, written: dict[str, Any]) -> None:
        rows = {row[0]: row for row in written["result"].report.outcomes[0].table.rows}
        zero_hours = rows["1.I6 Reduction in levels of zero hours contracts in home care services"]
        assert zero_hours[2] == "[c]"
        assert zero_hours[5] == "cannot be calculated"

    def test_chart_files_have_their_tables(self, written: dict[str, Any]) -> None:
        charts = written["folder"] / "charts"
        assert sorted(p.name for p in charts.iterdir()) == [
            "action-status.csv",
            "action-status.svg",
            "outcome-1.csv",
            "outcome-1.svg",
            "outcome-2.csv",
            "outcome-2.svg",
            "outcome-3.csv",
            "outcome-3.svg",
        ]
        table = (charts / "outcome-1.csv").read_text(encoding="utf-8").splitlines()
        assert table[0] == "Measure,Period,Value,95% interval"
        assert "1.1b Vacancy rate (%),2022/23,8.0%,7.2% to 8.8%" in table


class TestPdf:
    def test_first_page_is_not_blank(self, written: dict[str, Any]) -> None:
        document = pdfium.PdfDocument(written["folder"] / PDF_NAME)
        assert len(document) >= 3
        pixels = document[0].render(scale=1).to_numpy()
        ink = np.mean(pixels[..., :3].min(axis=-1) < 200)
        assert ink > 0.01, f"only {ink:.3%} of page 1 is ink"
        text = document[0].get_textpage().get_text_range()
        assert "Annual progress report 2022/23" in text

    def test_charts_are_drawn_in_the_pdf(self, written: dict[str, Any]) -> None:
        document = pdfium.PdfDocument(written["folder"] / PDF_NAME)
        text = "".join(page.get_textpage().get_text_range() for page in document)
        assert "1.1b Vacancy rate (%)" in text  # a panel title inside the outcome 1 chart
        assert "Figure 4: Status of the detailed actions of each key action" in text
