"""Fixtures for the web service's tests (a pytest plugin named in tests/conftest.py).

``site`` is built once per test run, straight after the test database, through the same
services as real uploads: a council, two providers each with an accepted ASC-WDS upload of
their own workplaces (from the generated demo data), one provider upload with errors, stored
comparator values and a publication of the measures. Tests using ``db`` see it and roll back
their own changes; tests using a live server build their own data.

pytest loads this plugin before Django is set up: what imports the data model (the web back
end, the models) is imported inside the functions that use it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cssselect2
import pytest
import tinyhtml5
from django.test import Client

from careforce.services.demo_data import generate_demo_data
from careforce.web.backend.access import Viewer
from careforce.web.models.accounts.terms import Role
from careforce.web.models.uploads.terms import Source

if TYPE_CHECKING:
    from careforce.web.backend.uploads import IncomingFile

PASSWORD = "correct horse battery staple"
"""Password of every test user (long enough for the password validators)."""
SCALE = 0.03
"""Size of the generated demo data (about 20 workplaces and 550 staff records)."""
PROVIDER_A_WORKPLACES = 12
"""Provider A runs the first 12 workplaces of the demo data; provider B the rest."""
REFERENCE_DATES = {"2020-21": dt.date(2021, 3, 31), "2021-22": dt.date(2022, 3, 31)}
"""Reference dates of the demo data's years."""
FILES = ("workplace.csv", "staff.csv", "training.csv")
"""The ASC-WDS files of a year."""


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode())
    return path


def workplace_ids(year_folder: Path) -> list[str]:
    """The workplace references of a year's workplace file, in file order."""
    return [row[0] for row in _rows(year_folder / "workplace.csv")[1:]]


def split_file_set(year_folder: Path, target: Path, workplaces: set[str]) -> list[Path]:
    """The rows of some workplaces of a year's files, as a file set of their own."""
    paths = []
    for name in FILES:
        rows = _rows(year_folder / name)
        paths.append(_write(target / name, [rows[0], *[r for r in rows[1:] if r[0] in workplaces]]))
    return paths


def with_errors(files: list[Path], target: Path) -> list[Path]:
    """The same file set with two errors in the staff file: an unknown job role code on line 4
    and an employment status that is not a code on line 6."""
    paths = []
    for path in files:
        rows = _rows(path)
        if path.name == "staff.csv":
            header = rows[0]
            rows[3][header.index("MAINJOBROLE")] = "99"
            rows[5][header.index("EMPLSTATUS")] = "X"
        paths.append(_write(target / path.name, rows))
    return paths


def incoming(paths: list[Path]) -> list[IncomingFile]:
    """Files on disk as the upload service takes them."""
    from careforce.web.backend.uploads import IncomingFile  # noqa: PLC0415

    return [IncomingFile(path.name, iter([path.read_bytes()])) for path in paths]


def wait_until(condition: Callable[[], object], *, timeout: float, interval: float = 0.25) -> bool:
    """Poll until a condition holds (for background jobs); False when it never did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return False


@pytest.fixture(scope="session")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Staffordshire demo data at a small scale (generated once per run)."""
    folder = tmp_path_factory.mktemp("demo-data")
    # Every workplace's files: the providers' uploads are split from them.
    generate_demo_data("staffordshire", folder, scale=SCALE, every_location_returns=True)
    return folder


@pytest.fixture(scope="session")
def web_key(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """A pseudonymisation key file for the run (never the one in the home folder)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("CAREFORCE_KEY_FILE", str(tmp_path_factory.mktemp("key") / "secret.key"))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def provider_files(demo_files: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each provider's own file sets, by year, and provider A's 2021-22 files with errors."""
    target = tmp_path_factory.mktemp("provider-files")
    sets: dict[str, Any] = {}
    for year in REFERENCE_DATES:
        folder = demo_files / "ascwds" / year
        ids = workplace_ids(folder)
        first, rest = set(ids[:PROVIDER_A_WORKPLACES]), set(ids[PROVIDER_A_WORKPLACES:])
        sets[f"a/{year}"] = split_file_set(folder, target / "a" / year, first)
        sets[f"b/{year}"] = split_file_set(folder, target / "b" / year, rest)
        sets[f"all/{year}"] = [folder / name for name in FILES]
    sets["a/2021-22/errors"] = with_errors(sets["a/2021-22"], target / "a" / "2021-22-errors")
    return sets


@dataclass(frozen=True)
class Site:
    """What ``site`` built (ids; the rows are in the test database)."""

    council: int
    provider_a: int
    provider_b: int
    users: dict[str, int]
    upload_a: int
    upload_b: int
    upload_a_errors: int
    upload_comparators: int
    snapshot_a: int
    snapshot_b: int
    publication: int

    def user(self, role: str) -> Any:
        """The user of a role: administrator, analyst, provider_a or provider_b."""
        from careforce.web.models.accounts.models import User  # noqa: PLC0415

        return User.objects.get(pk=self.users[role])


def build_site(provider_files: dict[str, Any]) -> Site:
    """Organisations, users, uploads, snapshots and a publication, through the services."""
    from careforce.web.backend.jobs import run_pending  # noqa: PLC0415
    from careforce.web.backend.publications import current_publication  # noqa: PLC0415
    from careforce.web.backend.uploads import accept_upload, create_upload  # noqa: PLC0415
    from careforce.web.models.accounts.models import User  # noqa: PLC0415
    from careforce.web.models.organisations.models import Organisation  # noqa: PLC0415

    organisations = Organisation.objects
    council = organisations.create(
        name="Staffordshire County Council",
        kind="council",
        area_code="E10000028",
        area_name="Staffordshire",
    )
    provider_a = organisations.create(
        name="Alder Care Group", kind="provider", area_code="E10000028", area_name="Staffordshire"
    )
    provider_b = organisations.create(
        name="Birch Homes", kind="provider", area_code="E10000028", area_name="Staffordshire"
    )
    people = {
        "administrator": ("admin@test.example", Role.ADMINISTRATOR, None),
        "analyst": ("analyst@test.example", Role.ANALYST, None),
        "provider_a": ("alder@test.example", Role.PROVIDER, provider_a),
        "provider_b": ("birch@test.example", Role.PROVIDER, provider_b),
    }
    users = {}
    for role, (email, kind, organisation) in people.items():
        user = User.objects.create_user(
            email=email,
            password=PASSWORD,
            full_name=role.replace("_", " ").title(),
            role=kind.value,
            organisation=organisation,
        )
        users[role] = user.pk

    def viewer(role: str) -> Viewer:
        return Viewer.of(User.objects.get(pk=users[role]))

    comparators = Path(str(resources.files("careforce.data").joinpath("demo", "comparators.csv")))
    stored = create_upload(
        viewer=viewer("administrator"),
        organisation_id=council.pk,
        source=Source.COMPARATORS,
        files=incoming([comparators]),
        reference_date=None,
    )
    uploads = {}
    for key, role, organisation in (
        ("a/2020-21", "provider_a", provider_a),
        ("b/2020-21", "provider_b", provider_b),
    ):
        uploads[key] = create_upload(
            viewer=viewer(role),
            organisation_id=organisation.pk,
            source=Source.ASCWDS,
            files=incoming(provider_files[key]),
            reference_date=REFERENCE_DATES["2020-21"],
        )
    errors = create_upload(
        viewer=viewer("provider_a"),
        organisation_id=provider_a.pk,
        source=Source.ASCWDS,
        files=incoming(provider_files["a/2021-22/errors"]),
        reference_date=REFERENCE_DATES["2021-22"],
    )
    run_pending()
    snapshot_a = accept_upload(viewer=viewer("provider_a"), upload_id=uploads["a/2020-21"].pk)
    snapshot_b = accept_upload(viewer=viewer("administrator"), upload_id=uploads["b/2020-21"].pk)
    run_pending()
    publication = current_publication()
    assert publication is not None
    assert publication.rows > 0
    return Site(
        council=council.pk,
        provider_a=provider_a.pk,
        provider_b=provider_b.pk,
        users=users,
        upload_a=uploads["a/2020-21"].pk,
        upload_b=uploads["b/2020-21"].pk,
        upload_a_errors=errors.pk,
        upload_comparators=stored.pk,
        snapshot_a=snapshot_a.pk,
        snapshot_b=snapshot_b.pk,
        publication=publication.pk,
    )


@pytest.fixture(scope="session")
def site(
    django_db_setup: None,
    django_db_blocker: Any,
    provider_files: dict[str, Any],
    web_key: None,
) -> Site:
    """The shared test site, built once in the test database."""
    with django_db_blocker.unblock():
        return build_site(provider_files)


@pytest.fixture
def client_as(db: None, site: Site) -> Callable[[str], Any]:
    """A test client signed in as a role of ``site`` (``public`` for nobody)."""

    def make(role: str) -> Client:
        client = Client()
        if role != "public":
            client.force_login(site.user(role))
        return client

    return make


class Page:
    """An HTML page, queried with CSS selectors (as GOV.UK's own tests do)."""

    def __init__(self, html: str | bytes) -> None:
        text = html.decode() if isinstance(html, bytes) else html
        self.html = text
        self.root = cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(text))

    def all(self, selector: str) -> list[Any]:
        """Every element matching the selector."""
        return list(self.root.query_all(selector))

    def one(self, selector: str) -> Any:
        """The first element matching the selector (fails when there is none)."""
        found = self.root.query(selector)
        assert found is not None, f"no element matches {selector!r}"
        return found

    def text(self, selector: str) -> str:
        """The text of the first element matching the selector, spaces collapsed."""
        return " ".join("".join(self.one(selector).etree_element.itertext()).split())

    def texts(self, selector: str) -> list[str]:
        """The text of every element matching the selector, spaces collapsed."""
        return [" ".join("".join(e.etree_element.itertext()).split()) for e in self.all(selector)]

    def table(self, selector: str = ".govuk-table") -> list[list[str]]:
        """The body rows of a table (each a list of cell texts)."""
        table = self.one(selector)
        return [
            [
                " ".join("".join(cell.etree_element.itertext()).split())
                for cell in row.query_all("th, td")
            ]
            for row in table.query_all("tbody tr")
        ]


def page_of(response: Any) -> Page:
    """The page a test client response holds."""
    return Page(response.content)
