"""Users, sign-in attempts, API tokens and the audit log."""
# mypy: allow-subclassing-any

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.password_validation import validate_password
from django.db import models
from django.utils import timezone

from careforce.web.models.accounts.terms import ROLE_LABELS, Role

ROLE_CHOICES = [(role.value, ROLE_LABELS[role]) for role in Role]
"""Choices of the role field."""


class UserManager(BaseUserManager["User"]):
    """Creates users identified by their email address."""

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        """Create a user with a hashed password (Argon2).

        Raises:
            ValidationError: the password breaks the password rules
                (``AUTH_PASSWORD_VALIDATORS``).
        """
        if not email:
            raise ValueError("a user needs an email address")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password is not None:
            validate_password(password, user)
        user.set_password(password)
        user.save(using=self._db)
        created: User = user
        return created


class User(AbstractBaseUser):
    """A person who signs in. Provider users belong to exactly one organisation."""

    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=200)
    role = models.CharField(max_length=20, choices=ROLE_CHOICES)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name", "role"]

    class Meta:
        ordering = ("email",)
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.PROVIDER.value)
                | models.Q(organisation__isnull=False),
                name="provider_user_has_organisation",
            )
        ]

    def __str__(self) -> str:
        return str(self.email)

    @property
    def role_label(self) -> str:
        """The role's name as pages show it."""
        return str(ROLE_LABELS[Role(self.role)])


class LoginThrottle(models.Model):
    """Sign-in attempts for one email address from one client address, counted to throttle
    password guessing; the same rows count the survey's submissions per round and hashed client
    address (``email`` holding the scope). Changed only by conditional updates, so concurrent
    attempts are counted exactly (see careforce.web.backend.throttle)."""

    email = models.CharField(max_length=254)
    ip_address = models.CharField(max_length=45)
    failures = models.IntegerField(default=0)
    window_start = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["email", "ip_address"], name="one_throttle_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.email} from {self.ip_address}: {self.failures}"


class ApiToken(models.Model):
    """A token for the JSON API. Only a digest of the secret is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class AuditEvent(models.Model):
    """An entry of the audit log: sign-ins, uploads, acceptances, downloads and changes."""

    created = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    actor = models.CharField(max_length=254, blank=True)
    action = models.CharField(max_length=40, db_index=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.CharField(max_length=40, blank=True)
    ip_address = models.CharField(max_length=45, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-created", "-id")

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.actor or 'public'} {self.action}"
