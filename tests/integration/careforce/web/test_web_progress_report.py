"""The annual progress report on the web: asked for by a partner analyst or administrator, made
by a background job from the publication and the action plan in force, and downloadable by
anyone from the outcomes pages as PDF or HTML."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from careforce.web.backend import progress_reports
from careforce.web.backend.jobs import JobKind, run_pending
from careforce.web.backend.publications import published
from careforce.web.backend.training_needs import ranked_needs
from careforce.web.models.jobs.models import Job
from web_support import Site

pytestmark = pytest.mark.integration


@pytest.fixture
def reports_folder(settings: Any) -> Iterator[Path]:
    """The folder reports are written to, empty at the start and the end of the test."""
    folder = Path(settings.MEDIA_ROOT) / progress_reports.REPORTS_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _page(client: Any) -> str:
    response = client.get(reverse("outcomes:report-show"))
    assert response.status_code == 200
    return str(response.content.decode())


class TestProgressReport:
    def test_nothing_to_download_before_a_report_is_made(self, site: Site) -> None:
        page = _page(Client())
        assert "No report has been made yet" in page
        assert "Make the report" not in page
        for file_format in ("pdf", "html"):
            url = reverse("outcomes:report-download", args=[file_format])
            assert Client().get(url).status_code == 404

    def test_scorecard_links_to_the_report(self, site: Site) -> None:
        page = Client().get(reverse("outcomes:scorecard-show")).content.decode()
        assert reverse("outcomes:report-show") in page

    def test_analyst_asks_and_anyone_downloads(
        self, client_as: Callable[[str], Any], site: Site, reports_folder: Path
    ) -> None:
        analyst = client_as("analyst")
        assert "Make the report" in _page(analyst)
        response = analyst.post(reverse("outcomes:report-create"))
        assert response.status_code == 302
        job = Job.objects.get(kind=JobKind.PROGRESS_REPORT.value)
        assert job.status == "pending"
        assert "Waiting to start (0%)" in _page(analyst)
        assert run_pending() == 1
        job.refresh_from_db()
        assert job.status == "succeeded", job.message
        page = _page(Client())
        assert "Latest report" in page
        assert "Staffordshire" in page
        pdf = Client().get(reverse("outcomes:report-download", args=["pdf"]))
        assert pdf.status_code == 200
        assert pdf["Content-Type"] == "application/pdf"
        assert pdf.content.startswith(b"%PDF")
        html = Client().get(reverse("outcomes:report-download", args=["html"]))
        text = html.content.decode()
        assert html["Content-Disposition"] == 'attachment; filename="progress-report.html"'
        assert "<svg" in text
        assert "Staffordshire" in text
        assert (reports_folder / job.payload["folder"] / "scorecard.csv").exists()

    def test_the_report_has_the_priority_training_needs_page(
        self, client_as: Callable[[str], Any], site: Site, reports_folder: Path
    ) -> None:
        found = published()
        assert found is not None
        needs = ranked_needs(found)
        assert needs.height > 0
        client_as("analyst").post(reverse("outcomes:report-create"))
        assert run_pending() == 1
        html = Client().get(reverse("outcomes:report-download", args=["html"]))
        text = " ".join(html.content.decode().split())
        assert '<a href="#training-needs">Priority training needs</a>' in text
        assert f"<td>{needs['need'][0]}</td>" in text

    def test_old_reports_are_removed(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        reports_folder: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(progress_reports, "KEPT", 2)
        administrator = client_as("administrator")
        for _ in range(3):
            administrator.post(reverse("outcomes:report-create"))
            assert run_pending() == 1
        newest = Job.objects.order_by("-id").values_list("payload", flat=True)[:2]
        kept = {folder.name for folder in reports_folder.iterdir()}
        assert kept == {payload["folder"] for payload in newest}

    def test_report_of_nothing_published_says_why(
        self,
        client_as: Callable[[str], Any],
        site: Site,
        reports_folder: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.setattr(progress_reports.publications, "published", lambda: None)
        analyst = client_as("analyst")
        analyst.post(reverse("outcomes:report-create"))
        run_pending()
        page = _page(analyst)
        assert "It could not be made: No measures are published yet" in page
        assert "Make the report" in page
        assert Client().get(reverse("outcomes:report-download", args=["pdf"])).status_code == 404

    @pytest.mark.parametrize(("role", "status"), [("provider_a", 403), ("public", 302)])
    def test_others_cannot_ask(
        self, client_as: Callable[[str], Any], site: Site, role: str, status: int
    ) -> None:
        assert client_as(role).post(reverse("outcomes:report-create")).status_code == status
        assert not Job.objects.filter(kind=JobKind.PROGRESS_REPORT.value).exists()
