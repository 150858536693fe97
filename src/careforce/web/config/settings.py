"""Settings of the careforce web service (development, tests and ``careforce web serve``).

Everything that differs between installations comes from the environment; see
docs/deployment.md. ``careforce.web.config.production`` tightens these for a public service.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import dj_database_url

from careforce.core.vocab.demo import DEMO_TODAY
from careforce.web.backend.branding import branding_from_environment, environment_flag

DEMO_FOLDER_MARKER = ".careforce-demo"
"""File marking a demo folder (see careforce.web.backend.service.MARKER)."""
DEMO_DATA_FOLDER = "demo-data"
"""Folder of the demo data in a demo folder (see careforce.web.backend.demo)."""
DEMO_ESTIMATES_FOLDER = "estimates"
"""Folder of the demo's whole-sector estimates in a demo folder (see careforce.web.backend.demo)."""
DEMO_ACTION_PLAN_FILE = "outcomes/action-plan.yaml"
"""The demo's action plan in its data (see careforce.services.demo_data.ACTION_PLAN_FILE)."""

WEB_DIR = Path(__file__).resolve().parent.parent
"""The ``careforce/web`` package folder."""
DATA_DIR = Path(os.environ.get("CAREFORCE_DATA_DIR", Path.cwd() / "careforce-data")).resolve()
"""Folder of the default SQLite database, uploaded files and collected static files."""
ASSETS_DIR = Path(os.environ.get("CAREFORCE_ASSETS_DIR", WEB_DIR / "assets"))
"""Front-end assets built from npm packages by ``npm run build`` (see package.json)."""

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "careforce-development-only-key-never-use-in-production-0123456789"
)
DEBUG = environment_flag("CAREFORCE_DEBUG", default=False)
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get(
        "CAREFORCE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver"
    ).split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "careforce.web.shared",
    "careforce.web.models.accounts",
    "careforce.web.models.organisations",
    "careforce.web.models.uploads",
    "careforce.web.models.jobs",
    "careforce.web.models.indicators",
    "careforce.web.models.outcomes",
    "careforce.web.models.survey",
    "careforce.web.models.training_needs",
]

PAGE_APPS = (
    "pages",
    "accounts",
    "organisations",
    "uploads",
    "indicators",
    "benchmarks",
    "outcomes",
    "submissions",
    "survey",
    "training_needs",
    "labour",
    "api",
    "projections",
    "appendix",
)
"""The page packages under ``careforce/web/apps`` with Jinja2 templates (they are not Django
apps: the data model's apps are under ``careforce/web/models``)."""

MIDDLEWARE = [
    "careforce.web.shared.security.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "careforce.web.apps.accounts.middleware.TokenAuthenticationMiddleware",
    "careforce.web.apps.accounts.middleware.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "careforce.web.config.urls"
WSGI_APPLICATION = "careforce.web.config.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [WEB_DIR / "apps" / name / "jinja2" for name in PAGE_APPS],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "careforce.web.shared.jinja.environment",
            "context_processors": [
                "django.contrib.messages.context_processors.messages",
                "careforce.web.shared.context.service",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'careforce.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Requests and the job worker write from several threads: wait for the lock rather than
    # fail, take it at the start of each transaction, and let readers go on while one writes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
"""Every password set (by its owner, by an administrator, by create_user) must pass these; the
similarity check compares it with the person's email address and name."""
LOGIN_URL = "accounts:session-create"
LOGIN_REDIRECT_URL = "pages:home-show"

SESSION_COOKIE_AGE = int(os.environ.get("CAREFORCE_SESSION_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = False
"""Sessions are pushed back by SessionActivityMiddleware at most once a minute instead."""
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "careforce_session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_NAME = "careforce_csrf"
CSRF_FAILURE_VIEW = "careforce.web.shared.views.csrf_failure"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("CAREFORCE_STATIC_ROOT") or None
"""Where collectstatic puts the files (production); without it they are served from the apps."""
STATICFILES_DIRS = [ASSETS_DIR]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Without collectstatic (development, the demo, tests) WhiteNoise serves from the app folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 3600

MEDIA_ROOT = Path(os.environ.get("CAREFORCE_MEDIA_ROOT", DATA_DIR / "media"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
CAREFORCE_UPLOAD_TEMP_DIR = os.environ.get("CAREFORCE_UPLOAD_TEMP_DIR") or str(DATA_DIR / "tmp")
"""Larger uploads wait here while a request is read: the service's own folder (made with mode
0700 when first needed), not the system's; what a killed process leaves is removed when a
process starts (see careforce.web.backend.temporary_files)."""
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "careforce.web.shared.upload_handlers.PrivateTemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
CAREFORCE_MAX_UPLOAD_BYTES = int(os.environ.get("CAREFORCE_MAX_UPLOAD_MB", "200")) * 1024 * 1024
"""Largest file accepted in one upload."""

CAREFORCE_JOBS = os.environ.get("CAREFORCE_JOBS", "thread")
"""How background jobs run: ``thread`` (a worker thread of each web process), ``inline`` or
``manual`` (see careforce.web.backend.jobs)."""
CAREFORCE_JOB_MINUTES = float(os.environ.get("CAREFORCE_JOB_MINUTES") or 120)
"""A job still running after this many minutes is taken to hang and is failed."""
CAREFORCE_COMPARATORS = os.environ.get("CAREFORCE_COMPARATORS") or None
"""Comparator values used until an administrator uploads some (a CSV path)."""
CAREFORCE_ESTIMATES = os.environ.get("CAREFORCE_ESTIMATES") or None
"""A folder written by ``careforce estimates compute``: its whole-sector estimates and coverage
are published with the measures, and analysts see the locations that have not returned."""
CAREFORCE_LABOUR_DIR = Path(os.environ.get("CAREFORCE_LABOUR_DIR") or DATA_DIR / "labour")
"""The folder of the labour-market measures the pages show (``careforce labour compute --out``)."""
CAREFORCE_OUTCOMES_FRAMEWORK = os.environ.get("CAREFORCE_OUTCOMES_FRAMEWORK") or None
"""The outcomes framework file (a path or a shipped name; default: the Staffordshire one)."""
CAREFORCE_ACTION_PLAN = os.environ.get("CAREFORCE_ACTION_PLAN") or None
"""The action-plan file changes are recorded against (default: the Staffordshire plan)."""
CAREFORCE_PROJECTIONS = os.environ.get("CAREFORCE_PROJECTIONS") or str(DATA_DIR / "projections")
"""A directory of further projection parameter files published beside the shipped ones (those
``careforce projections derive`` writes; ``web serve --demo`` writes the demo's there)."""
CAREFORCE_PROJECTIONS_SUPPLY = os.environ.get("CAREFORCE_PROJECTIONS_SUPPLY") or str(
    DATA_DIR / "projections" / "supply.csv"
)
"""A training supply file: projections show new staff needed against the pipeline (none when
the file does not exist)."""
CAREFORCE_RETURN_DUE_MONTHS = int(os.environ.get("CAREFORCE_RETURN_DUE_MONTHS", "3"))
"""Months after a period's reference date (31 March) by which providers' returns are due; a
provider with no accepted return by then is late (the submissions page)."""
CAREFORCE_SUPPORT_SCORE = os.environ.get("CAREFORCE_SUPPORT_SCORE") or None
"""The support score's settings (a TOML path; default: careforce/data/support/support-score.toml)."""
CAREFORCE_BRANDING = branding_from_environment()
CAREFORCE_DEMO = environment_flag(
    "CAREFORCE_DEMO", default=(DATA_DIR / DEMO_FOLDER_MARKER).is_file()
)
"""The service runs on synthetic demo data: a banner on every page, a line on every download
and report (on by default in a folder built by ``careforce web serve --demo``)."""
CAREFORCE_TODAY = (
    dt.date.fromisoformat(os.environ["CAREFORCE_TODAY"])
    if os.environ.get("CAREFORCE_TODAY")
    else DEMO_TODAY
    if CAREFORCE_DEMO
    else None
)
"""The date the action plan is judged at (None: the real date); the demo's own today in demo
mode."""
if CAREFORCE_DEMO and not CAREFORCE_ESTIMATES:
    # The demo's whole-sector estimates: its latest year's run, with every year's rows.
    CAREFORCE_ESTIMATES = str(DATA_DIR / DEMO_ESTIMATES_FOLDER)
if CAREFORCE_DEMO and not CAREFORCE_ACTION_PLAN:
    # The demo's action plan, with its progress, is generated with the demo data.
    CAREFORCE_ACTION_PLAN = str(DATA_DIR / DEMO_DATA_FOLDER / DEMO_ACTION_PLAN_FILE)
"""The council's name, logo and colours (see careforce.web.backend.branding)."""
CAREFORCE_LOGIN_ATTEMPTS = 5
"""Failed sign-ins from one address for one account before it is locked (NCSC guidance)."""
CAREFORCE_LOGIN_LOCK_MINUTES = 15
"""How long sign-in stays locked after too many failures."""
CAREFORCE_TRUSTED_PROXIES = int(os.environ.get("CAREFORCE_TRUSTED_PROXIES", "0"))
"""Reverse proxies in front of the service that append to ``X-Forwarded-For``: with 0 (the
default) the client's address is ``REMOTE_ADDR`` and the header is ignored; with N it is the
N-th address from the right of the header (see careforce.web.shared.access.client_address)."""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("CAREFORCE_LOG_LEVEL", "WARNING")},
}
