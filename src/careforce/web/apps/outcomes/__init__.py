"""The outcomes framework's scorecard and the action plan, on the web."""
