"""API tokens: random secrets shown once; only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, Final

from django.utils import timezone

from careforce.web.models.accounts.models import ApiToken

TOKEN_BYTES: Final = 32
"""Random bytes in a token (256 bits)."""
PREFIX_LENGTH: Final = 8
"""Characters of a token kept in clear, so people can tell their tokens apart."""


def digest(secret: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: Any, name: str) -> tuple[ApiToken, str]:
    """Create a token; returns it and its secret (never stored, shown once)."""
    secret = secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=secret[:PREFIX_LENGTH], digest=digest(secret)
    )
    return token, secret


def user_for_token(secret: str) -> Any | None:
    """The active user a token belongs to (None when it is unknown, revoked or inactive)."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest(secret), revoked__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used is None or (now - token.last_used).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user
