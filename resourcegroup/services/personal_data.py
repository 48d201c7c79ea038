"""resourcegroup's part of a person's data: applications and stories (participation.
personal_data)."""

from participation.privacy import REMOVED

from ..models import Application, Story


def person_data(person) -> dict[str, list[dict]]:
    """The person's applications (by e-mail) and the stories they wrote."""
    applications = Application.objects.filter(email__iexact=person.email).select_related("posting")
    return {
        "applications": [
            {
                "posting": a.posting.title,
                "name": a.name,
                "email": a.email,
                "phone": a.phone,
                "municipality": a.municipality,
                "age": a.age_band,
                "motivation": a.motivation,
                "status": a.status,
                "received": a.received_at.isoformat(),
                "consent": a.consent_text,
                "consented_at": a.consented_at.isoformat() if a.consented_at else "",
            }
            for a in applications
        ],
        "stories": [
            {
                "written": s.written_on.isoformat(),
                "kind": s.kind,
                "text": s.text,
                "consent_to_use_in_inputs": s.input_consent_text,
                "consented_at": s.input_consented_at.isoformat() if s.input_consented_at else "",
                "consent_withdrawn_at": (
                    s.input_consent_withdrawn_at.isoformat() if s.input_consent_withdrawn_at else ""
                ),
            }
            for s in Story.objects.filter(author=person)
        ],
    }


def person_erase_data(person) -> None:
    """Delete the person's applications and empty the text of their stories (the anonymised
    version, which names nobody, stays with the group)."""
    Application.objects.filter(email__iexact=person.email).delete()
    Story.objects.filter(author=person).update(text=REMOVED, author=None)
