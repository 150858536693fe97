"""The annual workforce survey in the web service: rounds and their anonymous responses."""
