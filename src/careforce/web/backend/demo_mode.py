"""Whether the service shows the demo, and the demo's own "today".

The service runs on demo data when its data folder is a demo folder (``careforce web serve
--demo`` marks the folder it builds with ``.careforce-demo``) or when ``CAREFORCE_DEMO`` says
so. Then every page carries a banner, every download and report a line, saying the data are
synthetic (:data:`careforce.core.vocab.demo.DEMO_NOTICE`), and the action plan is judged at the
demo's today (``CAREFORCE_TODAY``, by default :data:`careforce.core.vocab.demo.DEMO_TODAY`)
rather than the real date.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from careforce.core.vocab.demo import DEMO_NOTICE


def demo_mode() -> bool:
    """Whether the service runs on synthetic demo data."""
    return bool(getattr(settings, "CAREFORCE_DEMO", False))


def demo_notice() -> str:
    """The synthetic-data notice in demo mode, else ''."""
    return DEMO_NOTICE if demo_mode() else ""


def service_today() -> dt.date:
    """The date the service judges dates against: ``CAREFORCE_TODAY`` when set (the demo's own
    today in demo mode), else the real date."""
    fixed: dt.date | None = getattr(settings, "CAREFORCE_TODAY", None)
    return fixed or dt.date.today()
