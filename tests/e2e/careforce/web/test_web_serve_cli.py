"""``careforce web serve --demo`` end to end: the command builds the demo, prints the demo
accounts and serves; a demo provider signs in over HTTP and sees its uploads, and the API
answers with the published measures."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("web_serve_cli")]

CAREFORCE = Path(sys.executable).parent / "careforce"
"""The installed command."""
START_SECONDS = 240
"""How long the demo may take to build and start serving (at a small scale)."""
ACCOUNT = re.compile(
    r"(administrator|analyst|provider)\s*│\s*(\S+@demo\.careforce\.example)\s*│\s*(\S+)\s*│"
)
"""A row of the printed table of demo accounts."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The demo, served on a free port; yields its address and everything it printed."""
    folder = tmp_path_factory.mktemp("web-demo")
    port = _free_port()
    log = folder / "output.log"
    environment = {
        **os.environ,
        "COLUMNS": "80",  # a usual terminal: the accounts must still be printed whole
        "NO_COLOR": "1",
        "CAREFORCE_SECRET_KEY": "e2e-web-demo",
    }
    environment.pop("DATABASE_URL", None)
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(CAREFORCE), "web", "serve", "--demo", "--scale", "0.02", "--port", str(port),
             "--data-dir", str(folder / "demo"), "--workers", "1", "--threads", "4"],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"the demo did not start: {log.read_text()}")
        yield base, log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def _accounts(output: str) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for role, email, password in ACCOUNT.findall(output):
        found.setdefault(
            role if role != "provider" or role not in found else "provider2", (email, password)
        )
    return found


class TestWebServeDemo:
    def test_prints_the_demo_accounts(self, demo_server: tuple[str, str]) -> None:
        _, output = demo_server
        accounts = _accounts(output)
        assert set(accounts) == {"administrator", "analyst", "provider", "provider2"}
        assert "Serving on http://127.0.0.1:" in output

    def test_provider_signs_in_and_sees_its_pages(self, demo_server: tuple[str, str]) -> None:
        base, output = demo_server
        email, password = _accounts(output)["provider"]
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(f"{base}/sign-in/") as response:
            form = response.read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert token is not None
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "email": email, "password": password}
        ).encode()
        request = urllib.request.Request(
            f"{base}/sign-in/", data=data, headers={"Referer": f"{base}/sign-in/"}
        )
        with opener.open(request) as response:
            assert f"Signed in as {email}" in response.read().decode()
        with opener.open(f"{base}/benchmarks/") as response:
            page = response.read().decode()
        assert "How your workplace compares" in page

    def test_api_serves_the_published_measures(self, demo_server: tuple[str, str]) -> None:
        base, _ = demo_server
        with urllib.request.urlopen(
            f"{base}/api/v1/measures/filled_posts/values?breakdown=total"
        ) as response:
            body = json.loads(response.read())
        assert sorted(value["period"] for value in body["results"]) == [
            "2020/21",
            "2021/22",
            "2022/23",
            "2023/24",
        ]

    def test_static_files_are_served(self, demo_server: tuple[str, str]) -> None:
        base, _ = demo_server
        with urllib.request.urlopen(f"{base}/static/careforce/careforce.css") as response:
            assert response.headers["Content-Type"].startswith("text/css")
            assert b"govuk-" in response.read()
