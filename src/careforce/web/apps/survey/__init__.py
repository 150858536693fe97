"""Pages of the workforce survey: answering a round by its link, and analysts' rounds and results."""
