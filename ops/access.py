"""Who may see the operations page: Django staff only; everyone else gets a 404."""


def can_view_operations(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)
