"""Settings for a public service: secrets and the database must come from the environment,
cookies are secure and HTTPS is enforced. See docs/deployment.md."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from careforce.web.backend.branding import environment_flag
from careforce.web.config.settings import *  # noqa: F403

if not os.environ.get("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured(
        "Set DATABASE_URL, e.g. postgres://user:password@host:5432/careforce"
    )

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = environment_flag("CAREFORCE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("CAREFORCE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
if environment_flag("CAREFORCE_BEHIND_PROXY", default=False):
    # Only when a trusted proxy sets the header (and strips it from clients' requests).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CAREFORCE_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
STATIC_ROOT = os.environ.get("CAREFORCE_STATIC_ROOT") or str(DATA_DIR / "static")  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
WHITENOISE_MAX_AGE = 31536000
