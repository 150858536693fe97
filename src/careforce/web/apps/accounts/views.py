"""Sign-in and sign-out, your account (password, API tokens), users and the audit log."""
# mypy: allow-untyped-decorators

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from careforce.web.apps.accounts.forms import (
    AuditFilterForm,
    PasswordChangeForm,
    SignInForm,
    TokenForm,
    UserForm,
)
from careforce.web.backend import accounts
from careforce.web.backend.access import NotVisibleError, Viewer
from careforce.web.backend.audit import AuditAction, audit_events, record
from careforce.web.backend.organisations import organisation_choices, organisation_name
from careforce.web.models.accounts.terms import Role
from careforce.web.shared.access import (
    client_address,
    roles_required,
    sign_in_required,
    signed_in_user,
    viewer_of,
)

AUDIT_PAGE_SIZE = 50
"""Audit entries per page."""
USERS_PAGE_SIZE = 50
"""Users per page."""


def _next_page(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return "/"


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    """Sign in with an email address and password (throttled)."""
    form = SignInForm(request.POST or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        address = client_address(request)
        until = accounts.begin_sign_in(email, address)
        if until is not None:
            record(AuditAction.SIGN_IN_LOCKED, actor=email, ip_address=address)
            minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
            problem = (
                "There have been too many attempts to sign in. "
                f"Try again in {minutes} minute{'s' if minutes != 1 else ''}."
            )
        else:
            user = authenticate(request, email=email, password=form.cleaned_data["password"])
            accounts.end_sign_in(email, address, succeeded=user is not None)
            if user is not None:
                login(request, user)
                record(AuditAction.SIGN_IN, viewer=Viewer.of(user), ip_address=address)
                return redirect(_next_page(request))
            record(AuditAction.SIGN_IN_FAILED, actor=email, ip_address=address)
            problem = "Enter a correct email address and password"
        form.add_error(None, problem)
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": _next_page(request)},
        status=400 if form.errors else 200,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Sign out (a form button, so no other site can sign you out)."""
    if request.user.is_authenticated:
        record(AuditAction.SIGN_OUT, viewer=viewer_of(request), ip_address=client_address(request))
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("pages:home-show")


TOKEN_REQUESTS_KEY = "careforce_token_requests"
"""Session key of the token-creation requests already carried out (identifiers only)."""
TOKEN_REQUESTS_KEPT = 20
"""How many of those identifiers a session remembers."""


def _account_page(
    request: HttpRequest, *, form: TokenForm, new_secret: str | None = None, status: int = 200
) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "accounts/account.html",
        {
            "user": user,
            "organisation": organisation_name(user.organisation_id),
            "tokens": accounts.active_tokens(user),
            "token_form": form,
            "new_secret": new_secret,
        },
        status=status,
    )


@sign_in_required
def account(request: HttpRequest) -> HttpResponse:
    """Your details, your password and your API tokens."""
    return _account_page(request, form=TokenForm())


@sign_in_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    """Change your password."""
    user = signed_in_user(request)
    form = PasswordChangeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        accounts.change_password(user, form.cleaned_data["new"])
        update_session_auth_hash(request, user)
        record(
            AuditAction.PASSWORD_CHANGE,
            viewer=viewer_of(request),
            ip_address=client_address(request),
        )
        messages.success(request, "Your password has been changed.")
        return redirect("accounts:account-show")
    return render(
        request, "accounts/password.html", {"form": form}, status=400 if form.errors else 200
    )


@sign_in_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Create an API token; its secret is shown once, in this response (never stored: only its
    digest is kept, and the page is not cached)."""
    user = signed_in_user(request)
    form = TokenForm(request.POST)
    if not form.is_valid():
        return _account_page(request, form=form, status=400)
    request_id = form.cleaned_data["request_id"]
    done: list[str] = request.session.get(TOKEN_REQUESTS_KEY, [])
    if request_id and request_id in done:
        messages.info(
            request,
            "That token was created already, and its secret shown once. If you did not copy "
            "it, revoke it and create another.",
        )
        return redirect("accounts:account-show")
    token, secret = accounts.create_token(user, form.cleaned_data["name"])
    if request_id:
        request.session[TOKEN_REQUESTS_KEY] = [*done, request_id][-TOKEN_REQUESTS_KEPT:]
    record(
        AuditAction.TOKEN_CREATE,
        viewer=viewer_of(request),
        object_type="token",
        object_id=token.pk,
        ip_address=client_address(request),
    )
    return _account_page(request, form=TokenForm(), new_secret=secret, status=201)


@sign_in_required
@require_POST
def token_delete(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of your API tokens (another user's token answers 404)."""
    try:
        token = accounts.revoke_token(signed_in_user(request), token_id)
    except NotVisibleError as error:
        raise Http404("no such token") from error
    record(
        AuditAction.TOKEN_REVOKE,
        viewer=viewer_of(request),
        object_type="token",
        object_id=token.pk,
        ip_address=client_address(request),
    )
    messages.success(request, f"The token ‘{token.name}’ has been revoked.")
    return redirect("accounts:account-show")


@roles_required(Role.ADMINISTRATOR)
def user_list(request: HttpRequest) -> HttpResponse:
    """Every user (administrators)."""
    page = Paginator(accounts.users(), USERS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page})


def _details(form: UserForm) -> accounts.UserDetails:
    data = form.cleaned_data
    return accounts.UserDetails(
        full_name=data["full_name"],
        email=data["email"],
        role=data["role"],
        organisation_id=data["organisation"],
        is_active=data["is_active"],
        password=data.get("password") or "",
    )


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    """Add a user (administrators)."""
    form = UserForm(request.POST or None, organisations=organisation_choices())
    if request.method == "POST" and form.is_valid():
        user = accounts.save_user(None, _details(form))
        record(
            AuditAction.USER_CREATE,
            viewer=viewer_of(request),
            organisation_id=user.organisation_id,
            object_type="user",
            object_id=user.pk,
            ip_address=client_address(request),
            detail={"role": user.role},
        )
        messages.success(request, f"{user.full_name} can now sign in.")
        return redirect("accounts:user-list")
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "editing": None},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR)
@require_http_methods(["GET", "POST"])
def user_update(request: HttpRequest, user_id: int) -> HttpResponse:
    """Change a user's details, role, organisation or access (administrators)."""
    try:
        user = accounts.user(user_id)
    except NotVisibleError as error:
        raise Http404("no such user") from error
    initial = {
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role,
        "organisation": user.organisation_id,
        "is_active": user.is_active,
    }
    form = UserForm(
        request.POST or None, initial=initial, organisations=organisation_choices(), editing=user
    )
    if request.method == "POST" and form.is_valid():
        if user.pk == request.user.pk and (
            not form.cleaned_data["is_active"] or form.cleaned_data["role"] != user.role
        ):
            form.add_error(None, "You cannot remove your own access or change your own role")
        else:
            accounts.save_user(user, _details(form))
            record(
                AuditAction.USER_UPDATE,
                viewer=viewer_of(request),
                organisation_id=user.organisation_id,
                object_type="user",
                object_id=user.pk,
                ip_address=client_address(request),
                detail={"role": user.role, "active": user.is_active},
            )
            messages.success(request, f"{user.full_name}’s details have been saved.")
            return redirect("accounts:user-list")
    return render(
        request,
        "accounts/user_form.html",
        {"form": form, "editing": user},
        status=400 if form.errors else 200,
    )


@roles_required(Role.ADMINISTRATOR)
def audit_list(request: HttpRequest) -> HttpResponse:
    """The audit log, newest first (administrators)."""
    form = AuditFilterForm(request.GET or None)
    if form.is_valid():
        events = audit_events(action=form.cleaned_data.get("action") or None)
    elif form.is_bound:
        raise Http404("no such action")
    else:
        events = audit_events()
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "accounts/audit_list.html", {"page": page, "form": form})
