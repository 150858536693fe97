"""Time the whole-sector estimates for all of England and report how close they come.

Usage: ``python benchmarks/estimates.py [--locations 40000] [--seed N] [--keep DIR]``.

Writes a synthetic register of every council's locations in CQC's ODS layout, gives about half
of them a current return (fewer of the small services without beds, more of the care homes) and
some of the rest a return a year earlier, then times reading the register, matching, modelling,
cross-validation, the bootstrap and the published rows. Prints wall-clock time, peak memory, and
the estimated against the true total of filled posts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from careforce.core.disclosure.policy import DisclosurePolicy
from careforce.core.estimates.estimate import estimate
from careforce.core.estimates.tables import estimate_rows
from careforce.core.publishing.estimates import publish_estimates
from careforce.core.vocab.cqc_register import REGISTER_LAYOUT
from careforce.io.cqc_register_files import write_register_ods
from careforce.services.estimates import load_register
from careforce.synthetic.cqc_register import RegisterEntry, register_row
from careforce.synthetic.geography import ENGLAND_COUNCILS, REGIONS

REFERENCE = dt.date(2026, 9, 30)
COMMUNITY = ("domiciliary care", "supported living", "extra care housing", "shared lives")


def _plan(n: int, seed: int) -> tuple[list[RegisterEntry], pl.DataFrame, pl.DataFrame]:
    rng = np.random.default_rng(seed)
    population = np.array([c.population_thousands for c in ENGLAND_COUNCILS], dtype=float)
    council = rng.choice(len(ENGLAND_COUNCILS), n, p=population / population.sum())
    care_home = rng.random(n) < 0.4
    nursing = care_home & (rng.random(n) < 0.3)
    beds = np.where(care_home, rng.integers(6, 110, n), 0)
    ratings = np.array(["Outstanding", "Good", "Requires improvement", "Inadequate", "Not rated"])
    rating = rng.choice(len(ratings), n, p=[0.05, 0.7, 0.18, 0.02, 0.05])
    kind = rng.choice(len(COMMUNITY), n, p=[0.7, 0.2, 0.05, 0.05])
    effect = np.array([1.05, 1.0, 0.95, 0.9, 1.0])[rating]
    home_posts = beds * np.where(nursing, 1.55, 1.05) * effect * rng.lognormal(0, 0.15, n)
    size = np.array([3.4, 3.0, 2.8, 1.5])[kind]
    other_posts = rng.lognormal(size, 0.7, n)
    posts = np.maximum(1, np.round(np.where(care_home, home_posts, other_posts))).astype(int)
    # Who returns: more care homes, fewer small services without beds.
    p_return = np.where(care_home, 0.62, np.clip(0.2 + 0.12 * np.log1p(posts), 0.1, 0.7))
    returns_now = rng.random(n) < p_return
    returned_before = ~returns_now & (rng.random(n) < 0.15)
    entries, rows = [], []
    for i in range(n):
        c = ENGLAND_COUNCILS[council[i]]
        location_id = f"1-{100_000_000 + i * 7}"
        services = (
            ("care home with nursing" if nursing[i] else "care home without nursing",)
            + (("nursing care",) if nursing[i] else ())
            if care_home[i]
            else (COMMUNITY[kind[i]], "personal care")
        )
        entries.append(
            RegisterEntry(
                location_id=location_id,
                name=f"Location {i}",
                provider_id=f"1-{900_000_000 + i // 3}",
                provider_name=f"Provider {i // 3}",
                local_authority=c.name,
                region=REGIONS[c.region],
                care_home=bool(care_home[i]),
                beds=int(beds[i]),
                services=services,
                rating=str(ratings[rating[i]]),
            )
        )
        for snapshot, day, flag in (
            (0, REFERENCE, returns_now),
            (1, REFERENCE.replace(year=2025), returned_before),
        ):
            if flag[i]:
                rows.append(
                    {
                        "establishment_id": f"W{i}",
                        "snapshot": snapshot,
                        "reference_date": day,
                        "area_code": c.code,
                        "location_id": location_id,
                        "service_group": None,
                        "sector": "independent",
                        "filled_posts": int(posts[i]),
                        "vacancies": int(posts[i] * 0.08),
                        "starters": int(posts[i] * 0.3),
                        "leavers": int(posts[i] * 0.3),
                        "truth": int(posts[i]),
                    }
                )
    truth = pl.DataFrame({"location_id": [e.location_id for e in entries], "truth": posts})
    returns = pl.DataFrame(rows, schema_overrides={"service_group": pl.String})
    return entries, returns.drop("truth"), truth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, help="write the register here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="careforce-estimates-"))
    folder.mkdir(parents=True, exist_ok=True)
    entries, returns, truth = _plan(args.locations, args.seed)
    register = folder / "01_October_2026_HSCA_Active_Locations.ods"
    write_register_ods(
        register, REGISTER_LAYOUT, (register_row(e) for e in entries), as_at="01 October 2026"
    )
    roles = pl.DataFrame(
        {
            "establishment_id": returns["establishment_id"],
            "snapshot": returns["snapshot"],
            "job_role_group": ["direct care"] * returns.height,
            "posts": returns["filled_posts"],
        }
    )
    started = time.perf_counter()
    loaded = load_register(register)
    read = time.perf_counter() - started
    estimates = estimate(loaded.locations, returns, roles, reference_date=REFERENCE)
    table = publish_estimates(
        estimate_rows(estimates),
        period="2026/27",
        area_names=loaded.area_names,
        policy=DisclosurePolicy(),
    )
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20)
    located = estimates.locations.join(truth, on="location_id")
    by_area = (
        located.group_by("area_code")
        .agg(pl.col("filled_posts").sum(), pl.col("truth").sum())
        .with_columns(((pl.col("filled_posts") - pl.col("truth")) / pl.col("truth")).alias("error"))
    )
    returned = located.filter(pl.col("source") == "returned")
    accuracy = estimates.accuracy.filter(pl.col("service_group") == "all").row(0, named=True)
    print(
        f"locations          {loaded.locations.height:,} on the register, {located.height:,} in scope, "
        f"{by_area.height} areas"
    )
    print(f"register file      {register.stat().st_size / 1e6:.1f} MB (ODS)")
    print(
        f"returned           {returned.height:,} ({returned.height / located.height:.1%}); "
        f"sources {dict(located.group_by('source').len().iter_rows())}"
    )
    print(f"wall-clock time    {wall:.1f} s (reading the register {read:.1f} s)")
    print(f"peak memory        {peak:.2f} GiB")
    print(f"published rows     {table.height:,}")
    print(
        f"filled posts       estimated {located['filled_posts'].sum():,.0f}, "
        f"true {located['truth'].sum():,}, returned only {returned['filled_posts'].sum():,.0f}"
    )
    print(
        f"area totals        median |error| {by_area['error'].abs().median():.1%}, "
        f"largest {by_area['error'].abs().max():.1%}"
    )
    print(
        f"cross-validation   R² {accuracy['r2']:.3f}, RMSE {accuracy['rmse']:.1f}, "
        f"within 10 posts {accuracy['within_10_posts_share']:.1%}, "
        f"within 25% {accuracy['within_25pct_share']:.1%}"
    )
    print(
        f"machine            {platform.machine()}, {platform.python_version()}, {platform.system()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
