"""participation's forms, one module per subject."""

from .errors import add_service_errors
from .people import InvitationAcceptForm, InvitationForm, MembershipEndForm, MunicipalityForm
from .setup import GroupForm, OfficeCreateForm, OfficeEditForm, ProgrammeForm

__all__ = [
    "add_service_errors",
    "InvitationAcceptForm",
    "InvitationForm",
    "MembershipEndForm",
    "MunicipalityForm",
    "GroupForm",
    "OfficeCreateForm",
    "OfficeEditForm",
    "ProgrammeForm",
]
