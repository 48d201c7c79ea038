"""The demo's setup details: the programme's mandate and goals, and a resource-group mandate
revised once with its reason, so that the setup pages show a history."""

from dateutil.relativedelta import relativedelta

from ..models import Group, MandateVersion, Programme

PROGRAMME_MANDATE = (
    "Prosjektet skal gi unge med aktivitetsplikt en reell stemme i hvordan NAV-kontorene i "
    "Gjøvikregionen følger dem opp, og vise hva som er endret på grunn av innspillene deres."
)
PROGRAMME_GOALS = (
    "Flere unge i arbeid eller utdanning. Innspill fra ressursgruppa får svar innen seks uker. "
    "Alle fem kontorene bruker sjekklista i første møte."
)
FIRST_RESOURCE_MANDATE = (
    "Unge med aktivitetsplikt som deler erfaringer med NAV. Møtes en gang i måneden."
)
REVISION_REASON = (
    "Halvårsevaluering: gruppa ba om å møtes oftere og om å gi innspill til bedre tjenester, "
    "ikke bare dele erfaringer."
)


def seed_setup(*, programme: Programme) -> None:
    """Idempotent: the versions are written only when the programme has none yet."""
    if not programme.mandate or not programme.goals:
        programme.mandate, programme.goals = PROGRAMME_MANDATE, PROGRAMME_GOALS
        programme.save(update_fields=["mandate", "goals"])
    if not programme.mandate_versions.exists():
        MandateVersion.objects.create(
            programme=programme,
            text=programme.mandate,
            reason="Første versjon, vedtatt i styringsgruppa",
            valid_from=programme.starts_on,
        )
    resource = programme.groups.get(kind=Group.Kind.RESOURCE)
    if not resource.mandate_versions.exists():
        MandateVersion.objects.bulk_create(
            [
                MandateVersion(
                    group=resource,
                    text=FIRST_RESOURCE_MANDATE,
                    reason="Første versjon",
                    valid_from=programme.starts_on,
                ),
                MandateVersion(
                    group=resource,
                    text=resource.mandate,
                    reason=REVISION_REASON,
                    valid_from=programme.starts_on + relativedelta(months=6),
                ),
            ]
        )
