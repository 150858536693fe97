"""Benchmark: Monte Carlo projection ranges for every council at once.

Builds (with a simple generator in this script) one adult social care parameter set per area,
each with a yearly 65+ growth path and four uncertain parameters (turnover, share leaving the
sector, elasticity, growth scale), then times validation, simulation and the P10/P50/P90
summary of ``--draws`` draws over ``--years`` years for ``--areas`` areas (default: 10,000
draws, 153 councils with social services responsibilities, 10 years).

Run: ``.venv/bin/python benchmarks/projections.py [--areas 153] [--draws 10000] [--years 10]``
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from typing import Any

import polars as pl

from careforce.core.projections.parameters import parameters_json_schema
from careforce.core.projections.uncertainty import simulate, summarise
from careforce.core.projections.validation import parse_parameters

TARGET_SECONDS = 5.0
"""Issue #5: 10,000 draws x 153 areas x 10 years in under 5 seconds on a 2-core machine."""


def area_parameters(index: int, *, years: int, rng: random.Random) -> dict[str, Any]:
    """A plausible adult social care parameter set for one area."""
    base_year = 2022
    yearly = rng.uniform(0.012, 0.025)
    growth = {str(base_year + t): round((1 + yearly) ** t - 1, 6) for t in range(1, years + 1)}
    turnover = rng.uniform(0.24, 0.36)
    share = rng.uniform(0.33, 0.45)
    return {
        "schema_version": "1",
        "name": f"Area {index:03d}",
        "area_code": f"E{10000000 + index}",
        "base_year": base_year,
        "report_years": [base_year + 2, base_year + years // 2, base_year + years],
        "drivers": {"pop65": {"growth": growth}},
        "groups": [
            {
                "name": "adult",
                "base_workforce": round(rng.uniform(3000, 40000)),
                "demand_driver": "pop65",
                "demand_elasticity": round(rng.uniform(1.0, 1.4), 4),
                "turnover_rate": round(turnover, 4),
                "leaving_sector_share": round(share, 4),
            }
        ],
        "uncertainty": [
            {
                "parameter": "groups.adult.turnover_rate",
                "distribution": "triangular",
                "low": round(turnover - 0.02, 4),
                "mode": round(turnover, 4),
                "high": round(turnover + 0.02, 4),
            },
            {
                "parameter": "groups.adult.leaving_sector_share",
                "distribution": "uniform",
                "low": round(share - 0.03, 4),
                "high": round(share + 0.03, 4),
            },
            {
                "parameter": "groups.adult.demand_elasticity",
                "distribution": "triangular",
                "low": 1.0,
                "mode": 1.2,
                "high": 1.5,
            },
            {
                "parameter": "drivers.pop65.growth_scale",
                "distribution": "normal",
                "mean": 1.0,
                "sd": 0.1,
                "low": 0.7,
                "high": 1.3,
            },
        ],
    }


def main() -> int:
    """Time the job and print the figures; exit 1 when slower than the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=153)
    parser.add_argument("--draws", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2022)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    raw = [area_parameters(i, years=options.years, rng=rng) for i in range(options.areas)]
    schema = parameters_json_schema()

    started = time.perf_counter()
    cpu_started = time.process_time()
    parsed = [parse_parameters(data, schema) for data in raw]
    validated = time.perf_counter()
    summaries = []
    for number, params in enumerate(parsed):
        simulation = simulate(params, draws=options.draws, seed=options.seed + number)
        summaries.append(summarise(simulation).with_columns(pl.lit(params.area_code).alias("area")))
    result = pl.concat(summaries)
    finished = time.perf_counter()
    cpu = time.process_time() - cpu_started

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    total = finished - started
    print(
        f"{options.areas} areas x {options.draws:,} draws x {options.years} years: "
        f"validation {validated - started:.2f} s, simulation and summary "
        f"{finished - validated:.2f} s, total {total:.2f} s (CPU {cpu:.2f} s); "
        f"{result.height:,} summary rows; "
        f"peak memory {peak:.2f} GiB (target < {TARGET_SECONDS:.0f} s)"
    )
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
