from django import forms
from django.utils.translation import gettext_lazy as _

from participation.models import Group, Membership, Programme

from ..models import Application, Posting
from ..models.recruitment import APPLICATION_CONSENT
from .hours import DATE_INPUT

OTHER_MUNICIPALITY = "other"


class PostingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Short name in the link"),
        max_length=80,
        help_text=_(
            "The form is at /apply/short-name/ (this short name). Letters, digits and hyphens."
        ),
    )
    group = forms.ModelChoiceField(
        label=_("Group the people chosen join"),
        queryset=Group.objects.none(),
        empty_label=_("Choose a group"),
    )
    text = forms.CharField(
        label=_("Posting text"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10000
    )
    opens_on = forms.DateField(label=_("Open from"), widget=DATE_INPUT)
    closes_on = forms.DateField(label=_("Application deadline"), widget=DATE_INPUT)
    advertised_where = forms.CharField(
        label=_("Where it was advertised"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    target_group = forms.CharField(
        label=_("Target group"),
        required=False,
        max_length=200,
        help_text=_("For example: age 18–29 with activity duty."),
    )
    target_age_min = forms.IntegerField(label=_("Youngest age"), min_value=0, max_value=120)
    target_age_max = forms.IntegerField(label=_("Oldest age"), min_value=0, max_value=120)
    delete_after_days = forms.IntegerField(
        label=_("Delete applications not chosen after (days)"),
        min_value=0,
        max_value=730,
        initial=90,
        help_text=_("Counted from the deadline."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = programme.groups.filter(
            kind__in=[Group.Kind.RESOURCE, Group.Kind.USER_COMMITTEE]
        ).order_by("name")


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("Email address"), required=False)
    phone = forms.CharField(label=_("Mobile number"), required=False, max_length=20)
    municipality = forms.ChoiceField(label=_("Where do you live?"), choices=())
    age_band = forms.ChoiceField(
        label=_("How old are you?"), choices=Application.AgeBand.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(
        label=_("Why do you want to join?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text=_("A few sentences are enough. Do not write your national identity number."),
    )
    has_consented = forms.BooleanField(
        label=APPLICATION_CONSENT,
        required=False,
    )

    def __init__(self, *args, municipalities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [
            ("", _("Choose your municipality")),
            *[(m, m) for m in municipalities],
            (OTHER_MUNICIPALITY, _("Another municipality")),
        ]
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        # The service checks these too; here they show together with the other missing fields.
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error(
                "email",
                _("Write an email address or a mobile number, so that we can reach you."),
            )
        if not data.get("has_consented"):
            self.add_error(
                "has_consented",
                _("We can only take the application if you agree that we store it."),
            )
        return data


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label=_("Next step"), choices=())
    interview_at = forms.DateTimeField(
        label=_("Interview time"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("When you book an interview."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            ("", _("Choose the next step")),
            *application.next_statuses,
        ]


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role in the group"),
        choices=[
            (Membership.Role.MEMBER, Membership.Role.MEMBER.label),
            (Membership.Role.PAID_REPRESENTATIVE, Membership.Role.PAID_REPRESENTATIVE.label),
        ],
    )


def posting_initial(posting: Posting) -> dict:
    return {
        name: getattr(posting, name) for name in PostingForm.base_fields if hasattr(posting, name)
    }
