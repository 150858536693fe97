"""Redaction of free text: names, email addresses, phone numbers (UK and international) and
National Insurance numbers are replaced by a bracketed word before anyone sees the text.

Names are found three ways: after a title (``Mrs Patel``), after words that introduce one (``my
manager Sarah``, ``my name is``), and as a given name of the shipped list written with a
capital (``thanks to Priya, ...``), with the capitalised word after it taken as a surname.
Redaction errs towards removing too much: a quote is shown only once redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

EMAIL: Final = "[email]"
PHONE: Final = "[phone]"
NI_NUMBER: Final = "[NI number]"
NAME: Final = "[name]"

MIN_PHONE_DIGITS: Final = 9
"""Fewest digits of a phone number: UK numbers have 10 or 11 (9 without the leading 0 after
+44); shorter runs are counts, years or money. A longer run than a phone number can be (15
digits, ITU E.164) may be a number with other figures written after it, and is removed whole."""

_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# NI numbers: two prefix letters, six digits in pairs that may be spaced, a suffix A-D. Any
# prefix is taken (HMRC's own example, QQ 12 34 56 C, uses letters never issued): a mistyped
# number identifies a person as well as a valid one.
_NI = re.compile(r"(?i)\b[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b")
# A phone number: starts with +, 00, 0 or an opening bracket, then digits, spaces, dots,
# hyphens and brackets, ending in a digit; its digits are counted afterwards.
_PHONE = re.compile(r"(?<![\w+])(?:\+|\(\+?|0)[\d\s().-]{6,}\d(?!\w)")
_CAPITALISED = r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*"
_TITLE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sister|Nurse)\.?\s+{_CAPITALISED}(?:\s+{_CAPITALISED})?"
)
_CUE = re.compile(
    rf"(?i:\b(?:my name is|i am called|i'm called|called|named|my manager|manager|my colleague|"
    rf"colleague|supervisor|my carer)\s*[:,]?\s+)({_CAPITALISED}(?:\s+{_CAPITALISED})?)"
)


@dataclass(frozen=True)
class Redacted:
    """Redacted text and what was taken out of it."""

    text: str
    found: tuple[str, ...]


class Redactor:
    """Redacts free text; built with the given names to look for."""

    def __init__(self, given_names: Iterable[str]) -> None:
        """Keep the names (any case; matched when written with a capital)."""
        names = sorted({n.strip().capitalize() for n in given_names if n.strip()}, key=len)
        alternatives = "|".join(re.escape(n) for n in reversed(names))
        self._names = (
            re.compile(rf"\b(?:{alternatives})\b(?:\s+{_CAPITALISED})?") if names else None
        )

    def redact(self, text: str) -> Redacted:
        """Replace names, email addresses, phone numbers and NI numbers."""
        found: list[str] = []

        def replace(pattern: re.Pattern[str], text: str, word: str) -> str:
            def one(match: re.Match[str]) -> str:
                found.append(word)
                return word

            return pattern.sub(one, text)

        text = replace(_EMAIL, text, EMAIL)
        text = replace(_NI, text, NI_NUMBER)

        def phone(match: re.Match[str]) -> str:
            digits = sum(ch.isdigit() for ch in match.group(0))
            if digits >= MIN_PHONE_DIGITS:
                found.append(PHONE)
                return PHONE
            return match.group(0)

        text = _PHONE.sub(phone, text)
        text = replace(_TITLE, text, NAME)

        def cue(match: re.Match[str]) -> str:
            found.append(NAME)
            start, end = match.span(1)
            whole = match.group(0)
            offset = match.start(0)
            return whole[: start - offset] + NAME + whole[end - offset :]

        text = _CUE.sub(cue, text)
        if self._names is not None:
            text = replace(self._names, text, NAME)
        return Redacted(text, tuple(found))
