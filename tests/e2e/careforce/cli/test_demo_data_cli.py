"""``careforce demo-data generate`` writes the data and prints a summary."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from careforce.cli.app import app

pytestmark = pytest.mark.e2e


class TestDemoDataGenerate:
    def test_generates_a_small_staffordshire(self, tmp_path) -> None:
        result = CliRunner().invoke(
            app,
            [
                "demo-data",
                "generate",
                "--profile",
                "staffordshire",
                "--out",
                str(tmp_path),
                "--seed",
                "5",
                "--scale",
                "0.02",
            ],
        )
        assert result.exit_code == 0, result.output
        assert "ascwds-staff" in result.output
        manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["seed"] == 5
        assert (tmp_path / "ascwds" / "2021-22" / "staff.csv").exists()

    def test_refuses_an_unknown_profile(self, tmp_path) -> None:
        result = CliRunner().invoke(
            app, ["demo-data", "generate", "--profile", "wales", "--out", str(tmp_path)]
        )
        assert result.exit_code == 2
        assert not any(tmp_path.iterdir())
