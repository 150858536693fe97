"""The measure pages: overview, a page per measure, filters, charts with tables, downloads."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

import openpyxl
import polars as pl
import pytest
from django.urls import reverse

from careforce.core.indicators.catalogue import measure_ids
from careforce.core.indicators.crossings import CROSSED_BREAKDOWNS
from careforce.web.backend.jobs import run_pending
from careforce.web.backend.publications import published
from careforce.web.models.accounts.models import AuditEvent
from careforce.web.models.indicators.models import Publication
from web_support import Site, page_of

pytestmark = pytest.mark.integration


@pytest.fixture
def table(site: Site) -> pl.DataFrame:
    found = published()
    assert found is not None
    return found.table


class TestOverview:
    def test_lists_every_measure_with_its_headline(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        page = page_of(client_as("public").get(reverse("indicators:measure-list")))
        rows = page.table(".govuk-table")
        assert len(rows) == len(measure_ids())
        headline = table.filter(
            (pl.col("measure_id") == "filled_posts") & (pl.col("breakdown") == "total")
        ).row(0, named=True)
        filled = next(row for row in rows if row[0] == "Filled posts")
        assert filled[1] == f"{headline['value']:,.0f}"

    def test_period_and_area_are_gov_uk_selects(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(client_as("public").get(reverse("indicators:measure-list")))
        for name in ("period", "area", "sector", "service_group", "job_role"):
            assert page.one(f"select.govuk-select[name={name}]") is not None
        assert page.one("form[method=get]") is not None

    def test_two_populations_at_once_are_combined(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(
            reverse("indicators:measure-list"),
            {"sector": "independent", "service_group": "residential"},
        )
        page = page_of(response)
        assert response.status_code == 200
        assert "sector: independent; service group: residential" in page.text(
            ".govuk-table__caption"
        )


class TestMeasurePage:
    def test_headline_interval_comparator_and_methodology(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        page = page_of(
            client_as("public").get(reverse("indicators:measure-detail", args=["vacancy_rate"]))
        )
        headline = table.filter(
            (pl.col("measure_id") == "vacancy_rate") & (pl.col("breakdown") == "total")
        ).row(0, named=True)
        expected = "[c]" if headline["symbol"] else f"{100 * headline['value']:.1f}%"
        assert page.text(".careforce-headline") == expected
        keys = page.texts(".govuk-summary-list__key")
        assert "95% confidence interval" in keys
        assert "Comparator" in keys
        assert "Numerator" in keys
        assert "Vacancy rate for all workers in Staffordshire" in page.text("#measure-summary")

    def test_chart_specification_matches_its_table(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(
            client_as("public").get(reverse("indicators:measure-detail", args=["turnover_rate"]))
        )
        container = page.one(".careforce-chart")
        spec = json.loads(page.text(f"script#{container.etree_element.get('data-chart-spec')}"))
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
        table_rows = page.table(".govuk-table")
        charted = spec["data"]["values"]
        shown = {row[0]: row[1] for row in table_rows}
        assert charted
        for point in charted:
            assert shown[point["period"]] == f"{100 * point['value']:.1f}%"
        assert spec["description"].startswith("Line chart: staff turnover rate")
        assert page.all("script[src$='vega-embed.min.js']")

    def test_breakdown_tables_have_captions_and_symbols(
        self, client_as: Callable[[str], Any]
    ) -> None:
        page = page_of(
            client_as("public").get(reverse("indicators:measure-detail", args=["turnover_rate"]))
        )
        captions = page.texts(".govuk-table__caption")
        assert any("by service group" in caption for caption in captions)
        assert any("by key job role" in caption for caption in captions)

    def test_postcode_districts_are_a_detail_level_beside_the_districts(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        page = page_of(
            client_as("public").get(reverse("indicators:measure-detail", args=["filled_posts"]))
        )
        captions = page.texts(".govuk-table__caption")
        district = next(
            i for i, c in enumerate(captions) if c.startswith("Filled posts by district")
        )
        assert captions[district + 1].startswith(
            "Filled posts by postcode district within each district"
        )
        cells = table.filter(
            (pl.col("measure_id") == "filled_posts")
            & (pl.col("breakdown") == "district/workplace_postcode_district")
        )
        assert cells.height
        district_names = set(
            table.filter(
                (pl.col("measure_id") == "filled_posts") & (pl.col("breakdown") == "district")
            )["breakdown_value"]
        )
        assert {v.split("/")[0] for v in cells["breakdown_value"]} <= district_names

    def test_category_share_has_a_chart_per_category(self, client_as: Callable[[str], Any]) -> None:
        page = page_of(
            client_as("public").get(reverse("indicators:measure-detail", args=["contract_share"]))
        )
        assert len(page.all(".careforce-chart")) >= 1
        assert any("by contract type" in caption for caption in page.texts(".govuk-table__caption"))

    def test_filter_by_service_group_changes_the_headline(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        row = table.filter(
            (pl.col("measure_id") == "filled_posts") & (pl.col("breakdown") == "service_group")
        ).row(0, named=True)
        page = page_of(
            client_as("public").get(
                reverse("indicators:measure-detail", args=["filled_posts"]),
                {"service_group": row["breakdown_value"]},
            )
        )
        expected = row["symbol"] or f"{row['value']:,.0f}"
        assert page.text(".careforce-headline") == expected
        assert f"service group: {row['breakdown_value']}" in page.text(".govuk-caption-l")


class TestDownloads:
    def test_csv_holds_exactly_the_rows_shown(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        response = client_as("public").get(
            reverse("indicators:measure-download", args=["turnover_rate", "csv"])
        )
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        expected = table.filter(
            (pl.col("measure_id") == "turnover_rate")
            # the page shows the postcode districts within each district, not the other
            # crossings (they are for a population chosen in the filters)
            & ~pl.col("breakdown").is_in(
                list(CROSSED_BREAKDOWNS - {"district/workplace_postcode_district"})
            )
        )
        assert len(rows) == expected.height
        assert {row["measure_id"] for row in rows} == {"turnover_rate"}
        assert response["Content-Type"].startswith("text/csv")

    def test_unrounded_values_for_analysts(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        client = client_as("public")
        page = page_of(client.get(reverse("indicators:measure-detail", args=["turnover_rate"])))
        assert "Unrounded values for analysts" in page.text("main")
        link = page.one("a[href*='/unrounded.csv']").etree_element.get("href")
        response = client.get(link)
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        headline = table.filter(
            (pl.col("measure_id") == "turnover_rate") & (pl.col("breakdown") == "total")
        ).sort("period")
        latest = [r for r in rows if r["breakdown"] == "total"][-1]
        expected = headline.row(-1, named=True)
        assert float(latest["value"]) == expected["value"]
        assert latest["value"] != f"{100 * expected['value']:.1f}%"
        response = client.get(link.replace("unrounded.csv", "unrounded.xlsx"))
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        assert "unrounded values for analysts" in book["Cover"]["A1"].value

    def test_ods_is_a_workbook_with_cover_and_notes(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(
            reverse("indicators:measure-download", args=["turnover_rate", "ods"])
        )
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            assert book.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
            content = book.read("content.xml").decode()
        assert 'table:name="Cover"' in content
        assert 'table:name="Notes"' in content
        assert "Staff turnover rate" in content

    def test_overview_csv_has_a_row_per_headline(
        self, client_as: Callable[[str], Any], table: pl.DataFrame
    ) -> None:
        response = client_as("public").get(reverse("indicators:overview-download", args=["csv"]))
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows
        assert {row["breakdown"] for row in rows} == {"total"}

    def test_downloads_hold_the_figures_as_the_page_shows_them(
        self, client_as: Callable[[str], Any]
    ) -> None:
        client = client_as("public")
        page = page_of(client.get(reverse("indicators:measure-detail", args=["turnover_rate"])))
        shown = page.text(".careforce-headline")
        assert shown.endswith("%")
        response = client.get(reverse("indicators:measure-download", args=["turnover_rate", "csv"]))
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        latest = [r for r in rows if r["breakdown"] == "total"][-1]
        assert latest["value"] == shown
        assert latest["unit"] == "rate"
        assert all(r["numerator"] == "" or r["numerator"].isdigit() for r in rows)
        response = client.get(
            reverse("indicators:measure-download", args=["turnover_rate", "xlsx"])
        )
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        assert book.sheetnames[:3] == ["Cover", "Notes", "Headline"]
        sheet = book["Headline"]
        header = [cell.value for cell in sheet[2]]  # under the title
        value = sheet.cell(row=sheet.max_row, column=header.index("value") + 1)
        numerator = sheet.cell(row=sheet.max_row, column=header.index("numerator") + 1)
        assert value.number_format == "0.0%"
        assert f"{100 * value.value:.1f}%" == shown
        assert value.value == round(value.value, 3)
        assert isinstance(numerator.value, int)
        assert numerator.number_format == "#,##0"

    def test_ods_cells_are_percentages_and_whole_counts(
        self, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("public").get(
            reverse("indicators:measure-download", args=["turnover_rate", "ods"])
        )
        with zipfile.ZipFile(io.BytesIO(response.content)) as book:
            content = book.read("content.xml").decode()
        assert 'office:value-type="percentage"' in content
        assert 'table:style-name="percent"' in content
        assert 'table:style-name="integer"' in content
        assert "<number:percentage-style" in content

    def test_unknown_format_is_not_found(self, client_as: Callable[[str], Any]) -> None:
        response = client_as("public").get(
            reverse("indicators:measure-download", args=["turnover_rate", "pdf"])
        )
        assert response.status_code == 404

    def test_downloads_are_in_the_audit_log(self, client_as: Callable[[str], Any]) -> None:
        client_as("analyst").get(
            reverse("indicators:measure-download", args=["turnover_rate", "csv"])
        )
        event = AuditEvent.objects.filter(action="download").first()
        assert event.actor == "analyst@test.example"
        assert event.object_id == "turnover_rate-2020-21"


class TestPublications:
    def test_analyst_downloads_the_whole_publication(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        client = client_as("analyst")
        page = page_of(client.get(reverse("indicators:publication-list")))
        links = [a.etree_element.get("href") for a in page.all("main .govuk-list a")]
        assert reverse("indicators:publication-download", args=[site.publication, "ods"]) in links
        response = client.get(
            reverse("indicators:publication-download", args=[site.publication, "xlsx"])
        )
        assert b"".join(response.streaming_content)[:2] == b"PK"

    def test_administrator_publishes_again(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        response = client_as("administrator").post(reverse("indicators:publication-create"))
        assert response.status_code == 302
        run_pending()
        latest = Publication.objects.order_by("-id").first()
        assert latest.pk != site.publication
        assert latest.status == "ready"
        assert latest.reason == "Requested by an administrator"

    def test_analyst_tries_a_failed_publication_again(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        failed = Publication.objects.create(
            status="failed", reason="test", message="The job was interrupted 3 times."
        )
        client = client_as("analyst")
        page = page_of(client.get(reverse("indicators:publication-list")))
        assert f"publication {failed.pk}) failed" in page.text(".govuk-warning-text")
        assert "The measures are being updated" not in page.text("main")
        assert page.text("main form .govuk-button") == "Try again"
        response = client.post(reverse("indicators:publication-retry-create"))
        assert response.status_code == 302
        run_pending()
        latest = Publication.objects.order_by("-id").first()
        assert (latest.status, latest.reason) == (
            "ready",
            f"Publication {failed.pk} failed; tried again",
        )
        assert AuditEvent.objects.filter(action="publication", object_id=str(latest.pk)).exists()
        page = page_of(client.get(reverse("indicators:publication-list")))
        assert not page.all(".govuk-warning-text")
