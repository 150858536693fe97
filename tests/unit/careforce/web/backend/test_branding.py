"""The council's branding settings and the contrast check."""

from __future__ import annotations

import pytest

from careforce.web.backend.branding import (
    Branding,
    BrandingError,
    branding_from_environment,
    branding_problems,
    contrast_ratio,
    environment_flag,
)

pytestmark = pytest.mark.unit


class TestContrast:
    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#1d70b8", "#ffffff", 5.17)],
        ids=["black-white", "same", "govuk-blue"],
    )
    def test_ratio(self, first: str, second: str, expected: float) -> None:
        assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)

    def test_not_a_colour(self) -> None:
        with pytest.raises(BrandingError):
            contrast_ratio("blue", "#ffffff")


class TestBranding:
    def test_default_is_readable(self) -> None:
        assert branding_problems(Branding()) == []

    def test_pale_header_text_is_a_problem(self) -> None:
        problems = branding_problems(
            Branding(header_colour="#ffffff", header_text_colour="#dddddd")
        )
        assert len(problems) == 1
        assert "contrast ratio of 1.4:1" in problems[0]

    def test_from_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("CAREFORCE_COUNCIL_NAME", "Shire Council")
        monkeypatch.setenv("CAREFORCE_HEADER_COLOUR", "#003300")
        branding = branding_from_environment()
        assert branding.council_name == "Shire Council"
        assert branding.header_colour == "#003300"
        assert branding.service_name == Branding().service_name

    @pytest.mark.parametrize(
        ("value", "expected"), [("1", True), ("yes", True), ("0", False), ("off", False)]
    )
    def test_flags(self, monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
        monkeypatch.setenv("CAREFORCE_FLAG", value)
        assert environment_flag("CAREFORCE_FLAG", default=not expected) is expected
