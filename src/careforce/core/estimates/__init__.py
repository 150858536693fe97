"""Whole-sector estimates: matching returns to the register, models, accuracy, coverage."""
