"""Seeded generator of realistic synthetic partnership data, calibrated to published figures.

Pure functions that return CSV text: ASC-WDS returns for two years
(:mod:`~careforce.core.synthetic.ascwds_returns`), a council HR extract
(:mod:`~careforce.core.synthetic.hr_extract`), children's provider returns
(:mod:`~careforce.core.synthetic.provider_returns`), population
(:mod:`~careforce.core.synthetic.population`), job postings
(:mod:`~careforce.core.synthetic.postings`) and education supply
(:mod:`~careforce.core.synthetic.enrolments`). Profiles and their targets are in
:mod:`~careforce.core.synthetic.profiles` and :mod:`~careforce.core.synthetic.published`.
"""
