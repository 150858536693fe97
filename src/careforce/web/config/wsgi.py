"""The WSGI application (``gunicorn careforce.web.config.wsgi``); starts the job worker."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careforce.web.config.settings")

application = get_wsgi_application()

# The job worker queries the data model: it is imported once Django is set up.
from careforce.web.backend.jobs import JobMode, mode, start_worker  # noqa: E402

if mode() is JobMode.THREAD:
    start_worker()
