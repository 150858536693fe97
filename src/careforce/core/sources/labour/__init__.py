"""Public labour-market and skills files: Nomis API CSVs, Census 2021 bulk CSVs, DfE Explore
Education Statistics CSVs and job postings extracts, turned into canonical frames and findings."""
