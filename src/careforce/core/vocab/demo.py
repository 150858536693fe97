"""What marks the demo as the demo: its notice and its own "today".

The demo's data are synthetic. Everything that shows them (every web page, every download,
every report) says so with :data:`DEMO_NOTICE`, and the demo's action plan is judged at
:data:`DEMO_TODAY` rather than the real date, so that its flags (overdue, stale) tell the
demo's story whatever day it is shown on.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

DEMO_NOTICE: Final = "These are synthetic demo data, not real figures."
"""The line shown on every page, download and report of the demo."""

DEMO_TODAY: Final = dt.date(2024, 6, 30)
"""The demo's "today": after the 2023/24 workforce data (31 March 2024) and the 2023 survey
round, a quarter into the strategy's third year."""
