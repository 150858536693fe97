"""URLs of accounts."""

from __future__ import annotations

from django.urls import path

from careforce.web.apps.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="session-create"),
    path("sign-out/", views.sign_out, name="session-delete"),
    path("account/", views.account, name="account-show"),
    path("account/password/", views.password_change, name="password-update"),
    path("account/tokens/", views.token_create, name="token-create"),
    path("account/tokens/<int:token_id>/revoke/", views.token_delete, name="token-delete"),
    path("users/", views.user_list, name="user-list"),
    path("users/new/", views.user_create, name="user-create"),
    path("users/<int:user_id>/", views.user_update, name="user-update"),
    path("audit/", views.audit_list, name="audit-list"),
]
