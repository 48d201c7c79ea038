from .access import programmes_visible_to


def navigation(request):
    """The programmes in the header and navigation; the current one from the URL's slug."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    programmes = list(programmes_visible_to(user))
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("slug") if match else None
    current = next((p for p in programmes if p.slug == slug), None)
    if current is None and len(programmes) == 1:
        current = programmes[0]
    can_manage = current is not None and current.coordinators.filter(pk=user.pk).exists()
    return {
        "nav_programmes": programmes,
        "current_programme": current,
        "nav_can_manage": can_manage,
    }
