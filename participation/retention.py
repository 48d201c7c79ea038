"""The data register and the retention rules: one list drives both.

Each rule names a kind of personal data, why Medvirk keeps it, on what legal basis, who can
see it, how long it is kept, and the service that removes or anonymises it when its time is
up. The register page shows RULES as they are; the daily retention task (participation.tasks.
apply_retention) runs every rule's service. A rule without a service is kept for as long as
the programme and removed with it, and the page says so.

Services are named by dotted path, like Celery task names, so that this base app imports no
app built on it; a test checks that every path resolves.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    key: str
    kind: str
    purpose: str
    legal_basis: str
    who_sees: str
    setting: str | None  # the setting holding the number of months, if the time is a setting
    kept: str  # how long, in words; "{months}" is filled from the setting
    service: str | None  # dotted path of the service applying the rule; takes today/now

    @property
    def months(self) -> int | None:
        return getattr(settings, self.setting) if self.setting else None

    @property
    def how_long(self) -> str:
        return str(self.kept).format(months=self.months)


PUBLIC_TASK = _("Public task (NAV's duty to involve users, NAV Act § 6) and consent")

RULES = [
    Rule(
        "applications",
        _("Applications to a resource group: name, contact details, age, municipality, motivation"),
        _("To choose members for the resource group"),
        _("Consent given in the application form"),
        _("Coordinators"),
        None,
        _("Until the number of days set on the posting after its deadline, in every end state"),
        "resourcegroup.services.recruitment.applications_delete_ended",
    ),
    Rule(
        "members",
        _(
            "Members of resource groups: name, e-mail, phone, home municipality (optional), "
            "handover notes"
        ),
        _("To invite to meetings, pay the paid representatives and follow up dropping out"),
        PUBLIC_TASK,
        _("Coordinators; the group's members see names"),
        "MEDVIRK_RETENTION_MEMBER_MONTHS",
        _(
            "{months} months after the person left the last group; then anonymised, attendance "
            "counted as a former member's"
        ),
        "participation.services.people.members_anonymise_departed",
    ),
    Rule(
        "stories",
        _("Stories written by members (the original text)"),
        _("To find common themes that become inputs to NAV"),
        PUBLIC_TASK,
        _("The resource group and coordinators; only the anonymised version leaves the group"),
        "MEDVIRK_RETENTION_STORY_MONTHS",
        _("{months} months after it was written; the anonymised version stays"),
        "resourcegroup.services.retention.stories_remove_old_text",
    ),
    Rule(
        "story_consents",
        _("Consent to use a story in inputs to NAV: the words agreed, when, and when withdrawn"),
        _("To show that a story shown with an input is shown with its writer's consent"),
        _("Consent"),
        _("The writer and coordinators"),
        None,
        _(
            "As long as the story is kept; the writer can withdraw it on the stories page at any "
            "time, and the story is then no longer shown with the input"
        ),
        None,
    ),
    Rule(
        "survey_free_text",
        _("Free-text survey answers (anonymous; numbers and addresses removed on saving)"),
        _("To improve the first meeting with NAV"),
        PUBLIC_TASK,
        _("Coordinators"),
        "MEDVIRK_RETENTION_FREE_TEXT_MONTHS",
        _("{months} months after the answer"),
        "surveys.services.retention.free_text_answers_delete_old",
    ),
    Rule(
        "reports",
        _("Archived reports (PDF) to the steering group"),
        _("To document the programme to the steering group"),
        PUBLIC_TASK,
        _("Coordinators and the steering group"),
        "MEDVIRK_RETENTION_REPORT_MONTHS",
        _("{months} months after it was made"),
        "reports.retention.reports_delete_old",
    ),
    Rule(
        "audit",
        _("Audit log: who viewed, exported, downloaded or changed personal data"),
        _("To show who handled personal data (GDPR Art. 5(2) and 32)"),
        _("Legal obligation"),
        _("Coordinators"),
        "MEDVIRK_RETENTION_AUDIT_MONTHS",
        _("{months} months"),
        "participation.services.audit.audit_events_delete_old",
    ),
    Rule(
        "timesheets",
        _("Paid representatives' contracts, timesheets and pay"),
        _("To pay the paid representatives"),
        _("Contract and the Bookkeeping Act"),
        _("The representative and coordinators"),
        None,
        _("Five years after the end of the accounting year (the Bookkeeping Act); removed by hand"),
        None,
    ),
]


def retention_apply() -> dict[str, int]:
    """Run every rule's service once; log, record in the audit log and return how many each
    removed or anonymised."""
    from .models import AuditEvent
    from .services.audit import audit_event

    removed = {}
    for rule in RULES:
        if rule.service is None:
            continue
        removed[rule.key] = import_string(rule.service)()
        logger.info("retention %s: %s removed", rule.key, removed[rule.key])
    audit_event(
        actor=None,
        action=AuditEvent.Action.DELETED,
        programme=None,
        subject="Retention",
        detail=", ".join(f"{key}: {count}" for key, count in removed.items()),
    )
    return removed
