"""The default mandatory training list and the training categories bound to outcomes."""

from __future__ import annotations

MANDATORY_TRAINING: tuple[tuple[str, tuple[int, ...]], ...] = (
    ("Health and safety awareness", (9,)),
    ("Fire safety", (6,)),
    ("Infection prevention and control", (10,)),
    ("Assisting and moving people", (15,)),
    ("Safeguarding adults", (20,)),
    ("Basic life support and first aid", (7,)),
    ("Mental capacity and liberty safeguards", (14,)),
    ("Equality and diversity", (23,)),
    ("Oliver McGowan Mandatory Training on learning disability and autism", (41, 42, 43)),
)
"""Default mandatory training topics, each met by a current record in any of its ASC-WDS
categories. Drawn from Skills for Care's "Core and mandatory training" guide (the topics it
lists as statutory or mandatory for every care worker) and the Health and Care Act 2022,
section 181 (Oliver McGowan training for CQC-registered providers). A partnership may agree
its own list."""

DIGITAL_CATEGORIES: tuple[int, ...] = (26, 46, 47, 48, 49, 50, 51)
"""ASC-WDS training categories of digital skills (data management and GDPR, assisted digital,
digital leadership, in-house systems, online safety, social media, digital technology)."""
PERSON_CENTRED_CATEGORIES: tuple[int, ...] = (22, 19, 28, 39)
"""ASC-WDS training categories of person-centred and strength-based practice (dignity and
person-centred care, positive behaviour support, communication, activity and wellbeing)."""
