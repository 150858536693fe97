"""Seeded generator of realistic synthetic partnership data, calibrated to published figures.

Pure functions that return CSV text: ASC-WDS returns for two years
(:mod:`~careforce.synthetic.ascwds_returns`), a council HR extract
(:mod:`~careforce.synthetic.hr_extract`), children's provider returns
(:mod:`~careforce.synthetic.provider_returns`), population
(:mod:`~careforce.synthetic.population`), job postings
(:mod:`~careforce.synthetic.postings`) and education supply
(:mod:`~careforce.synthetic.enrolments`). Profiles and their targets are in
:mod:`~careforce.synthetic.profiles` and :mod:`~careforce.synthetic.published`.
"""
