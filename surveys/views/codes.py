"""One-time answer codes: the coordinator makes a batch per office and prints it as slips."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participation.access import require_manage
from participation.forms import add_service_errors

from .. import services
from ..selectors import access_survey
from ..services.codes import MAX_BATCH


class CodeBatchForm(forms.Form):
    office = forms.ModelChoiceField(
        label=gettext_lazy("Office"), queryset=None, empty_label=gettext_lazy("Choose an office")
    )
    count = forms.IntegerField(
        label=gettext_lazy("Number of codes"),
        initial=24,
        min_value=1,
        max_value=MAX_BATCH,
        help_text=gettext_lazy("24 codes fill one A4 page of slips."),
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = survey.offices.order_by("name")


@login_required
def survey_codes(request, slug, survey_id):
    """The batches of codes made so far (how many per office, never which are used), and a
    form to make more."""
    access, survey = access_survey(request.user, slug, survey_id)
    require_manage(access)
    form = CodeBatchForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.codes_make(
                survey=survey, office=form.cleaned_data["office"], count=form.cleaned_data["count"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The codes are made. Print the slips and hand them out."))
            return redirect(f"{request.path}#batch-{batch.pk}")
    batches = survey.code_batches.select_related("office").annotate(size=Count("codes"))
    return render(
        request,
        "surveys/survey_codes.html",
        {
            "access": access,
            "programme": access.programme,
            "survey": survey,
            "form": form,
            "batches": batches,
        },
    )
