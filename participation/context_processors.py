from .access import programme_access_for, programmes_visible_to


def navigation(request):
    """The programmes in the header, the current one (from the URL's slug), and the user's
    access there, which decides the navigation's links."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    programmes = list(programmes_visible_to(user))
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("slug") if match else None
    current = next((p for p in programmes if p.slug == slug), None)
    if current is None and len(programmes) == 1:
        current = programmes[0]
    access = programme_access_for(user, current) if current is not None else None
    return {
        "nav_programmes": programmes,
        "current_programme": current,
        "nav_access": access,
        "nav_can_manage": access is not None and access.can_manage,
    }


def undo(request):
    """The undo the success message offers, while it is still open to this user."""
    from .undo import current_offer

    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"undo_offer": current_offer(request)}
