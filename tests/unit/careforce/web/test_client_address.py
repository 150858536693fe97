"""The client's address behind trusted reverse proxies (``CAREFORCE_TRUSTED_PROXIES``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import RequestFactory

from careforce.web.shared.access import client_address

pytestmark = pytest.mark.unit


def _request(forwarded: str | None = None) -> Any:
    headers = {"REMOTE_ADDR": "10.0.0.2"}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, None, "10.0.0.2"),
        (0, "198.51.100.7", "10.0.0.2"),
        (1, None, "10.0.0.2"),
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "203.0.113.99, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.99, 198.51.100.7, 10.0.0.1", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.2"),
        (1, "not-an-address", "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
    ids=[
        "no-proxy",
        "no-proxy-ignores-the-header",
        "proxy-without-header",
        "one-proxy",
        "one-proxy-client-spoofs-the-header",
        "two-proxies",
        "header-shorter-than-the-proxies",
        "not-an-address",
        "ipv6",
    ],
)
def test_client_address(settings: Any, proxies: int, forwarded: str | None, expected: str) -> None:
    settings.CAREFORCE_TRUSTED_PROXIES = proxies
    assert client_address(_request(forwarded)) == expected
