from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .access import can_view_operations
from .selectors import operations_status


@never_cache
@require_GET
def status(request):
    if not can_view_operations(request.user):
        raise Http404
    return render(request, "ops/status.html", {"status": operations_status()})
