"""Workforce demand projections: requirement, extra demand, replacement of leavers, scenarios,
sensitivity, uncertainty and the training pipeline."""
