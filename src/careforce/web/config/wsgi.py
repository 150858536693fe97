"""The WSGI application (``gunicorn careforce.web.config.wsgi``); removes temporary files a
killed process left and starts the job worker."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careforce.web.config.settings")

application = get_wsgi_application()

# The job worker queries the data model: it is imported once Django is set up.
from careforce.web.backend.jobs import JobMode, mode, start_worker  # noqa: E402
from careforce.web.backend.temporary_files import remove_abandoned  # noqa: E402

remove_abandoned()
if mode() is JobMode.THREAD:
    start_worker()
