"""Column names of survey frames: responses (one column per question beside these) and the
analysis tables."""

from __future__ import annotations

from typing import Final

from careforce.core.vocab import published as pub

RESPONSE_ID: Final = "response_id"
"""Identifier of a response (a random token; never a person's identity)."""
ROUND: Final = "round"
"""The survey round a response belongs to, e.g. ``2022``."""
WEIGHT: Final = "weight"
"""A response's weight (1 when unweighted)."""

BREAKDOWN: Final = pub.BREAKDOWN
"""The respondent grouping (``total``, ``role_group`` ...)."""
GROUP: Final = pub.BREAKDOWN_VALUE
"""The group's value (``all``, ``direct-care`` ...)."""
ANSWER: Final = "answer"
"""An answer option's value."""
LABEL: Final = "label"
"""An answer option's label."""
RESPONDENTS: Final = "respondents"
"""Respondents who answered the question (the unweighted denominator)."""
CHOSEN: Final = "chosen"
"""Respondents choosing the answer (the unweighted numerator)."""
SHARE: Final = "share"
"""The (weighted) share choosing the answer."""
EFFECTIVE_N: Final = "effective_n"
"""Kish's effective sample size of the group, (Σw)² / Σw²."""
LOWER: Final = pub.LOWER
"""Lower limit of the 95% Wilson interval."""
UPPER: Final = pub.UPPER
"""Upper limit of the 95% Wilson interval."""
SUPPRESSED: Final = "suppressed"
"""Whether the cell is withheld (fewer respondents than the publication threshold)."""
RANK: Final = "rank"
"""Rank of an option of a multiple-choice question, 1 for the most chosen."""
MEAN_SCORE: Final = "mean_score"
"""Mean of a Likert question's points (1 = the lowest option)."""
THEME: Final = "theme"
"""A free-text theme of the codebook."""
