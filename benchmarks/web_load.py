"""Benchmark: the web service under load.

Starts ``careforce web serve --demo`` (the whole Staffordshire demo unless ``--scale`` says
otherwise) on the loopback address, then runs 20 simulated users for 60 seconds. Each user
repeatedly picks a request: a measure page (with a random period and filter), the overview,
API calls (public measure values, and uploads, findings and snapshots with an administrator's
token), CSV and ODS downloads, and a provider's benchmarks page (signed in). Prints the number
of requests, errors, throughput and latency percentiles, overall and per kind of request.

Target: no errors, 95th percentile latency under 300 ms.

Run: ``.venv/bin/python benchmarks/web_load.py [--users 20] [--seconds 60] [--scale 1.0]``
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TARGET_P95_MS = 300.0
"""The 95th percentile of response times must be under this."""
START_SECONDS = 600
"""How long the demo may take to build and start."""
WARM_UP_SECONDS = 5
"""Requests in the first seconds are not counted (each worker loads the publication once)."""
MEASURES = (
    "filled_posts",
    "vacancies",
    "vacancy_rate",
    "turnover_rate",
    "starters_rate",
    "sickness_days_per_worker",
    "hourly_pay_median",
    "annual_pay_fte_median",
    "care_certificate_share",
    "relevant_qualification_share",
    "workforce_share",
    "contract_share",
)
"""Measures the simulated users look at."""
FILTERS = (
    {},
    {"period": "2020/21"},
    {"sector": "independent"},
    {"service_group": "home care"},
    {"service_group": "residential"},
    {"job_role": "key_role:care worker"},
)
"""Filters they choose."""
ACCOUNT = re.compile(
    r"(administrator|analyst|provider)\s*│\s*(\S+@demo\.careforce\.example)\s*│\s*(\S+)\s*│"
)
"""A row of the printed table of demo accounts."""
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
"""The CSRF token of a form."""
TOKEN = re.compile(r'<span class="careforce-code">([^<]+)</span>')
"""A new API token on the account page."""


@dataclass
class Results:
    """Response times and errors, by kind of request."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            if error:
                self.errors[kind].append(error)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _start(args: argparse.Namespace, folder: Path) -> tuple[subprocess.Popen[bytes], str, str]:
    port = args.port or _free_port()
    log = folder / "server.log"
    command = [
        str(Path(sys.executable).parent / "careforce"), "web", "serve", "--demo",
        "--scale", str(args.scale), "--port", str(port), "--data-dir", str(folder / "demo"),
        "--workers", str(args.workers), "--threads", str(args.threads),
    ]  # fmt: skip
    environment = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    environment.pop("DATABASE_URL", None)
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=environment,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    while time.monotonic() - started < START_SECONDS:
        if process.poll() is not None:
            raise SystemExit(f"the service stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=2) as response:
                if response.status == 200:
                    print(f"Demo built and serving after {time.monotonic() - started:.0f} s")
                    return process, base, log.read_text()
        except OSError:
            time.sleep(0.5)
    raise SystemExit("the service did not start in time")


def _signed_in(base: str, email: str, password: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{base}/sign-in/") as response:
        token = CSRF.search(response.read().decode())
    assert token is not None
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "email": email, "password": password}
    ).encode()
    request = urllib.request.Request(
        f"{base}/sign-in/", data=data, headers={"Referer": f"{base}/sign-in/"}
    )
    with opener.open(request) as response:
        assert f"Signed in as {email}" in response.read().decode(), "sign-in failed"
    return opener


def _api_token(base: str, opener: urllib.request.OpenerDirector) -> str:
    with opener.open(f"{base}/account/") as response:
        token = CSRF.search(response.read().decode())
    assert token is not None
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "name": "load test"}
    ).encode()
    request = urllib.request.Request(
        f"{base}/account/tokens/", data=data, headers={"Referer": f"{base}/account/"}
    )
    with opener.open(request) as response:
        found = TOKEN.search(response.read().decode())
    assert found is not None, "no token shown"
    return found.group(1)


def _user(
    number: int,
    base: str,
    provider: urllib.request.OpenerDirector,
    token: str,
    ids: dict[str, list[int]],
    results: Results,
    stop: threading.Event,
    counting: threading.Event,
) -> None:
    rng = random.Random(number)
    public = urllib.request.build_opener()

    def request(
        kind: str,
        opener: urllib.request.OpenerDirector,
        path: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        started = time.perf_counter()
        error = None
        try:
            with opener.open(
                urllib.request.Request(base + path, headers=headers or {}), timeout=30
            ) as response:
                response.read()
                if response.status != 200:
                    error = f"{response.status} {path}"
        except (urllib.error.URLError, OSError) as failure:
            error = f"{failure} {path}"
        if counting.is_set():
            results.add(kind, time.perf_counter() - started, error)

    auth = {"Authorization": f"Token {token}"}
    while not stop.is_set():
        measure = rng.choice(MEASURES)
        query = urllib.parse.urlencode(rng.choice(FILTERS))
        choice = rng.random()
        if choice < 0.30:
            request("measure page", public, f"/measures/{measure}/?{query}")
        elif choice < 0.40:
            request("overview", public, f"/measures/?{query}")
        elif choice < 0.55:
            request("API values", public, f"/api/v1/measures/{measure}/values?breakdown=total")
        elif choice < 0.65:
            kind, path = rng.choice(
                [
                    ("API records", "/api/v1/uploads"),
                    ("API records", "/api/v1/snapshots"),
                    (
                        "API records",
                        f"/api/v1/uploads/{rng.choice(ids['uploads'])}/findings?page_size=100",
                    ),
                ]
            )
            request(kind, public, path, auth)
        elif choice < 0.75:
            request("CSV download", public, f"/measures/{measure}/download.csv?{query}")
        elif choice < 0.80:
            request("ODS download", public, f"/measures/{measure}/download.ods?{query}")
        elif choice < 0.88:
            request("benchmarks", provider, "/benchmarks/")
        elif choice < 0.94:
            outcome = rng.choice(["", "1/", "2/", "3/", "4/"])
            request("outcomes", public, f"/outcomes/{outcome}")
        else:
            action = rng.choice(["", "1.1/", "3.1/", "5.2/", "8.3/"])
            request("action plan", public, f"/action-plan/{action}")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="careforce-web-load-") as temporary:
        process, base, output = _start(args, Path(temporary))
        try:
            accounts: dict[str, tuple[str, str]] = {}
            for role, email, password in ACCOUNT.findall(output):
                accounts.setdefault(role, (email, password))
            admin = _signed_in(base, *accounts["administrator"])
            token = _api_token(base, admin)
            provider = _signed_in(base, *accounts["provider"])
            with urllib.request.urlopen(
                urllib.request.Request(
                    f"{base}/api/v1/uploads", headers={"Authorization": f"Token {token}"}
                )
            ) as response:
                ids = {
                    "uploads": [upload["id"] for upload in json.loads(response.read())["results"]]
                }
            results = Results()
            stop, counting = threading.Event(), threading.Event()
            users = [
                threading.Thread(
                    target=_user,
                    args=(n, base, provider, token, ids, results, stop, counting),
                    daemon=True,
                )
                for n in range(args.users)
            ]
            for user in users:
                user.start()
            time.sleep(WARM_UP_SECONDS)
            counting.set()
            started = time.monotonic()
            time.sleep(args.seconds)
            stop.set()
            elapsed = time.monotonic() - started
            for user in users:
                user.join(timeout=60)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    every = [t for times in results.times.values() for t in times]
    errors = sum(len(e) for e in results.errors.values())
    print(
        f"\n{args.users} users for {elapsed:.0f} s on loopback "
        f"({args.workers} workers × {args.threads} threads, demo scale {args.scale}), "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    print(
        f"{'Requests':<16}{'count':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    )
    for kind in sorted(results.times):
        times = results.times[kind]
        print(
            f"{kind:<16}{len(times):>8}{len(results.errors[kind]):>8}{_percentile(times, 0.5):>9.0f}"
            f"{_percentile(times, 0.95):>9.0f}{_percentile(times, 0.99):>9.0f}{max(times) * 1000:>9.0f}"
        )
    p95 = _percentile(every, 0.95)
    print(
        f"{'all':<16}{len(every):>8}{errors:>8}{_percentile(every, 0.5):>9.0f}{p95:>9.0f}"
        f"{_percentile(every, 0.99):>9.0f}{max(every) * 1000:>9.0f}"
    )
    print(
        f"Throughput: {len(every) / elapsed:.0f} requests/s; mean {statistics.mean(every) * 1000:.0f} ms"
    )
    for kind, found in results.errors.items():
        for error in found[:3]:
            print(f"  error ({kind}): {error}")
    met = errors == 0 and p95 < TARGET_P95_MS
    print(f"Target (no errors, p95 < {TARGET_P95_MS:.0f} ms): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
