"""Accounts: the users an administrator manages, API tokens and sign-in throttling.

API tokens are random secrets shown once; only their SHA-256 is stored.

Sign-in throttling: five failed attempts from one address for one email address within 15
minutes of the first lock sign-in for that pair until 15 minutes after the fifth (the numbers
are the ``CAREFORCE_LOGIN_*`` settings). Attempts refused while locked are not counted, so the
lock always ends; a successful sign-in clears the count.

The count is kept by :mod:`careforce.web.backend.throttle` (one row per pair, changed only by
conditional ``UPDATE`` statements): an attempt first takes a place and only then is its
password checked, so however many attempts arrive at once, at most the limit of them reach the
password check (on SQLite and PostgreSQL alike).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Final

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone

from careforce.web.backend.access import NotVisibleError
from careforce.web.backend.throttle import counter, take_place
from careforce.web.models.accounts.models import ApiToken, User
from careforce.web.models.accounts.terms import Role

TOKEN_BYTES: Final = 32
"""Random bytes in a token (256 bits)."""
PREFIX_LENGTH: Final = 8
"""Characters of a token kept in clear, so people can tell their tokens apart."""


def digest(secret: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; returns it and its secret (never stored, shown once)."""
    secret = secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=secret[:PREFIX_LENGTH], digest=digest(secret)
    )
    return token, secret


def user_for_token(secret: str) -> User | None:
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


def active_tokens(user: User) -> QuerySet[ApiToken]:
    """A user's tokens that are not revoked, newest first."""
    return ApiToken.objects.filter(user=user, revoked__isnull=True)


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of a user's tokens.

    Raises:
        NotVisibleError: the user has no such token that is not revoked already.
    """
    token = ApiToken.objects.filter(pk=token_id, user=user, revoked__isnull=True).first()
    if token is None:
        raise NotVisibleError(f"token {token_id}")
    token.revoked = timezone.now()
    token.save(update_fields=["revoked"])
    return token


def password_problems(password: str, *, email: str, full_name: str) -> list[str]:
    """What is wrong with a password for a person with this email address and name (the
    password rules, ``AUTH_PASSWORD_VALIDATORS``); empty when it is good."""
    try:
        validate_password(password, User(email=email, full_name=full_name))
    except ValidationError as error:
        return list(error.messages)
    return []


def change_password(user: User, password: str) -> None:
    """Give a user a new password.

    Raises:
        ValidationError: the password breaks the password rules.
    """
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])


def users() -> QuerySet[User]:
    """Every user, with their organisation."""
    return User.objects.select_related("organisation")


def user(user_id: int) -> User:
    """One user.

    Raises:
        NotVisibleError: there is no such user.
    """
    found = User.objects.filter(pk=user_id).first()
    if found is None:
        raise NotVisibleError(f"user {user_id}")
    return found


def email_taken(email: str, *, apart_from: int | None = None) -> bool:
    """Whether a user (other than the one with id ``apart_from``) has this email address."""
    others = User.objects.filter(email=email)
    if apart_from is not None:
        others = others.exclude(pk=apart_from)
    return others.exists()


@dataclass(frozen=True)
class UserDetails:
    """A user's details, as an administrator sets them.

    Attributes:
        full_name: the person's name.
        email: their email address (in lower case).
        role: their role.
        organisation_id: a provider user's organisation (ignored for other roles).
        is_active: whether they can sign in.
        password: a new password ('' keeps the current one).
    """

    full_name: str
    email: str
    role: str
    organisation_id: int | None
    is_active: bool
    password: str = ""


def save_user(found: User | None, details: UserDetails) -> User:
    """Create a user (``found`` None) or change one's details.

    Raises:
        ValidationError: the new password breaks the password rules (judged with the new
            email address and name).
    """
    saved = found if found is not None else User()
    saved.full_name = details.full_name
    saved.email = details.email
    saved.role = details.role
    saved.organisation_id = details.organisation_id if details.role == Role.PROVIDER.value else None
    saved.is_active = details.is_active
    if details.password:
        validate_password(details.password, saved)
        saved.set_password(details.password)
    saved.save()
    return saved


def _window() -> dt.timedelta:
    return dt.timedelta(minutes=settings.CAREFORCE_LOGIN_LOCK_MINUTES)


def begin_sign_in(
    email: str, ip_address: str, *, now: dt.datetime | None = None
) -> dt.datetime | None:
    """Take a place for one password check by this email address from this address.

    Call it before checking the password, and :func:`end_sign_in` after.

    Args:
        email: the email address tried (in lower case).
        ip_address: the client's address.
        now: the time of the attempt (default: now).

    Returns:
        None when the password may be checked; otherwise when sign-in unlocks (the attempt is
        refused and not counted; while places are taken by attempts still being checked, the
        end of the window).
    """
    return take_place(
        email,
        ip_address,
        limit=settings.CAREFORCE_LOGIN_ATTEMPTS,
        window=_window(),
        now=now,
    )


def end_sign_in(
    email: str, ip_address: str, *, succeeded: bool, now: dt.datetime | None = None
) -> None:
    """Record how an attempt that took a place ended: success clears the count; a failure that
    reaches the limit locks sign-in for the pair."""
    now = now if now is not None else timezone.now()
    pair = counter(email, ip_address)
    if succeeded:
        pair.update(failures=0, window_start=None, locked_until=None)
    else:
        pair.filter(failures__gte=settings.CAREFORCE_LOGIN_ATTEMPTS).update(
            locked_until=now + _window()
        )
