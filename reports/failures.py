"""What the coordinator reads when a report failed: which part of it, in plain language.

The technical reason is kept in Report.error and in the log; the page names the part of the
report (the section function that raised, stored in the report's parameters) in words.
"""

from django.utils.translation import gettext_lazy as _

# The section functions of reports.sections, by name. A section not listed here is still
# reported, as "one part of the report".
SECTION_NAMES = {
    "meetings_held": _("Meetings held"),
    "attendance": _("Attendance"),
    "members": _("Members who joined and left"),
    "inputs": _("Inputs"),
    "action_items": _("Overdue action items"),
    "decisions": _("Decisions from the last steering meeting"),
    "checklist": _("The checklist for advisors"),
    "survey": _("The survey"),
    "hours": _("Paid hours and budget"),
    "offers": _("Activity offers in the region"),
    "goals": _("Goals"),
    "offices": _("Each office's card"),
    "words_and_rules": _("Words and rules in this report"),
    "attention": _("What needs your attention"),
    "key_figures": _("Key figures"),
}


def failed_part(report) -> str | None:
    """The name of the report's part that failed, or None when no section failed."""
    section = (report.parameters or {}).get("failed_section")
    if not section:
        return None
    return str(SECTION_NAMES.get(section, _("one part of the report")))
