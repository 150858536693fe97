"""Work that combines core domains: publishing the measures (disclosure control, comparators,
intervals on rounded counts), their trends, and checking other catalogues against the measure
catalogue.

The domains below (indicators, disclosure, outcomes, benchmarks...) do not import each other;
this layer does, and stays pure: frames in, frames out, no files.
"""
