"""Provider benchmarks: one workplace's figures against comparable workplaces in its area."""
