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
from ..models import AnswerCodeBatch
from ..selectors import access_survey
from ..selectors.surveys import card_checklist
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

    printed_as = forms.ChoiceField(
        label=gettext_lazy("Print as"),
        choices=AnswerCodeBatch.PrintedAs.choices,
        initial=AnswerCodeBatch.PrintedAs.SLIPS,
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "A card is one A5 page per code: the checklist for the advisor, and at the bottom "
            "a strip with the code to tear off and give the young person after the meeting."
        ),
    )

    def __init__(self, *args, survey, has_checklist: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = survey.offices.order_by("name")
        if not has_checklist:
            # No checklist in use: slips are the only way to print.
            slips = AnswerCodeBatch.PrintedAs.SLIPS
            self.fields["printed_as"].choices = [(slips.value, slips.label)]


@login_required
def survey_codes(request, slug, survey_id):
    """The batches of codes made so far (how many per office, never which are used), and a
    form to make more."""
    access, survey = access_survey(request.user, slug, survey_id)
    require_manage(access)
    checklist = card_checklist(survey=survey)
    form = CodeBatchForm(request.POST or None, survey=survey, has_checklist=checklist is not None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.codes_make(
                survey=survey,
                office=form.cleaned_data["office"],
                count=form.cleaned_data["count"],
                printed_as=form.cleaned_data["printed_as"] or AnswerCodeBatch.PrintedAs.SLIPS,
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
            "checklist": checklist,
        },
    )
