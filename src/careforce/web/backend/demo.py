"""Use case: a demonstration of the web service with the Staffordshire demo data.

Builds a fresh database in a demo folder, generates the Staffordshire demo data, loads it
through the same use cases as a real upload (an administrator uploads each year's ASC-WDS
files for the council, they are validated, organisations are created from the workplaces'
providers, and the files are accepted), estimates the whole sector from each year's CQC
register (in the estimates folder the service reads in a demo folder), publishes the measures
with the estimates, derives the demo's projection
from them with its training supply file (in the projections folder the projections pages read)
and creates demo accounts: an administrator, a partner analyst and users of two provider
organisations.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import polars as pl
from django.db.models import Count

from careforce.io.csv_text import write_csv
from careforce.io.datasets import read_text_table
from careforce.io.raw_files import file_chunks
from careforce.services.demo_data import (
    DEFAULT_SEED,
    ENROLMENTS_FILE,
    DemoDataManifest,
    generate_demo_data,
)
from careforce.services.demo_pipeline import demo_comparators, demo_estimates, demo_labour
from careforce.services.demo_projections import write_demo_projections
from careforce.services.estimates import EstimatesInputError
from careforce.services.indicators import ESTIMATES_FILE
from careforce.services.projections import ProjectionInputError
from careforce.services.survey import write_demo_exports
from careforce.web.backend.access import Viewer
from careforce.web.backend.appendix import POPULATION_FILE
from careforce.web.backend.jobs import run_pending
from careforce.web.backend.organisations import create_organisations_from_workplaces
from careforce.web.backend.publications import current_publication, publication_file
from careforce.web.backend.survey import import_export_into_round, load_baseline
from careforce.web.backend.uploads import IncomingFile, accept_upload, create_upload, media_root
from careforce.web.models.accounts.models import User
from careforce.web.models.accounts.terms import Role
from careforce.web.models.organisations.models import Organisation
from careforce.web.models.organisations.terms import OrganisationKind
from careforce.web.models.uploads.terms import Source, UploadStatus

Progress = Callable[[str], None]
"""Called with a description of each step."""

ESTIMATES_FOLDER: Final = "estimates"
"""The demo's whole-sector estimates in the demo folder (the service's ``CAREFORCE_ESTIMATES``
in demo mode)."""
DEMO_PROFILE: Final = "staffordshire"
"""The demo data profile."""
COUNCIL_NAME: Final = "Staffordshire County Council"
"""The council of the demo."""
AREA_CODE: Final = "E10000028"
"""ONS code of Staffordshire."""
AREA_NAME: Final = "Staffordshire"
"""Name of the area."""
PROVIDER_USERS: Final = 2
"""Provider organisations given a demo user."""
PASSWORD_BYTES: Final = 12
"""Random bytes in each demo password."""


@dataclass(frozen=True)
class DemoAccount:
    """A demo account and how to sign in with it."""

    role: Role
    email: str
    password: str
    organisation: str


@dataclass(frozen=True)
class DemoSite:
    """What the demo built."""

    data_dir: Path
    accounts: tuple[DemoAccount, ...]
    snapshots: int
    organisations: int


def _password() -> str:
    return secrets.token_urlsafe(PASSWORD_BYTES)


def _create_user(
    email: str, name: str, role: Role, organisation: Organisation | None = None
) -> DemoAccount:
    password = _password()
    User.objects.create_user(
        email=email, password=password, full_name=name, role=role.value, organisation=organisation
    )
    return DemoAccount(role, email, password, getattr(organisation, "name", ""))


def _estimate_the_sector(
    data_dir: Path, manifest: DemoDataManifest, ingested: list[Path], say: Progress
) -> Path | None:
    """The demo's whole-sector estimates, for every year with a CQC register, in the folder the
    service reads (``CAREFORCE_ESTIMATES`` of a demo folder): every year's published rows in its
    ``estimates.csv`` (published with the measures) and, beside them, the latest year's run (its
    locations, those not returned and its summary, for the analysts' coverage page)."""
    folder = data_dir / ESTIMATES_FOLDER
    try:
        estimated = demo_estimates(data_dir / "demo-data", manifest, ingested, folder)
    except EstimatesInputError as error:
        # e.g. a tiny demo without a return
        say(f"The whole sector was not estimated: {error}")
        return None
    (latest,) = estimated.latest().values()
    for path in latest.files:
        if path.name != ESTIMATES_FILE:
            shutil.copyfile(path, folder / path.name)
    return folder


def _with_estimates(published: Path, estimates: Path, data_dir: Path) -> Path:
    """The published measures with the demo's whole-sector estimates beside them (once: a
    publication made with the estimates holds them already), as ``careforce demo run`` derives
    its projection from: the base workforce is the estimated whole sector of the latest year
    with a CQC register (2023/24), not the returns alone (about half the county's workplaces),
    so the web demo's projection is the command line's."""
    rows = read_text_table(estimates / ESTIMATES_FILE)
    measures = rows.get_column("measure_id").unique().implode()
    combined = pl.concat(
        [read_text_table(published).filter(~pl.col("measure_id").is_in(measures)), rows],
        how="diagonal_relaxed",
    )
    target = data_dir / "projections-input" / "indicators.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_csv(target, combined)
    return target


def _ascwds_years(manifest_files: tuple[object, ...]) -> dict[str, tuple[str, list[str]]]:
    years: dict[str, tuple[str, list[str]]] = {}
    for entry in manifest_files:
        dataset = str(getattr(entry, "dataset", ""))
        if not dataset.startswith("ascwds-"):
            continue
        year = str(entry.year)  # type: ignore[attr-defined]
        date = str(entry.reference_date)  # type: ignore[attr-defined]
        years.setdefault(year, (date, []))[1].append(str(entry.path))  # type: ignore[attr-defined]
    return dict(sorted(years.items()))


def build_demo(
    *,
    data_dir: Path,
    scale: float = 1.0,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
) -> DemoSite:
    """Fill a freshly migrated database with the demo (Django must be set up, with jobs in
    ``manual`` mode so that each step finishes before the next).

    Args:
        data_dir: the demo folder (the demo data are generated under ``demo-data``).
        scale: size of the demo data (1 = the whole county; smaller for quick trials).
        seed: seed of the demo data.
        progress: told what is being done.
    """

    def say(text: str) -> None:
        if progress is not None:
            progress(text)

    say("Generating the Staffordshire demo data")
    manifest = generate_demo_data(DEMO_PROFILE, data_dir / "demo-data", seed=seed, scale=scale)
    say("Computing the labour-market measures")
    demo_labour(data_dir / "demo-data", data_dir / "labour", areas={AREA_CODE: AREA_NAME})
    organisations = Organisation.objects
    council = organisations.create(
        name=COUNCIL_NAME,
        kind=OrganisationKind.COUNCIL.value,
        area_code=AREA_CODE,
        area_name=AREA_NAME,
    )
    accounts = [
        _create_user("admin@demo.careforce.example", "Alex Administrator", Role.ADMINISTRATOR)
    ]
    admin = User.objects.get(email=accounts[0].email)
    viewer = Viewer(user_id=admin.pk, role=Role.ADMINISTRATOR, email=admin.email)
    comparators = demo_comparators(data_dir / "labour")
    create_upload(
        viewer=viewer,
        organisation_id=council.pk,
        source=Source.COMPARATORS,
        files=[IncomingFile(comparators.name, file_chunks(comparators))],
        reference_date=None,
    )
    snapshots = 0
    ingested: list[Path] = []
    for year, (reference_date, paths) in _ascwds_years(manifest.files).items():
        say(f"Uploading and checking the ASC-WDS files for {year}")
        upload = create_upload(
            viewer=viewer,
            organisation_id=council.pk,
            source=Source.ASCWDS,
            files=[
                IncomingFile(Path(p).name, file_chunks(data_dir / "demo-data" / p)) for p in paths
            ],
            reference_date=dt.date.fromisoformat(reference_date),
        )
        run_pending()
        upload.refresh_from_db()
        if upload.status != UploadStatus.VALID:
            raise RuntimeError(
                f"the demo files for {year} did not validate: {upload.status} {upload.message}"
            )
        ingested.append(media_root() / upload.output)
        say(f"Creating organisations from the {year} workplaces")
        create_organisations_from_workplaces(
            viewer=viewer, upload=upload, directory=media_root() / upload.output
        )
        say(f"Accepting the {year} files")
        accept_upload(viewer=viewer, upload_id=upload.pk)
        snapshots += 1
    say("Estimating the whole sector from each year's CQC register")
    estimates = _estimate_the_sector(data_dir, manifest, ingested, say)
    say("Publishing the measures")
    run_pending()
    publication = current_publication()
    if publication is not None and estimates is not None:
        say("Deriving the demo's projection from the published measures")
        # The appendix cites the population driving demand from the projections folder.
        (data_dir / "projections").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(
            data_dir / "demo-data" / "population" / "population.csv",
            data_dir / "projections" / POPULATION_FILE,
        )
        try:
            write_demo_projections(
                indicators=_with_estimates(
                    publication_file(publication, "csv")[0], estimates, data_dir
                ),
                population=data_dir / "demo-data" / "population" / "population.csv",
                enrolments=data_dir / "demo-data" / ENROLMENTS_FILE,
                out=data_dir / "projections",
                area_code=AREA_CODE,
            )
        except ProjectionInputError as error:
            # e.g. a tiny demo whose cells are all withheld
            say(f"The demo's projection was not derived: {error}")
    providers = (
        organisations.filter(kind=OrganisationKind.PROVIDER.value)
        .annotate(size=Count("workplaces"))
        .order_by("-size", "name")[:PROVIDER_USERS]
    )
    for number, organisation in enumerate(providers, start=1):
        accounts.append(
            _create_user(
                f"provider{number}@demo.careforce.example",
                f"Provider User {number}",
                Role.PROVIDER,
                organisation,
            )
        )
    accounts.insert(1, _create_user("analyst@demo.careforce.example", "Ana Analyst", Role.ANALYST))
    say("Importing the workforce survey rounds")
    for questionnaire, name, export in write_demo_exports(
        data_dir / "demo-data" / "survey", seed=seed
    ):
        import_export_into_round(
            questionnaire_name=questionnaire, round_name=name, responses=export
        )
    say("Loading the published 2022 survey baseline")
    load_baseline()
    return DemoSite(
        data_dir=data_dir,
        accounts=tuple(accounts),
        snapshots=snapshots,
        organisations=organisations.count(),
    )
