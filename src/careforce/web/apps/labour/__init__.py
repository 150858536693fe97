"""The labour-market pages: job postings, claimants, sector size, skills supply and the supply
against need, each chart with its table and CSV/ODS downloads."""
