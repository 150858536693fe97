"""Labour-market measures: job postings, claimant count, sector size, earnings, skills supply and
the Census comparators, as tidy rows of the published table."""
