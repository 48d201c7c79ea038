"""The members' check-in after a meeting: two questions, 1 to 5, answered once."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from participation.access import access_meeting
from participation.forms import add_service_errors
from participation.models import Membership

from .. import services
from ..forms import CheckInForm
from ..selectors import check_in_status
from ..selectors.checkins import CHECK_IN_GROUP_KINDS


@login_required
def meeting_check_in(request, slug, meeting_id):
    access, meeting = access_meeting(request.user, slug, meeting_id)
    is_member = (
        meeting.group.kind in CHECK_IN_GROUP_KINDS
        and Membership.objects.current().filter(group=meeting.group, person=request.user).exists()
    )
    if not is_member:
        raise Http404
    context = {"access": access, "programme": access.programme, "meeting": meeting}
    if check_in_status(meeting=meeting, person=request.user):
        return render(request, "surveys/check_in_done.html", context)
    if not services.check_in_is_open(meeting):
        return render(request, "surveys/check_in_closed.html", context)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_in_submit(
                meeting=meeting,
                person=request.user,
                wellbeing=form.cleaned_data["wellbeing"],
                meeting_score=form.cleaned_data["meeting_score"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you for checking in!"))
            return redirect("surveys:meeting_check_in", slug=slug, meeting_id=meeting.pk)
    return render(request, "surveys/check_in_form.html", {**context, "form": form})
