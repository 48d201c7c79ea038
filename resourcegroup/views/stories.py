"""Stories (erfaringshistorier): written on a phone, read in the group, curated by the
coordinator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from participation.access import access_programme
from participation.forms import add_service_errors

from .. import access as rules
from ..forms.stories import StoryConsentForm, StoryCurateForm, StoryForm, ThemeInputForm
from ..models.stories import INPUT_CONSENT_TEXT
from ..selectors.stories import (
    can_read_stories,
    stories_visible_to,
    story_for,
    story_groups,
    theme_for,
    themes_with_counts,
)
from ..services.stories import (
    NUMBERS_FOUND,
    story_create,
    story_curate,
    story_give_input_consent,
    story_withdraw_input_consent,
    theme_to_input,
)


def _numbers_found(error: ValidationError) -> bool:
    return any(
        e.code == NUMBERS_FOUND
        for errors in getattr(error, "error_dict", {}).values()
        for e in errors
    )


@login_required
def story_list(request, slug):
    access = access_programme(request.user, slug)
    stories = stories_visible_to(access=access)
    return render(
        request,
        "resourcegroup/stories/story_list.html",
        {"access": access, "programme": access.programme, "stories": stories},
    )


@login_required
def story_new(request, slug):
    access = access_programme(request.user, slug)
    if not can_read_stories(access):
        raise Http404
    group = story_groups(access).first()
    if group is None:
        raise Http404
    form = StoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            story_create(group=group, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            if _numbers_found(error):
                form.show_number_check()
        else:
            messages.success(request, _("Thank you for sharing! Your story is saved."))
            return redirect("resourcegroup:story_list", slug=slug)
    return render(
        request,
        "resourcegroup/stories/story_form.html",
        {"access": access, "programme": access.programme, "form": form, "group": group},
    )


@login_required
def story_detail(request, slug, story_id):
    access = access_programme(request.user, slug)
    story = story_for(access=access, story_id=story_id)
    form = None
    if rules.can_manage(access):
        form = StoryCurateForm(
            request.POST or None,
            programme=access.programme,
            initial={"themes": list(story.themes.all()), "anonymised_text": story.anonymised_text},
        )
        if request.method == "POST" and form.is_valid():
            try:
                story_curate(story=story, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
                if _numbers_found(error):
                    form.show_number_check()
            else:
                messages.success(request, _("The themes and the anonymised version are saved."))
                return redirect("resourcegroup:story_detail", slug=slug, story_id=story.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "resourcegroup/stories/story_detail.html",
        {"access": access, "programme": access.programme, "story": story, "form": form},
    )


def _own_story(request, slug, story_id):
    """The user's own story; anyone else's is a 404, as for an outsider."""
    access = access_programme(request.user, slug)
    story = story_for(access=access, story_id=story_id)
    if story.author_id != request.user.pk:
        raise Http404
    return access, story


@login_required
def story_consent(request, slug, story_id):
    """The writer gives consent after writing: the words agreed are shown before they agree."""
    access, story = _own_story(request, slug, story_id)
    form = StoryConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        story_give_input_consent(story=story, by=request.user)
        messages.success(
            request, _("Thank you. An anonymised version of the story may now be used in inputs.")
        )
        return redirect("resourcegroup:story_detail", slug=slug, story_id=story.pk)
    return render(
        request,
        "resourcegroup/stories/story_consent.html",
        {
            "access": access,
            "programme": access.programme,
            "story": story,
            "form": form,
            "consent_text": INPUT_CONSENT_TEXT,
        },
    )


@login_required
@require_POST
def story_withdraw_consent(request, slug, story_id):
    """The writer withdraws the consent to use the story in inputs, from the stories page."""
    _access, story = _own_story(request, slug, story_id)
    story_withdraw_input_consent(story=story, by=request.user)
    messages.success(
        request, _("Your consent is withdrawn. The story is no longer used in inputs to NAV.")
    )
    if request.POST.get("back") == "story":
        return redirect("resourcegroup:story_detail", slug=slug, story_id=story.pk)
    return redirect("resourcegroup:story_list", slug=slug)


@login_required
def theme_list(request, slug):
    access = access_programme(request.user, slug)
    rules.require_manage(access)
    return render(
        request,
        "resourcegroup/stories/theme_list.html",
        {
            "access": access,
            "programme": access.programme,
            "themes": themes_with_counts(programme=access.programme),
        },
    )


@login_required
def theme_input(request, slug, theme_id):
    access = access_programme(request.user, slug)
    theme = theme_for(access=access, theme_id=theme_id)
    anonymised = theme.stories_in_input()
    form = ThemeInputForm(request.POST or None, initial={"title": theme.name})
    if request.method == "POST" and form.is_valid():
        try:
            item = theme_to_input(theme=theme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The theme is now an input to NAV: “%(title)s”.") % {"title": item.title}
            )
            return redirect("input_detail", slug=slug, input_id=item.pk)
    return render(
        request,
        "resourcegroup/stories/theme_input.html",
        {
            "access": access,
            "programme": access.programme,
            "theme": theme,
            "anonymised": anonymised,
            "form": form,
        },
    )


BASE = "p/<slug:slug>/resource-group/stories/"
urlpatterns = [
    path(BASE, story_list, name="story_list"),
    path(BASE + "new/", story_new, name="story_new"),
    path(BASE + "<int:story_id>/", story_detail, name="story_detail"),
    path(BASE + "<int:story_id>/consent/", story_consent, name="story_consent"),
    path(
        BASE + "<int:story_id>/withdraw-consent/",
        story_withdraw_consent,
        name="story_withdraw_consent",
    ),
    path(BASE + "themes/", theme_list, name="theme_list"),
    path(BASE + "themes/<int:theme_id>/input/", theme_input, name="theme_input"),
]
