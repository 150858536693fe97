"""What the priority training needs read beyond the workforce measures: the skills job postings
ask for, matched to ASC-WDS training categories, and the workforce survey's training items."""

from __future__ import annotations

from typing import Final

SKILL_CATEGORIES: Final[dict[str, tuple[str, ...]]] = {
    "safeguarding": ("Safeguarding adults",),
    "moving and handling": ("Assisting and moving people",),
    "manual handling": ("Assisting and moving people",),
    "medication administration": ("Medication management",),
    "medication management": ("Medication management",),
    "dementia care": ("Dementia care",),
    "food hygiene": ("Food hygiene",),
    "infection control": ("Infection prevention and control",),
    "first aid": ("Basic life support and first aid",),
    "fire safety": ("Fire safety",),
    "health and safety": ("Health and safety awareness",),
    "equality and diversity": ("Equality and diversity",),
    "mental capacity act": ("Mental capacity and liberty safeguards",),
    "palliative care": ("Palliative, end of life care",),
    "end of life care": ("Palliative, end of life care",),
    "personal care": ("Personal care",),
    "communication skills": ("Communication",),
    "leadership": ("Leadership and management",),
    "management": ("Leadership and management",),
    "mental health": ("Mental health",),
    "learning disabilities": ("Learning disability",),
    "autism": ("Autism",),
    "epilepsy": ("Epilepsy",),
    "diabetes": ("Diabetes",),
    "person centred care": ("Dignity, respect, person-centered care",),
    "positive behaviour support": ("Positive behaviour support and non-restrictive practice",),
    "microsoft office": ("Working with digital technology",),
    "digital skills": ("Working with digital technology",),
    "data protection": ("Data management and GDPR",),
}
"""The ASC-WDS training categories (labels) a skill named in job postings asks for, by the
skill's name in lower case. Skills with no training category (driving licence, nursing
registration, empathy) are not training needs and are left out."""


def skill_categories(skill: str) -> tuple[str, ...]:
    """The training categories a posting skill asks for (none when it has no category)."""
    return SKILL_CATEGORIES.get(" ".join(skill.casefold().replace("-", " ").split()), ())


SURVEY_ITEMS: Final[dict[str, str]] = {
    "digital_confidence_share": "Digital skills: using technology to do the job well",
    "helps_with_technology_share": "Digital skills: helping people use technology to stay "
    "independent",
    "strength_based_practice_share": "Strength-based, person-centred practice",
    "training_received_share": "Training staff needed for their role in the last 12 months",
}
"""The workforce survey measures that show a training need (staff who do not agree they can do
it, or did not receive all the training they needed), each with the need it shows. The survey's questionnaire binds these questions to the
measures (src/careforce/data/survey/questionnaires/staff.yaml)."""

SURVEY_WANTED: Final = "training_wanted_share"
"""The workforce survey measure of the training staff say would help them most: one share for
each ASC-WDS training category (its label the breakdown value), which weights the needs of that
category as the share of job postings asking for it does."""

SURVEY_ANSWERED: Final[dict[str, str]] = {
    "training_received_share": "received all the training they needed",
}
"""What the respondents counted in a survey item's share said, where it is not that they agree."""
