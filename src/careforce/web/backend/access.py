"""Who may see what: the roles of the web service and the organisation scope of each.

Every use case that returns records of an organisation takes a :class:`Viewer` and applies
these rules, so the pages and the API cannot disagree about access.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from careforce.web.models.accounts.terms import Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from careforce.web.models.accounts.models import User


class NotVisibleError(LookupError):
    """The record does not exist or the viewer may not see it (the two are not told apart)."""


@dataclass(frozen=True)
class Viewer:
    """The person asking for something.

    Attributes:
        user_id: the signed-in user's id, or None for the public.
        role: the user's role, or None for the public.
        organisation_id: the provider user's organisation (None for other roles).
        email: the signed-in user's email address ('' for the public).
        subsidiary_ids: the organisations whose parent (directly or further up) is the provider
            user's organisation: its users see and upload for them too.
    """

    user_id: int | None = None
    role: Role | None = None
    organisation_id: int | None = None
    email: str = ""
    subsidiary_ids: tuple[int, ...] = ()

    @classmethod
    def of(cls, user: User | AnonymousUser | None) -> Viewer:
        """The viewer for a Django user (anonymous users are the public)."""
        if user is None or not user.is_authenticated:
            return cls()
        role = Role(user.role)
        organisation_id = user.organisation_id if role is Role.PROVIDER else None
        return cls(
            user_id=user.pk,
            role=role,
            organisation_id=organisation_id,
            email=user.email,
            subsidiary_ids=subsidiaries_of(organisation_id),
        )

    @property
    def organisation_ids(self) -> tuple[int, ...]:
        """A provider user's organisation and its subsidiaries (empty for other roles)."""
        if self.role is not Role.PROVIDER or self.organisation_id is None:
            return ()
        return (self.organisation_id, *self.subsidiary_ids)

    @property
    def is_public(self) -> bool:
        """Not signed in."""
        return self.role is None

    @property
    def is_administrator(self) -> bool:
        """An administrator."""
        return self.role is Role.ADMINISTRATOR

    @property
    def is_provider(self) -> bool:
        """A provider organisation's user."""
        return self.role is Role.PROVIDER

    @property
    def sees_provider_records(self) -> bool:
        """Whether the viewer may see any organisation's uploads, records or benchmarks."""
        return self.role is Role.ADMINISTRATOR or (
            self.role is Role.PROVIDER and self.organisation_id is not None
        )

    @property
    def downloads_full_tables(self) -> bool:
        """Whether the viewer may download whole published tables (all measures)."""
        return self.role in (Role.ADMINISTRATOR, Role.ANALYST)

    @property
    def sees_partnership_overview(self) -> bool:
        """Whether the viewer may see every provider's submission status, data quality and
        support score (the partnership's administrators and analysts; never providers or the
        public)."""
        return self.role in (Role.ADMINISTRATOR, Role.ANALYST)

    def may_see_organisation(self, organisation_id: int | None) -> bool:
        """Whether the viewer may see the records of an organisation."""
        if self.role is Role.ADMINISTRATOR:
            return True
        return organisation_id is not None and organisation_id in self.organisation_ids

    def organisation_filter(self, field: str = "organisation_id") -> dict[str, object] | None:
        """Query filter limiting records to the viewer's organisations; None when it sees none.

        Args:
            field: the name of the organisation field of the records.
        """
        if self.role is Role.ADMINISTRATOR:
            return {}
        if self.role is Role.PROVIDER and self.organisation_id is not None:
            if self.subsidiary_ids:
                return {f"{field}__in": self.organisation_ids}
            return {field: self.organisation_id}
        return None


def subsidiaries_of(organisation_id: int | None) -> tuple[int, ...]:
    """The organisations below one (its subsidiaries, theirs, and so on), by id."""
    if organisation_id is None:
        return ()
    from careforce.web.models.organisations.models import Organisation  # noqa: PLC0415

    found: list[int] = []
    frontier = [organisation_id]
    while frontier:
        below = [
            pk
            for pk in Organisation.objects.filter(parent_id__in=frontier).values_list(
                "pk", flat=True
            )
            if pk != organisation_id and pk not in found
        ]
        found.extend(below)
        frontier = below
    return tuple(sorted(found))
