from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from ..models import Group, Membership, Office, Programme


class InvitationForm(forms.Form):
    display_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"), help_text=_("The invitation is sent to this address.")
    )
    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(), empty_label=_("Choose a group")
    )
    role = forms.ChoiceField(label=_("Role in the group"), choices=Membership.Role.choices)
    office = forms.ModelChoiceField(
        label=_("NAV office"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("No office"),
        help_text=_("For advisors and office leaders. Leave empty for young users."),
    )

    predecessor = forms.ModelChoiceField(
        label=_("Takes over the seat of"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("Nobody"),
        help_text=_("When someone replaces a person who left, they will see the handover note."),
    )
    # Set by the check step that shows whom an address of an existing account belongs to.
    confirm_existing = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = programme.groups.order_by("kind", "name")
        self.fields["office"].queryset = programme.offices.filter(is_active=True).order_by("name")
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        # Seats left by people who have gone and not been filled yet.
        self.fields["predecessor"].queryset = (
            Membership.objects.filter(
                group__programmes=programme, ends_on__isnull=False, successor__isnull=True
            )
            .select_related("person", "group")
            .order_by("group__name", "-ends_on")
        )
        self.fields["predecessor"].label_from_instance = lambda m: (
            f"{m.person.display_name} ({m.group.name}, {m.get_role_display().lower()})"
        )


class MembershipEndForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Last day in the group"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end_reason = forms.ChoiceField(
        label=_("Why the person left"),
        choices=[("", _("Choose a reason")), *Membership.EndReason.choices],
    )
    handover_note = forms.CharField(
        label=_("Handover note for the next person in this seat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text=_(
            "What is going on, what was promised, who to talk to. No health or case details."
        ),
    )


class InvitationAcceptForm(SetPasswordForm):
    """Choose a password from the invitation link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("Repeat the password")


class MunicipalityForm(forms.Form):
    """Where a person lives: one of the programme's municipalities, or not given."""

    municipality = forms.ChoiceField(
        label=_("Home municipality"),
        required=False,
        help_text=_(
            "Optional. Only counts by municipality are shown to others, never who lives where."
        ),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )

    def __init__(self, *args, municipalities: list[str], current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        names = list(municipalities)
        # A municipality whose office has closed stays selectable for those who chose it.
        if current and current not in names:
            names.append(current)
        self.fields["municipality"].choices = [("", _("Not given"))] + [
            (name, name) for name in names
        ]
