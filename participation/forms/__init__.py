"""participation's forms, one module per subject."""

from .people import InvitationAcceptForm, InvitationForm, MembershipEndForm

__all__ = ["InvitationAcceptForm", "InvitationForm", "MembershipEndForm"]
