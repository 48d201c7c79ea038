"""participation's forms, one module per subject."""

from .errors import add_service_errors
from .people import InvitationAcceptForm, InvitationForm, MembershipEndForm

__all__ = ["add_service_errors", "InvitationAcceptForm", "InvitationForm", "MembershipEndForm"]
