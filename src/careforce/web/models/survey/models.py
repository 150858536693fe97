"""Survey rounds (one per questionnaire and year, each with an anonymous link) and the
responses given through them. A response holds its answers only: no account, no address, no
time finer than the day; free text is redacted before it is stored."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from careforce.web.models.survey.terms import RoundStatus

STATUS_CHOICES = [(status.value, status.label) for status in RoundStatus]
"""Choices of a round's status."""


class SurveyRound(models.Model):
    """A round of a questionnaire, e.g. the staff survey of 2024, and its shareable link."""

    questionnaire = models.CharField(max_length=60)
    name = models.CharField(max_length=20)
    token = models.CharField(max_length=40, unique=True)
    status = models.CharField(max_length=10, choices=STATUS_CHOICES, default=RoundStatus.OPEN)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created = models.DateTimeField(default=timezone.now)
    baseline = models.BooleanField(
        default=False, help_text="The published baseline the later rounds are judged against."
    )
    aggregate = models.JSONField(
        null=True,
        blank=True,
        help_text=(
            "An aggregate round's published results (respondents, measures, counts of answers)"
            " in place of individual responses."
        ),
    )

    class Meta:
        ordering = ("-name", "questionnaire")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["questionnaire", "name"], name="survey_round_once")
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} {self.name}"


class SurveyResponse(models.Model):
    """One submitted response: its answers by question id (free text already redacted)."""

    survey_round = models.ForeignKey(
        SurveyRound, on_delete=models.CASCADE, related_name="responses"
    )
    response_id = models.CharField(max_length=40, unique=True)
    answers = models.JSONField(default=dict)
    submitted_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ("id",)

    def __str__(self) -> str:
        return self.response_id


class SurveyImport(models.Model):
    """An export of another survey tool imported into a round (so the same file is recognised
    when imported again)."""

    survey_round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="imports")
    sha256 = models.CharField(max_length=64)
    file_name = models.CharField(max_length=255)
    rows = models.PositiveIntegerField()
    added = models.PositiveIntegerField()
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("created", "id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["survey_round", "sha256"], name="survey_import_once")
        ]

    def __str__(self) -> str:
        return f"{self.file_name} into {self.survey_round}"
