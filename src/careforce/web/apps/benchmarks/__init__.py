"""Benchmarks: a provider's own figures against comparable workplaces in the area."""
