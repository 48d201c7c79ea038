from allauth.account.adapter import DefaultAccountAdapter


class InvitationOnlyAccountAdapter(DefaultAccountAdapter):
    """Nobody signs up on their own: people are invited by a coordinator."""

    def is_open_for_signup(self, request):
        return False
