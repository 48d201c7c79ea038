"""participation's forms, one module per subject."""

from .errors import add_service_errors
from .people import InvitationAcceptForm, InvitationForm, MembershipEndForm
from .setup import GroupForm, OfficeCreateForm, OfficeEditForm, ProgrammeForm

__all__ = [
    "add_service_errors",
    "InvitationAcceptForm",
    "InvitationForm",
    "MembershipEndForm",
    "GroupForm",
    "OfficeCreateForm",
    "OfficeEditForm",
    "ProgrammeForm",
]
