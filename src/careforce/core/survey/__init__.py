"""The annual workforce survey: questionnaires as data, answers, weighting, intervals, themes,
redaction and the survey measures."""
