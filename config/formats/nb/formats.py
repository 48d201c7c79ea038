"""Bokmål date formats in Språkrådet's style: "9. november 2026", "man. 9. nov. kl. 16.00".

Templates use the named formats (DATE_FORMAT, SHORT_DATETIME_FORMAT...) so every language gets
its own order and punctuation. Formats not set here fall back to Django's own nb module.
"""

DATE_FORMAT = "j. F Y"
DATETIME_FORMAT = r"j. F Y \k\l. H.i"
TIME_FORMAT = "H.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
# Short forms for lists: weekday and month abbreviated ("man. 9. nov.", "ons. 6. mai").
SHORT_DATE_FORMAT = "D. j. N"
SHORT_DATETIME_FORMAT = r"D. j. N \k\l. H.i"
