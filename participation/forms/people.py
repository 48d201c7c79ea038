from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from ..models import Group, Membership, Office, Programme


class InvitationForm(forms.Form):
    display_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("Email address"), help_text=_("The invitation is sent to this address.")
    )
    group = forms.ModelChoiceField(label=_("Group"), queryset=Group.objects.none())
    role = forms.ChoiceField(label=_("Role in the group"), choices=Membership.Role.choices)
    office = forms.ModelChoiceField(
        label=_("NAV office"),
        queryset=Office.objects.none(),
        required=False,
        help_text=_("For advisors and office leaders. Leave empty for young users."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = programme.groups.order_by("kind", "name")
        self.fields["office"].queryset = programme.offices.order_by("name")
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class InvitationAcceptForm(SetPasswordForm):
    """Choose a password from the invitation link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Choose a password")
        self.fields["new_password2"].label = _("Repeat the password")
