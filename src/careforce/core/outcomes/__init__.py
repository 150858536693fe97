"""Outcomes framework evaluation and the action-plan tracker.

The framework (outcomes, sub-outcomes, measures and what data each measure is bound to) and the
action plan are configuration files validated against versioned JSON Schemas; evaluation reads
indicator results as frames (the ``indicators.csv`` contract), never by importing
``core.indicators``.
"""
