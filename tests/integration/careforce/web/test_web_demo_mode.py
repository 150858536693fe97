"""Demo mode: a banner on every page, a line on every download and report saying the data are
synthetic, and the demo's action plan judged at the demo's own today."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from careforce.core.vocab.demo import DEMO_NOTICE, DEMO_TODAY
from careforce.services.demo_data import ACTION_PLAN_FILE
from careforce.web.backend.action_plan import progress_in_force
from careforce.web.backend.demo import ESTIMATES_FOLDER
from careforce.web.backend.demo_mode import demo_mode, service_today
from careforce.web.backend.service import MARKER
from careforce.web.config import settings as service_settings
from web_support import Site, page_of

pytestmark = pytest.mark.integration

PAGES = {
    "public": (
        "pages:home-show",
        "indicators:measure-list",
        "outcomes:scorecard-show",
        "outcomes:action-list",
        "labour:overview-show",
        "projections:projection-list",
    ),
    "provider_a": ("uploads:upload-list", "uploads:snapshot-list", "benchmarks:benchmark-show"),
    "analyst": ("submissions:submission-list", "survey:round-list", "training:need-list"),
    "administrator": (
        "organisations:organisation-list",
        "accounts:user-list",
        "accounts:audit-list",
        "indicators:publication-list",
    ),
}
"""Pages of every section, by who may see them."""
VISITS = [(role, name) for role, names in PAGES.items() for name in names]


def _demo(plan: Path | None = None) -> Any:
    values: dict[str, Any] = {"CAREFORCE_DEMO": True, "CAREFORCE_TODAY": DEMO_TODAY}
    if plan is not None:
        values["CAREFORCE_ACTION_PLAN"] = str(plan)
    return override_settings(**values)


@pytest.mark.parametrize(("role", "name"), VISITS)
def test_no_banner_on_real_data(client_as: Callable[[str], Any], role: str, name: str) -> None:
    response = client_as(role).get(reverse(name))
    assert response.status_code == 200
    assert DEMO_NOTICE not in response.content.decode()
    assert not page_of(response).all("#demo-banner")


@pytest.mark.parametrize(("role", "name"), VISITS)
def test_banner_on_every_page_in_demo_mode(
    client_as: Callable[[str], Any], role: str, name: str
) -> None:
    with _demo():
        response = client_as(role).get(reverse(name))
    assert response.status_code == 200
    page = page_of(response)
    banner = page.one("#demo-banner")
    assert banner.etree_element.get("aria-label") == "Demo data"
    assert "govuk-phase-banner" in banner.etree_element.get("class")
    assert page.text("#demo-banner .govuk-tag") == "Demo"
    assert page.text("#demo-banner .govuk-phase-banner__text") == DEMO_NOTICE


def test_banner_on_a_page_not_found_too(client_as: Callable[[str], Any]) -> None:
    with _demo():
        response = client_as("public").get("/no-such-page/")
    assert response.status_code == 404
    assert DEMO_NOTICE in response.content.decode()


class TestDownloads:
    def test_csv_starts_with_the_notice_after_the_byte_order_mark(
        self, client_as: Callable[[str], Any]
    ) -> None:
        url = reverse("outcomes:scorecard-download", args=["csv"])
        with _demo():
            data = client_as("public").get(url).content
        lines = data.removeprefix(b"\xef\xbb\xbf").decode().splitlines()
        assert lines[0] == DEMO_NOTICE
        assert lines[1].startswith("table,")
        real = client_as("public").get(url).content.decode()
        assert DEMO_NOTICE not in real

    @pytest.mark.parametrize(
        "name", ["outcomes:scorecard-download", "indicators:overview-download"]
    )
    def test_workbook_cover_says_synthetic(self, client_as: Callable[[str], Any], name) -> None:
        with _demo():
            data = client_as("public").get(reverse(name, args=["xlsx"])).content
        cover = load_workbook(io.BytesIO(data))["Cover"]
        texts = [cell.value for row in cover.iter_rows() for cell in row if cell.value]
        assert DEMO_NOTICE in texts

    def test_publication_csv_says_synthetic_first(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        url = reverse("indicators:publication-download", args=[site.publication, "csv"])
        real = b"".join(client_as("analyst").get(url).streaming_content)
        with _demo():
            response = client_as("analyst").get(url)
        assert "synthetic-demo" in response["Content-Disposition"]
        demo = response.content
        assert demo.removeprefix(b"\xef\xbb\xbf").decode().splitlines()[0] == DEMO_NOTICE
        body = demo.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[1]
        assert body == real.removeprefix(b"\xef\xbb\xbf")

    def test_publication_workbook_is_named_synthetic(
        self, client_as: Callable[[str], Any], site: Site
    ) -> None:
        url = reverse("indicators:publication-download", args=[site.publication, "xlsx"])
        with _demo():
            response = client_as("analyst").get(url)
        assert "synthetic-demo" in response["Content-Disposition"]
        assert response.content[:2] == b"PK"


class TestDemoToday:
    def test_the_real_date_outside_demo_mode(self) -> None:
        assert not demo_mode()
        assert service_today() == dt.date.today()

    def test_the_demo_today_in_demo_mode(self) -> None:
        with _demo():
            assert demo_mode()
            assert service_today() == dt.date(2024, 6, 30)

    def test_the_demo_plan_tells_a_story_at_the_demo_today(
        self, client_as: Callable[[str], Any], demo_files: Path
    ) -> None:
        with _demo(demo_files / ACTION_PLAN_FILE):
            _, progress = progress_in_force()
            page = page_of(client_as("public").get(reverse("outcomes:action-list")))
        flags = progress.flags
        assert progress.as_of == DEMO_TODAY
        statuses = flags["status"].value_counts().sort("status")
        assert dict(statuses.iter_rows()) == {
            "at risk": 6,
            "complete": 10,
            "not started": 1,
            "off track": 1,
            "on track": 18,
        }
        assert flags["overdue"].sum() == 8
        assert flags["stale"].sum() == 2
        assert flags["last_update"].null_count() == 0
        assert all(partners for partners in flags["lead_partners"].to_list())
        assert "Never updated" not in page.html
        assert page.text("#demo-banner .govuk-phase-banner__text") == DEMO_NOTICE


def test_settings_name_the_demo_folder_and_plan_as_the_demo_writes_them() -> None:
    assert service_settings.DEMO_FOLDER_MARKER == MARKER
    assert f"{service_settings.DEMO_DATA_FOLDER}/{service_settings.DEMO_ACTION_PLAN_FILE}" == (
        f"demo-data/{ACTION_PLAN_FILE}"
    )


SHOW_SETTINGS = (
    "from careforce.web.config import settings as s; "
    "print(s.CAREFORCE_DEMO, s.CAREFORCE_TODAY, s.CAREFORCE_ACTION_PLAN)"
)


def _settings_in(folder: Path, **environment: str) -> list[str]:
    """The demo settings a service started on ``folder`` would have."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CAREFORCE_DEMO", "CAREFORCE_TODAY", "CAREFORCE_ACTION_PLAN")
    }
    env.update(CAREFORCE_DATA_DIR=str(folder), **environment)
    done = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.split()


class TestHowTheServiceKnows:
    def test_a_demo_folder_turns_demo_mode_on(self, tmp_path: Path) -> None:
        (tmp_path / MARKER).write_text("demo")
        demo, today, plan = _settings_in(tmp_path)
        assert (demo, today) == ("True", "2024-06-30")
        assert plan == str(tmp_path.resolve() / "demo-data" / ACTION_PLAN_FILE)

    def test_a_demo_folder_reads_the_demos_estimates(self, tmp_path: Path) -> None:
        (tmp_path / MARKER).write_text("demo")
        env = {k: v for k, v in os.environ.items() if k not in ("CAREFORCE_ESTIMATES",)}
        env.update(CAREFORCE_DATA_DIR=str(tmp_path))
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from careforce.web.config import settings as s; print(s.CAREFORCE_ESTIMATES)",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.strip() == str(tmp_path.resolve() / ESTIMATES_FOLDER)

    def test_another_folder_is_not_the_demo(self, tmp_path: Path) -> None:
        assert _settings_in(tmp_path) == ["False", "None", "None"]

    def test_the_environment_can_say_so(self, tmp_path: Path) -> None:
        demo, today, _ = _settings_in(tmp_path, CAREFORCE_DEMO="1", CAREFORCE_TODAY="2025-01-31")
        assert (demo, today) == ("True", "2025-01-31")
