"""Choosing the appendix template on the service: a shipped one or the council's own, checked
with every problem named by line and field, the appendix made in the background with it, and
the public page and downloads using it once made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from careforce.web.backend.appendix_templates import latest_request, template_in_force
from careforce.web.backend.jobs import run_pending
from web_support import Site, page_of

pytestmark = pytest.mark.integration

OWN_TEMPLATE = """\
title: Our council's workforce data
introduction: The figures the board asked for.
sections:
  - key: retention
    heading: Staying and leaving
    blocks:
      - text: Turnover was {turnover_rate}.
      - table:
          key: retention-by-service
          title: Turnover by service
          measures: [turnover_rate]
          breakdown: service_group
          source: Skills for Care ASC-WDS
"""
BAD_TEMPLATE = """\
title: Our council's workforce data
sections:
  - key: retention
    heading: Staying and leaving
    blocks:
      - table:
          key: retention-by-service
          title: Turnover by service
          measures: [turnover_rate]
          colour: red
"""


def _upload(text: str, name: str = "our-appendix.yaml") -> dict[str, Any]:
    return {
        "template": "own",
        "file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/yaml"),
    }


class TestTemplatePage:
    def test_offers_the_shipped_templates_and_the_councils_own(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("analyst").get(reverse("appendix:template-update"))
        assert response.status_code == 200
        page = page_of(response)
        assert page.text("h1") == "Appendix template"
        values = [item.etree_element.get("value") for item in page.all("input.govuk-radios__input")]
        assert values == ["staffordshire-appendix", "own"]
        assert "The shipped template (staffordshire-appendix)." in page.text("main")
        assert page.all("input.govuk-file-upload")

    def test_problems_are_shown_with_line_and_field(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("analyst").post(
            reverse("appendix:template-update"), _upload(BAD_TEMPLATE)
        )
        assert response.status_code == 200
        page = page_of(response)
        assert page.text("title").startswith("Error: ")
        errors = page.texts(".govuk-error-summary__list a")
        assert errors == [
            "our-appendix.yaml: line 7: sections[0].blocks[0].table.source: is required but "
            "missing",
            "our-appendix.yaml: line 10: sections[0].blocks[0].table.colour: is not a known "
            "field (expected one of: breakdown, comparator, key, measures, notes, periods, "
            "rows, source, title, top, values)",
        ]
        assert page.all(".govuk-error-summary__list a")[0].etree_element.get("href") == "#id_file"
        assert latest_request() is None

    @pytest.mark.parametrize(
        ("data", "error"),
        [
            ({"template": "own"}, "Choose the template file to upload"),
            ({}, "Choose a template"),
            (
                {
                    "template": "own",
                    "file": SimpleUploadedFile("t.yaml", b"title: \xff\xfe", "text/plain"),
                },
                "The template must be a text file in UTF-8",
            ),
            (_upload("title: [unclosed"), "our-appendix.yaml: line 1"),
        ],
        ids=["no-file", "no-choice", "not-utf8", "not-yaml"],
    )
    def test_unusable_choices(
        self, site: Site, client_as: Callable[[str], Any], data: dict[str, Any], error: str
    ) -> None:
        response = client_as("administrator").post(reverse("appendix:template-update"), data)
        assert response.status_code == 200
        assert error in page_of(response).text(".govuk-error-summary")

    def test_the_councils_own_template_is_used_once_made(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        analyst = client_as("analyst")
        response = analyst.post(reverse("appendix:template-update"), _upload(OWN_TEMPLATE))
        assert response.status_code == 302
        waiting = latest_request()
        assert waiting is not None
        assert (waiting.name, waiting.ready) == ("our-appendix.yaml", False)
        # The public page keeps the shipped template until the job has made the appendix.
        before = page_of(client_as("public").get(reverse("appendix:appendix-show")))
        assert "Recruitment and retention" in before.texts("h2")
        assert run_pending() == 1
        done = latest_request()
        assert done is not None
        assert done.ready
        in_force = template_in_force()
        assert in_force is not None
        assert in_force[0] == "our-appendix.yaml"
        assert (in_force[1].parent / "appendix.pdf").read_bytes().startswith(b"%PDF")
        after = page_of(client_as("public").get(reverse("appendix:appendix-show")))
        assert after.texts("h2.govuk-heading-m")[2:] == ["Staying and leaving", "Symbols"]
        assert after.text("main p.govuk-body").startswith("The figures the board asked for.")
        pdf = client_as("public").get(reverse("appendix:appendix-download", args=["pdf"]))
        assert pdf.content == (in_force[1].parent / "appendix.pdf").read_bytes()
        template = client_as("public").get(reverse("appendix:template-download"))
        assert template.content.decode() == OWN_TEMPLATE
        shown = page_of(analyst.get(reverse("appendix:template-update"))).text("main")
        assert "our-appendix.yaml, chosen on this service." in shown

    def test_a_shipped_template_can_be_chosen_again(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("administrator").post(
            reverse("appendix:template-update"), {"template": "staffordshire-appendix"}
        )
        assert response.status_code == 302
        assert run_pending() == 1
        in_force = template_in_force()
        assert in_force is not None
        assert in_force[0] == "staffordshire-appendix"


class TestAppendixPageLink:
    @pytest.mark.parametrize(
        ("role", "shown"),
        [("public", False), ("provider_a", False), ("analyst", True), ("administrator", True)],
    )
    def test_only_analysts_and_administrators_are_offered_the_template(
        self, site: Site, client_as: Callable[[str], Any], role: str, shown: bool
    ) -> None:
        page = page_of(client_as(role).get(reverse("appendix:appendix-show")))
        links = [link.etree_element.get("href") for link in page.all("main a.govuk-link")]
        assert (reverse("appendix:template-update") in links) is shown


class TestTemplateDownload:
    def test_the_shipped_template_until_one_is_chosen(
        self, site: Site, client_as: Callable[[str], Any]
    ) -> None:
        response = client_as("public").get(reverse("appendix:template-download"))
        assert response.status_code == 200
        assert 'filename="appendix-template.yaml"' in response["Content-Disposition"]
        assert response.content.decode().startswith("# Staffordshire's data appendix")
