"""The web demo: data loaded through the same services as real uploads, and demo accounts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from careforce.services.demo_projections import DERIVED_STEM, SUPPLY_NAME
from careforce.web.backend.demo import ESTIMATES_FOLDER, build_demo
from careforce.web.backend.publications import current_publication, publication_file
from careforce.web.backend.service import DemoFolderError, prepare_folder
from careforce.web.backend.survey import rounds as survey_rounds
from careforce.web.models.accounts.models import User
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.models import Organisation, Workplace
from careforce.web.models.uploads.models import SnapshotWorkplace, Upload

pytestmark = pytest.mark.integration


class TestPrepareFolder:
    def test_refuses_a_folder_with_other_files(self, tmp_path: Path) -> None:
        (tmp_path / "thesis.docx").write_text("precious")
        with pytest.raises(DemoFolderError):
            prepare_folder(tmp_path)
        assert (tmp_path / "thesis.docx").exists()

    def test_empties_a_previous_demo(self, tmp_path: Path) -> None:
        prepare_folder(tmp_path / "demo")
        (tmp_path / "demo" / "old.sqlite3").write_text("old")
        prepare_folder(tmp_path / "demo")
        assert [p.name for p in (tmp_path / "demo").iterdir()] == [".careforce-demo"]


class TestBuildDemo:
    def test_builds_data_measures_and_accounts(
        self, db: None, web_key: None, tmp_path: Path, settings: Any
    ) -> None:
        # As in a demo folder (see careforce.web.config.settings).
        settings.CAREFORCE_ESTIMATES = str(tmp_path / ESTIMATES_FOLDER)
        site = build_demo(data_dir=tmp_path, scale=0.02)
        assert site.snapshots == 4
        roles = [account.role for account in site.accounts]
        assert roles == [Role.ADMINISTRATOR, Role.ANALYST, Role.PROVIDER, Role.PROVIDER]
        providers = [account for account in site.accounts if account.role is Role.PROVIDER]
        assert providers[0].organisation != providers[1].organisation
        for account in site.accounts:
            assert User.objects.get(email=account.email).check_password(account.password)
        uploads = Upload.objects.filter(uploaded_by__email="admin@demo.careforce.example")
        assert sorted(uploads.values_list("status", flat=True)) == [
            *["accepted"] * 4,
            "stored",
        ]
        assert Organisation.objects.filter(kind="provider").count() >= 2
        names = list(Organisation.objects.values_list("name", flat=True))
        assert len(set(names)) == len(names)
        plan = tmp_path / "demo-data" / "outcomes" / "action-plan.yaml"
        assert plan.read_text("utf-8").startswith("# These are synthetic demo data")
        publication = current_publication()
        assert publication is not None
        assert publication.rows > 0
        rounds = {(r.questionnaire, r.name): r.response_count for r in survey_rounds()}
        assert rounds == {
            ("staff", "2022"): 261,
            ("organisations", "2022"): 62,
            ("staff", "2023"): 310,
            ("organisations", "2023"): 70,
            ("staff", "2024"): 333,
            ("organisations", "2024"): 74,
            ("staff", "2022 baseline"): 0,
            ("organisations", "2022 baseline"): 0,
        }
        assert (tmp_path / "labour" / "labour.csv").stat().st_size > 0
        derived = tmp_path / "projections" / f"{DERIVED_STEM}.toml"
        assert derived.read_text(encoding="utf-8").startswith("# Projection parameters")
        # As `careforce demo run` derives it: from the whole-sector estimate of the latest year
        # with a CQC register, not the returns alone.
        assert "Base workforce: the whole-sector estimates" in derived.read_text(encoding="utf-8")
        assert "base_year = 2024" in derived.read_text(encoding="utf-8")
        # The service's estimates folder: every year's published rows, the latest year's run.
        estimates = tmp_path / ESTIMATES_FOLDER
        periods = pl.read_csv(estimates / "estimates.csv")["period"].unique().sort().to_list()
        assert periods == ["2020/21", "2021/22", "2022/23", "2023/24"]
        summary = json.loads((estimates / "estimates_manifest.json").read_text("utf-8"))
        assert summary["reference_date"] == "2024-03-31"
        assert (estimates / "locations.csv").is_file()
        # The publication holds every year's whole-sector estimate.
        published = pl.read_csv(publication_file(publication, "csv")[0], infer_schema_length=0)
        estimated = published.filter(
            (pl.col("measure_id") == "filled_posts_estimate") & (pl.col("breakdown") == "total")
        )
        assert estimated["period"].to_list() == periods
        assert (tmp_path / "projections" / SUPPLY_NAME).stat().st_size > 0
        baseline = {
            (r.questionnaire, r.name): r.aggregate["respondents"]
            for r in survey_rounds()
            if r.baseline and r.aggregate is not None
        }
        assert baseline == {("staff", "2022 baseline"): 261, ("organisations", "2022 baseline"): 62}

    def test_every_demo_workplace_has_one_owner(
        self, db: None, web_key: None, tmp_path: Path
    ) -> None:
        build_demo(data_dir=tmp_path, scale=0.02)
        owners = dict(Workplace.objects.values_list("identity", "organisation_id"))
        accepted = SnapshotWorkplace.objects.values_list("identity", "organisation_id")
        assert accepted
        for identity, organisation_id in accepted:
            assert owners[identity] == organisation_id
