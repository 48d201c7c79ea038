"""The public survey pages at /s/<slug>/: tiny, server-rendered, no JavaScript, no cookies.

State travels in the form itself: the answers given so far ride along in hidden fields and a
signed one-time token says which survey and office this filling-in is for and when it began.
No session and no CSRF cookie are set (the pages are CSRF-exempt: there is no login to ride
on, and the signed token plays the part of the CSRF token). A coordinator's preview goes
through the same code with `preview=True` and stores nothing.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from participation.flood import FloodLimit, flood_exceeded

from ..answering import (
    Answers,
    choices_for,
    collect_answers,
    field_name,
    is_visible,
    required_missing,
    split_pages,
    token_issue,
    token_read,
    visible_answers,
)
from ..models import Question, Survey
from ..models.surveys import localized
from ..selectors import survey_for_respondent, survey_questions
from ..services import (
    AlreadySubmitted,
    CodeNotValid,
    code_office,
    normalise_code,
    response_submit,
)

# A person needs longer than this to read and answer; a bot posting at once does not.
DEFAULT_MIN_SECONDS = 4
HONEYPOT = "website"
INTRO = -1
# Every page of the survey is a post, about a dozen for a whole response. One address may be
# an office's guest network or a mobile operator's shared address, so it may send some twenty
# whole responses in ten minutes; a script sending dozens is refused. The survey's own limit
# (some thousand responses in ten minutes, far above any real round) stops a flood spread over
# addresses without letting a few senders shut real respondents out.
FLOOD = FloodLimit(scope="survey", per_address=240, per_target=12_000, window_seconds=600)


def _min_seconds() -> float:
    return getattr(settings, "SURVEYS_MIN_SECONDS", DEFAULT_MIN_SECONDS)


def survey_language(request, survey: Survey | None) -> str:
    """The link's ?lang=, else the browser's language when the survey has it, else bokmål.
    Where there is no survey (a wrong link), the page follows the browser like the rest."""
    codes = survey.language_codes if survey else [code for code, _ in settings.LANGUAGES]
    asked = request.POST.get("lang") or request.GET.get("lang")
    if asked in codes:
        return asked
    preferred = translation.get_language_from_request(request)
    return preferred if preferred in codes else "nb"


def _private(response: HttpResponse, language: str) -> HttpResponse:
    """Answers on a shared phone must not stay in the browser's cache."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Language"] = language
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@dataclass
class ShownQuestion:
    question: Question
    name: str
    label: str
    help: str
    kind: str
    choices: list[dict] = field(default_factory=list)
    value: str = ""
    error: str = ""

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    @property
    def is_multiple(self) -> bool:
        return self.kind == Question.Kind.MULTIPLE


@dataclass
class Flow:
    """One filling-in of a survey, from the posted form (or a fresh start)."""

    survey: Survey
    questions: list[Question]
    language: str
    answers: Answers = field(default_factory=dict)
    # The one-time answer code, carried from page to page until it is used with the answers.
    code: str = ""

    def __post_init__(self):
        self.pages = split_pages(self.questions)

    def kept(self) -> Answers:
        return visible_answers(self.questions, self.answers)

    def shown_on(self, index: int) -> list[Question]:
        kept = self.kept()
        return [q for q in self.pages[index] if is_visible(q, kept)] if index >= 0 else []

    def next_page(self, after: int) -> int | None:
        return next((i for i in range(after + 1, len(self.pages)) if self.shown_on(i)), None)

    def previous_page(self, before: int) -> int:
        return next((i for i in range(before - 1, -1, -1) if self.shown_on(i)), INTRO)

    def page_of(self, question_id: int) -> int:
        for index, page in enumerate(self.pages):
            if any(q.pk == question_id for q in page):
                return index
        return 0


def _shown_question(question, language, raw: list[str] | None, answer, error) -> ShownQuestion:
    if raw is None:
        raw = list(answer) if isinstance(answer, tuple) else ([answer] if answer else [])
    shown = ShownQuestion(
        question=question,
        name=field_name(question),
        label=question.text_in(language),
        help=question.help_in(language),
        kind=question.kind,
        error=error,
    )
    choices = choices_for(question, language)
    shown.choices = [
        {"value": value, "label": label, "checked": value in raw, "id": f"{shown.name}-{i}"}
        for i, (value, label) in enumerate(choices)
    ]
    if not choices:
        shown.value = raw[0] if raw else ""
    return shown


def _hidden_answers(flow: Flow, except_ids: set[int]) -> list[tuple[str, str]]:
    pairs = []
    for question in flow.questions:
        answer = flow.answers.get(question.pk)
        if answer is None or question.pk in except_ids:
            continue
        for value in answer if isinstance(answer, tuple) else (answer,):
            pairs.append((field_name(question), value))
    return pairs


def _texts(survey: Survey, language: str) -> dict:
    return {
        name: localized(survey, name, language)
        for name in ("title", "introduction", "anonymity_promise", "purpose")
    }


def _render_page(
    request,
    flow: Flow,
    index: int,
    *,
    token: str,
    action: str,
    errors: dict[int, str] | None = None,
    raw_from_post: bool = False,
    notice: str = "",
    preview: bool = False,
):
    """Render a screen of questions (or the introduction when index is INTRO)."""
    errors = errors or {}
    language = flow.language
    context = {
        "survey": flow.survey,
        "texts": _texts(flow.survey, language),
        "language": language,
        "token": token,
        "action": action,
        "page": index,
        "honeypot": HONEYPOT,
        "preview": preview,
        "notice": notice,
        "answer_code": flow.code,
    }
    if index == INTRO:
        context["hidden"] = _hidden_answers(flow, set())
        context["question_count"] = len(
            [q for q in flow.questions if q.show_if_question_id is None]
        )
        return render(request, "surveys/respondent/intro.html", context)
    on_page = flow.shown_on(index)
    kept = flow.kept()
    shown = [q for page in flow.pages for q in page if is_visible(q, kept)]
    first = shown.index(on_page[0]) + 1 if on_page and on_page[0] in shown else 1
    context.update(
        {
            "questions": [
                _shown_question(
                    q,
                    language,
                    request.POST.getlist(field_name(q)) if raw_from_post else None,
                    flow.answers.get(q.pk),
                    errors.get(q.pk, ""),
                )
                for q in on_page
            ],
            "hidden": _hidden_answers(flow, {q.pk for q in on_page}),
            "first_number": first,
            "last_number": first + len(on_page) - 1,
            "total": len(shown),
            "is_last": flow.next_page(index) is None,
            "has_errors": bool(errors),
        }
    )
    return render(request, "surveys/respondent/page.html", context)


def _start_url(survey: Survey, office, language: str) -> str:
    query = {"k": office.code} if office else {}
    if language != "nb":
        query["lang"] = language
    url = reverse("surveys:respond", kwargs={"survey_slug": survey.slug})
    return f"{url}?{urlencode(query)}" if query else url


def _calm_page(request, survey, language, *, heading, text, link=None, status=200):
    response = render(
        request,
        "surveys/respondent/message.html",
        {
            "survey": survey,
            "texts": _texts(survey, language) if survey else {},
            "language": language,
            "heading": heading,
            "text": text,
            "link": link,
        },
        status=status,
    )
    return _private(response, language)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def respond(request, survey_slug):
    """The public survey: introduction, then one screen after another, then thanks."""
    survey = survey_for_respondent(survey_slug)
    language = survey_language(request, survey)
    with translation.override(language):
        if survey is None:
            return _calm_page(
                request,
                None,
                language,
                heading=_("We cannot find this survey"),
                text=_(
                    "Check that the link is written correctly. The survey may also have been "
                    "removed."
                ),
                status=404,
            )
        if not survey.is_open():
            return _calm_page(
                request,
                survey,
                language,
                heading=_("This survey is closed"),
                text=_(
                    "Thank you for wanting to answer! The survey does not take answers now. "
                    "Nothing you do here is stored."
                ),
            )
        if request.method == "POST":
            if flood_exceeded(request, limit=FLOOD, target=f"survey:{survey.pk}"):
                return _calm_page(
                    request,
                    survey,
                    language,
                    heading=_("Please wait a little"),
                    text=_(
                        "We have received many answers from here in a short time, so we are "
                        "not taking more for a while. Nothing about you has been stored. Please "
                        "try again in a quarter of an hour."
                    ),
                    status=429,
                )
            return _post(request, survey, language)
        return _start(request, survey, language)


def _code_page(request, survey, language, *, code="", error=""):
    """The first page of a survey answered with codes: the code, typed or from the link."""
    response = render(
        request,
        "surveys/respondent/code.html",
        {
            "survey": survey,
            "texts": _texts(survey, language),
            "language": language,
            "action": reverse("surveys:respond", kwargs={"survey_slug": survey.slug}),
            "code": code,
            "error": error,
        },
    )
    return _private(response, language)


def _code_posted(request, survey, language):
    """The code page was sent: on to the introduction for the code's office, or say plainly
    that the code is not valid (the same words for unknown and used: a prober learns nothing).
    """
    typed = request.POST.get("answer_code", "")[:40]
    office = code_office(survey=survey, code=typed) if normalise_code(typed) else None
    if office is None:
        error = (
            _("This code is not valid. Check that you typed it as it is on the slip.")
            if typed.strip()
            else _("Type the code from your slip.")
        )
        return _code_page(request, survey, language, code=typed, error=error)
    flow = Flow(survey, survey_questions(survey=survey), language, code=normalise_code(typed))
    token = token_issue(survey_id=survey.pk, office_id=office.pk)
    action = reverse("surveys:respond", kwargs={"survey_slug": survey.slug})
    return _private(_render_page(request, flow, INTRO, token=token, action=action), language)


def _start(request, survey, language):
    if survey.requires_code:
        return _code_page(request, survey, language, code=request.GET.get("c", "")[:40])
    offices = list(survey.offices.order_by("name"))
    code = request.GET.get("k", "")
    office = next((o for o in offices if o.code == code), None)
    if office is None and len(offices) == 1:
        office = offices[0]
    if office is None:
        response = render(
            request,
            "surveys/respondent/office_choice.html",
            {
                "survey": survey,
                "texts": _texts(survey, language),
                "language": language,
                "offices": [(o, _start_url(survey, o, language)) for o in offices],
            },
        )
        return _private(response, language)
    flow = Flow(survey, survey_questions(survey=survey), language)
    token = token_issue(survey_id=survey.pk, office_id=office.pk)
    action = reverse("surveys:respond", kwargs={"survey_slug": survey.slug})
    return _private(_render_page(request, flow, INTRO, token=token, action=action), language)


def _page_number(request, pages: int) -> int:
    try:
        index = int(request.POST.get("page", INTRO))
    except (TypeError, ValueError):
        return INTRO
    return index if INTRO <= index < pages else INTRO


def _post(request, survey, language):
    if survey.requires_code and request.POST.get("step") == "code":
        return _code_posted(request, survey, language)
    token_value = request.POST.get("token", "")
    token = token_read(token_value)
    office = survey.offices.filter(pk=token.office_id).first() if token else None
    if token is None or token.survey_id != survey.pk or office is None:
        return _calm_page(
            request,
            survey,
            language,
            heading=_("Please start again"),
            text=_(
                "This page is too old or the link was changed, so we could not continue. "
                "Nothing was stored."
            ),
            link=_start_url(survey, None, language),
        )
    if request.POST.get(HONEYPOT):
        # A field people never see was filled in: a robot. Refuse calmly, remember nothing.
        return _calm_page(
            request,
            survey,
            language,
            heading=_("We could not take these answers"),
            text=_("Nothing was stored. If you are a person, please start again."),
            link=_start_url(survey, office, language),
        )
    action = reverse("surveys:respond", kwargs={"survey_slug": survey.slug})
    flow = Flow(survey, survey_questions(survey=survey), language)
    flow.code = normalise_code(request.POST.get("answer_code", "")) if survey.requires_code else ""
    outcome = _advance(request, flow, token=token_value, action=action)
    if outcome is not None:
        return _private(outcome, language)
    # The last screen was sent: store it all, once.
    if token.age_seconds() < _min_seconds():
        last = flow.previous_page(len(flow.pages))
        return _private(
            _render_page(
                request,
                flow,
                last,
                token=token_value,
                action=action,
                notice=_("That was quick! Please check your answers, then send them again."),
            ),
            language,
        )
    try:
        response_submit(
            survey=survey,
            office=office,
            token=token,
            answers=flow.kept(),
            language=language,
            code=flow.code,
        )
    except AlreadySubmitted:
        pass
    except CodeNotValid:
        return _calm_page(
            request,
            survey,
            language,
            heading=_("This code is not valid"),
            text=_(
                "The code has been used, so these answers were not stored. Each code can be "
                "used once. Ask for a new slip if you want to answer."
            ),
            link=_start_url(survey, None, language),
        )
    except ValidationError as error:
        return _private(_show_refusal(request, flow, error, token_value, action), language)
    thanks = reverse("surveys:thanks", kwargs={"survey_slug": survey.slug})
    if language != "nb":
        thanks += "?" + urlencode({"lang": language})
    return redirect(thanks)


def _advance(request, flow: Flow, *, token: str, action: str, preview: bool = False):
    """Read the posted screen and show the next (or previous, or the same with messages).
    Returns None when the last screen was sent and the answers are ready to store."""
    answers, errors = collect_answers(flow.questions, request.POST)
    flow.answers = answers
    index = _page_number(request, len(flow.pages))
    render_args = {"token": token, "action": action, "preview": preview}
    if request.POST.get("action") == "back":
        return _render_page(request, flow, flow.previous_page(index), **render_args)
    if index != INTRO:
        on_page = flow.shown_on(index)
        page_errors = {q.pk: errors[q.pk] for q in on_page if q.pk in errors}
        page_errors.update(
            {
                pk: m
                for pk, m in required_missing(on_page, flow.kept()).items()
                if pk not in page_errors
            }
        )
        if page_errors:
            return _render_page(
                request, flow, index, errors=page_errors, raw_from_post=True, **render_args
            )
    following = flow.next_page(index)
    if following is not None:
        return _render_page(request, flow, following, **render_args)
    return None


def _show_refusal(request, flow: Flow, error: ValidationError, token: str, action: str):
    """A refusal at the end: show the screen of the first refused answer, or say why."""
    if hasattr(error, "error_dict"):
        messages = {
            int(key[1:]): " ".join(value.messages)
            for key, value in error.error_dict.items()
            if key.startswith("q") and key[1:].isdigit()
        }
        if messages:
            first = min(messages, key=flow.page_of)
            return _render_page(
                request, flow, flow.page_of(first), token=token, action=action, errors=messages
            )
    return render(
        request,
        "surveys/respondent/message.html",
        {
            "survey": flow.survey,
            "texts": _texts(flow.survey, flow.language),
            "language": flow.language,
            "heading": _("We could not take these answers"),
            "text": " ".join(error.messages),
        },
    )


@require_http_methods(["GET", "HEAD"])
def thanks(request, survey_slug):
    """The thank-you page: what the answers are used for."""
    survey = survey_for_respondent(survey_slug)
    language = survey_language(request, survey)
    with translation.override(language):
        if survey is None:
            return _calm_page(
                request,
                None,
                language,
                heading=_("We cannot find this survey"),
                text=_("Check that the link is written correctly."),
                status=404,
            )
        response = render(
            request,
            "surveys/respondent/thanks.html",
            {"survey": survey, "texts": _texts(survey, language), "language": language},
        )
        return _private(response, language)


def preview_flow(request, survey: Survey, *, action: str):
    """The coordinator's preview: the same screens as a phone shows, nothing stored."""
    language = survey_language(request, survey)
    with translation.override(language):
        flow = Flow(survey, survey_questions(survey=survey), language)
        if request.method != "POST":
            page = _render_page(request, flow, INTRO, token="", action=action, preview=True)
            return _private(page, language)
        outcome = _advance(request, flow, token="", action=action, preview=True)
        if outcome is None:
            outcome = render(
                request,
                "surveys/respondent/thanks.html",
                {
                    "survey": survey,
                    "texts": _texts(survey, language),
                    "language": language,
                    "preview": True,
                },
            )
        return _private(outcome, language)
