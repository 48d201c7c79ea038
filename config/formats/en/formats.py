"""English date formats, day before month as in the rest of the service: "9 November 2026"."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "D j M"
SHORT_DATETIME_FORMAT = "D j M, H:i"
