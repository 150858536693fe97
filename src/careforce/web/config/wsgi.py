"""The WSGI application (``gunicorn careforce.web.config.wsgi``); starts the job worker."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from careforce.web.backend.jobs import JobMode, mode, start_worker

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careforce.web.config.settings")

application = get_wsgi_application()

if mode() is JobMode.THREAD:
    start_worker()
