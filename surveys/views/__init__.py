"""surveys' views, split by who uses them: respondents, builder, review, results, check-ins."""
