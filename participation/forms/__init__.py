"""participation's forms, one module per subject."""

from .people import InvitationAcceptForm, InvitationForm

__all__ = ["InvitationAcceptForm", "InvitationForm"]
