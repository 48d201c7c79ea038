"""The surveys of the Gjøvik-region demo (CONTRACT.md): the first-meeting survey at
/s/forste-mote/ with a baseline and a later round from all five offices (Søndre Land with too
few answers to show), a draft under review with the resource group's comments, a theme-day
survey at /s/fagdag/ answered with one-time codes (a batch of slips per office, none used
yet), and check-ins after the resource group's meetings.

Idempotent by natural keys: a survey by its slug, a round by its name, responses only into a
survey that has none, check-ins only for meetings that have none.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from checklists.models import ChecklistItem
from participation.models import Attendance, Group, Meeting, Programme, User

from . import services
from .demo_short import seed_short_survey
from .models import (
    Answer,
    AnswerCodeBatch,
    CheckInCount,
    CheckInReceipt,
    Question,
    ResultRelease,
    ReviewComment,
    Survey,
    SurveyResponse,
)
from .selectors import card_checklist

FIRST_MEETING_SLUG = "forste-mote"
REVIEW_SLUG = "aktivitetstilbud"
CODE_SLUG = "fagdag"
CODES_PER_OFFICE = 24

FIRST_MEETING = {
    "title": "Hvordan var det første møtet ditt med NAV?",
    "title_nn": "Korleis var det første møtet ditt med NAV?",
    "title_en": "How was your first meeting with NAV?",
    "introduction": (
        "Du har nettopp hatt ditt første møte med en veileder i NAV. Vi er noen unge som selv "
        "har vært i NAV, og vi vil vite hvordan møtet var for deg."
    ),
    "introduction_nn": (
        "Du har nettopp hatt det første møtet ditt med ein rettleiar i NAV. Vi er nokre unge som "
        "sjølve har vore i NAV, og vi vil vite korleis møtet var for deg."
    ),
    "introduction_en": (
        "You have just had your first meeting with an advisor at NAV. We are young people who "
        "have been through NAV ourselves, and we want to know how the meeting was for you."
    ),
    "anonymity_promise": (
        "Du svarer anonymt. Vi spør ikke om navnet ditt, og vi lagrer ikke hvem du er, hvor du "
        "svarer fra eller når på dagen du svarte. Veilederen din kan ikke se svarene dine. Du "
        "kan hoppe over spørsmål du ikke vil svare på."
    ),
    "anonymity_promise_nn": (
        "Du svarar anonymt. Vi spør ikkje om namnet ditt, og vi lagrar ikkje kven du er, kvar du "
        "svarar frå eller når på dagen du svarte. Rettleiaren din kan ikkje sjå svara dine. Du "
        "kan hoppe over spørsmål du ikkje vil svare på."
    ),
    "anonymity_promise_en": (
        "You answer anonymously. We do not ask for your name, and we do not store who you are, "
        "where you answer from or what time of day you answered. Your advisor cannot see your "
        "answers. You can skip any question you do not want to answer."
    ),
    "purpose": (
        "Svarene hjelper NAV-kontorene og ressursgruppa å se hva som fungerer i første møte, og "
        "hva som må bli bedre. Vi viser bare tall for grupper på minst fem personer, så ingen "
        "kan kjennes igjen. Det dere svarer, tar vi med inn i sjekklista veilederne bruker."
    ),
    "purpose_nn": (
        "Svara hjelper NAV-kontora og ressursgruppa å sjå kva som fungerer i første møte, og kva "
        "som må bli betre. Vi viser berre tal for grupper på minst fem personar, så ingen kan "
        "kjennast att. Det de svarar, tek vi med inn i sjekklista rettleiarane brukar."
    ),
    "purpose_en": (
        "The answers help the NAV offices and the resource group see what works in the first "
        "meeting and what must get better. We only show figures for groups of at least five "
        "people, so nobody can be recognised. What you tell us goes into the checklist the "
        "advisors use."
    ),
}

# (key, kind, bokmål, nynorsk, English, shown only if (key, answer), same screen as the last)
FIRST_MEETING_QUESTIONS = [
    (
        "listened",
        "scale",
        "Jeg ble lyttet til i møtet.",
        "Eg vart lytta til i møtet.",
        "I was listened to in the meeting.",
        None,
        False,
    ),
    (
        "why",
        "scale",
        "Jeg forsto hvorfor vi hadde møtet.",
        "Eg forstod kvifor vi hadde møtet.",
        "I understood why we had the meeting.",
        None,
        False,
    ),
    (
        "words",
        "scale",
        "Veilederen brukte ord jeg forsto.",
        "Rettleiaren brukte ord eg forstod.",
        "The advisor used words I understood.",
        None,
        False,
    ),
    (
        "activity",
        "yes_no",
        "Snakket dere om en aktivitet for deg?",
        "Snakka de om ein aktivitet for deg?",
        "Did you talk about an activity for you?",
        None,
        False,
    ),
    (
        "say",
        "scale",
        "Jeg fikk være med på å bestemme aktiviteten.",
        "Eg fekk vere med på å bestemme aktiviteten.",
        "I had a say in choosing the activity.",
        ("activity", "yes"),
        False,
    ),
    (
        "meaningful",
        "scale",
        "Aktiviteten føles meningsfull for meg.",
        "Aktiviteten kjennest meiningsfull for meg.",
        "The activity feels meaningful to me.",
        ("activity", "yes"),
        True,
    ),
    (
        "respect",
        "scale",
        "Jeg ble møtt med respekt.",
        "Eg vart møtt med respekt.",
        "I was treated with respect.",
        None,
        False,
    ),
    (
        "trust",
        "scale",
        "Jeg har tillit til veilederen min.",
        "Eg har tillit til rettleiaren min.",
        "I trust my advisor.",
        None,
        False,
    ),
    (
        "reach",
        "scale",
        "Jeg vet hvordan jeg kan få tak i veilederen min.",
        "Eg veit korleis eg kan få tak i rettleiaren min.",
        "I know how to reach my advisor.",
        None,
        False,
    ),
    (
        "open",
        "long_text",
        "Er det noe mer du vil si om møtet?",
        "Er det noko meir du vil seie om møtet?",
        "Is there anything else you want to say about the meeting?",
        None,
        False,
    ),
]

# Responses per office in (baseline, later): Søndre Land stays under five in both rounds.
RESPONSES = {
    "gjovik": (26, 31),
    "nordre-land": (11, 13),
    "sondre-land": (3, 4),
    "vestre-toten": (9, 12),
    "ostre-toten": (14, 16),
}
# The chance of each score 1–5 in the baseline; the later round leans towards agreeing.
BASELINE_WEIGHTS = [8, 14, 24, 32, 22]
LATER_WEIGHTS = [4, 8, 18, 38, 32]
OFFICE_TILT = {
    "gjovik": 0,
    "nordre-land": 1,
    "sondre-land": -1,
    "vestre-toten": -1,
    "ostre-toten": 1,
}

OPEN_ANSWERS = [
    "Veilederen var hyggelig og tok seg god tid.",
    "Jeg skjønte ikke helt hva aktivitetsplikt betyr. Det burde vært forklart bedre.",
    "Det var fint å få være med å bestemme selv.",
    "Møtet var kort, og jeg følte meg litt stresset.",
    "Jeg fikk et skriv med mange vanskelige ord.",
    "Bra at vi kunne møtes på kafé i stedet for på kontoret.",
    "Jeg vet fortsatt ikke hvem jeg skal ringe hvis noe skjer.",
    "Følte at hun faktisk brydde seg om hvordan jeg har det.",
    "Litt mye spørsmål om ting som ikke har med jobb å gjøre.",
    "Ring meg gjerne på 912 34 567 hvis dere vil høre mer.",
    "Det hjalp at veilederen fortalte hva som skjer videre.",
    "Skriv til meg på ung.og.lei@example.no, jeg har mer å si.",
    "Jeg ble sendt rundt mellom flere personer før møtet.",
    "Endelig noen som spurte hva jeg selv vil.",
]

REVIEW_SURVEY = {
    "title": "Hva synes du om aktiviteten din?",
    "introduction": "Du har vært i en aktivitet gjennom NAV. Vi vil vite hvordan den er for deg.",
    "anonymity_promise": FIRST_MEETING["anonymity_promise"],
    "purpose": (
        "Svarene brukes til å lage et bedre kart over aktivitetstilbudene i kommunene, og til å "
        "gi NAV innspill om hvilke tilbud som fungerer."
    ),
}
CODE_SURVEY = {
    "title": "Hva syntes du om fagdagen?",
    "introduction": "Du var med på fagdagen med NAV. Vi vil vite hva du syntes.",
    "anonymity_promise": (
        "Koden på lappen din gir ett svar. Den er ikke knyttet til deg, og ingen kan se hvem "
        "som svarte hva."
    ),
    "purpose": "Svarene brukes til å planlegge neste fagdag sammen med ressursgruppa.",
    "requires_code": True,
}
CODE_QUESTIONS = [
    ("scale", "Jeg ble hørt på fagdagen."),
    ("yes_no", "Vil du være med neste gang?"),
]
REVIEW_QUESTIONS = [
    ("scale", "Aktiviteten passer for meg.", ""),
    ("single", "Hvor ofte er du i aktiviteten?", "Hver dag\nNoen dager i uka\nSjeldnere"),
    ("scale", "Aktiviteten gjør meg nærmere jobb eller skole.", ""),
    ("age_band", "Hvor gammel er du?", ""),
    ("long_text", "Hva ville gjort aktiviteten bedre?", ""),
]
REVIEW_COMMENTS = [
    (
        "representative@example.org",
        0,
        "«Passer for meg» er litt uklart. Mener dere at den er gøy, eller at den er riktig nivå?",
    ),
    (
        "aisha.mohammed@example.org",
        2,
        "Jeg ville skrevet «hjelper meg mot jobb eller skole». «Nærmere» høres rart ut.",
    ),
    ("tobias.kvam@example.org", 3, "Må vi spørre om alder? Noen blir usikre av det."),
    ("ida.solberg@example.org", 1, "Bra spørsmål! Kanskje ha med «Vet ikke ennå» også."),
]


def seed_surveys(*, programme: Programme) -> None:
    """The demo's surveys and check-ins for the programme (a second run changes nothing)."""
    rng = random.Random(2027)
    with transaction.atomic():
        survey = _first_meeting_survey(programme)
        _seed_responses(survey, rng)
        _pending_batch(survey)
        _link_checklist_points(survey)
        _review_survey(programme)
        _code_survey(programme)
        _code_cards(programme)
        _seed_check_ins(programme, rng)
        seed_short_survey(programme=programme)


def _first_meeting_survey(programme: Programme) -> Survey:
    today = timezone.localdate()
    survey = Survey.objects.filter(slug=FIRST_MEETING_SLUG).first()
    if survey is None:
        survey = services.survey_create(
            programme=programme,
            offices=programme.offices.all(),
            languages=["nn", "en"],
            slug=FIRST_MEETING_SLUG,
            **FIRST_MEETING,
        )
    if not survey.questions.exists():
        created: dict[str, Question] = {}
        for key, kind, text, text_nn, text_en, condition, same_screen in FIRST_MEETING_QUESTIONS:
            show_if, value = (created[condition[0]], condition[1]) if condition else (None, "")
            created[key] = services.question_create(
                survey=survey,
                kind=kind,
                text=text,
                text_nn=text_nn,
                text_en=text_en,
                starts_new_page=not same_screen,
                show_if_question=show_if,
                show_if_value=value,
                help_text=(
                    "Skriv gjerne hva som var bra, og hva som kunne vært bedre."
                    if kind == "long_text"
                    else ""
                ),
            )
    if survey.is_editable:
        services.survey_publish(survey=survey, today=today - datetime.timedelta(days=300))
    baseline = survey.rounds.order_by("starts_on").first()
    if baseline.name != "Før sjekklista":
        baseline.name = "Før sjekklista"
        baseline.save(update_fields=["name"])
    if not survey.rounds.filter(name="Etter sjekklista").exists():
        services.round_start(
            survey=survey,
            name="Etter sjekklista",
            starts_on=max(today - datetime.timedelta(days=120), baseline.starts_on + _DAY),
        )
    return survey


_DAY = datetime.timedelta(days=1)


def _seed_responses(survey: Survey, rng: random.Random) -> None:
    if survey.responses.exists():
        return
    today = timezone.localdate()
    questions = {q.position: q for q in survey.questions.all()}
    by_key = {
        spec[0]: questions[index] for index, spec in enumerate(FIRST_MEETING_QUESTIONS, start=1)
    }
    offices = {office.code: office for office in survey.offices.all()}
    rounds = list(survey.rounds.order_by("starts_on"))
    for round_index, each in enumerate(rounds[:2]):
        weights = BASELINE_WEIGHTS if round_index == 0 else LATER_WEIGHTS
        end = each.ends_on or today
        days = max((end - each.starts_on).days, 0)
        for code, counts in RESPONSES.items():
            office = offices.get(code)
            if office is None:
                continue
            tilted = _tilt(weights, OFFICE_TILT.get(code, 0))
            responses = [
                SurveyResponse(
                    survey=survey,
                    round=each,
                    office=office,
                    submitted_on=each.starts_on + datetime.timedelta(days=rng.randint(0, days)),
                )
                for _ in range(counts[round_index])
            ]
            SurveyResponse.objects.bulk_create(responses)
            answers = []
            for response in responses:
                answers.extend(_answers_for(response, by_key, tilted, rng))
            Answer.objects.bulk_create(answers)


def _pending_batch(survey: Survey) -> None:
    """The last batch was released two days ago; three new answers from NAV Gjøvik wait for the
    next one (shown in no figure until five have come in)."""
    if ResultRelease.objects.filter(survey=survey).exists():
        return
    ResultRelease.objects.create(
        survey=survey, released_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    latest = survey.rounds.order_by("starts_on").last()
    waiting = SurveyResponse.objects.filter(
        survey=survey, round=latest, office__code="gjovik"
    ).order_by("-submitted_on", "id")[:3]
    SurveyResponse.objects.filter(pk__in=[r.pk for r in waiting]).update(is_released=False)


def _tilt(weights: list[int], tilt: int) -> list[int]:
    """An office a little better (+1) or worse (−1) than the region."""
    if tilt > 0:
        return [max(w - 3, 1) if i < 2 else w + 2 for i, w in enumerate(weights)]
    if tilt < 0:
        return [w + 3 if i < 2 else max(w - 2, 1) for i, w in enumerate(weights)]
    return weights


def _answers_for(response, by_key, weights, rng) -> list[Answer]:
    answers = []
    had_activity = rng.random() < 0.7
    for question in by_key.values():
        if question.show_if_question_id and not had_activity:
            continue
        if rng.random() < 0.07:  # skipped
            continue
        if question.kind == Question.Kind.YES_NO:
            answers.append(
                Answer(response=response, question=question, choice="yes" if had_activity else "no")
            )
        elif question.kind == Question.Kind.SCALE:
            if rng.random() < 0.05:
                answers.append(Answer(response=response, question=question, choice="dont_know"))
            else:
                score = rng.choices(range(1, 6), weights=weights)[0]
                answers.append(Answer(response=response, question=question, number=score))
        elif question.is_text and rng.random() < 0.3:
            answers.append(
                Answer(response=response, question=question, text=rng.choice(OPEN_ANSWERS))
            )
    return answers


# Question key → the start of the checklist point it measures (seeded by checklists.demo).
CHECKLIST_LINKS = {
    "why": "Forklar hvorfor vi møtes",
    "words": "Bruk vanlige ord",
    "say": "Forklar hva NAV kan tilby",
    "reach": "Avtal hvordan dere når hverandre",
}


def _link_checklist_points(survey: Survey) -> None:
    """Link questions to the checklist points they measure, where the checklist is seeded."""
    questions = {q.position: q for q in survey.questions.all()}
    keys = [spec[0] for spec in FIRST_MEETING_QUESTIONS]
    items = ChecklistItem.objects.filter(version__template__programme=survey.programme).order_by(
        "-version__number"
    )
    for key, start in CHECKLIST_LINKS.items():
        question = questions.get(keys.index(key) + 1)
        item = next((i for i in items if i.text.startswith(start)), None)
        if question is not None and item is not None and not question.measures_checklist_item_id:
            services.question_link_checklist_item(question=question, item=item)


def _code_survey(programme: Programme) -> None:
    """A published survey answered with codes, with one page of slips per office."""
    if Survey.objects.filter(slug=CODE_SLUG).exists():
        return
    today = timezone.localdate()
    survey = services.survey_create(
        programme=programme, offices=programme.offices.all(), slug=CODE_SLUG, **CODE_SURVEY
    )
    for kind, text in CODE_QUESTIONS:
        services.question_create(survey=survey, kind=kind, text=text)
    services.survey_publish(survey=survey, today=today - datetime.timedelta(days=14))
    for office in programme.offices.order_by("name"):
        services.codes_make(
            survey=survey, office=office, count=CODES_PER_OFFICE, today=today - _DAY * 14
        )


def _code_cards(programme: Programme) -> None:
    """Ten first-meeting cards with codes for NAV Gjøvik, made a week ago."""
    survey = Survey.objects.filter(slug=CODE_SLUG, programme=programme).first()
    office = programme.offices.filter(code="gjovik").first()
    if survey is None or office is None or card_checklist(survey=survey) is None:
        return
    if survey.code_batches.filter(printed_as=AnswerCodeBatch.PrintedAs.CARDS).exists():
        return
    services.codes_make(
        survey=survey,
        office=office,
        count=10,
        today=timezone.localdate() - _DAY * 7,
        printed_as=AnswerCodeBatch.PrintedAs.CARDS,
    )


def _review_survey(programme: Programme) -> None:
    survey = Survey.objects.filter(slug=REVIEW_SLUG).first()
    if survey is not None:
        return
    survey = services.survey_create(
        programme=programme, offices=programme.offices.all(), slug=REVIEW_SLUG, **REVIEW_SURVEY
    )
    questions = [
        services.question_create(survey=survey, kind=kind, text=text, options=options)
        for kind, text, options in REVIEW_QUESTIONS
    ]
    resource = programme.groups.filter(kind=Group.Kind.RESOURCE).order_by("pk").first()
    if resource is None:
        return
    services.survey_send_for_review(survey=survey, group=resource)
    people = {
        user.email: user
        for user in User.objects.filter(
            email__in=[email for email, _index, _text in REVIEW_COMMENTS]
        )
    }
    for email, index, text in REVIEW_COMMENTS:
        if (
            email in people
            and not ReviewComment.objects.filter(
                question=questions[index], author=people[email]
            ).exists()
        ):
            services.review_comment_add(question=questions[index], author=people[email], text=text)


def _seed_check_ins(programme: Programme, rng: random.Random) -> None:
    """Check-ins from those present at the resource group's last ten meetings."""
    meetings = list(
        Meeting.objects.filter(group__programmes=programme, group__kind=Group.Kind.RESOURCE)
        .past()
        .order_by("-starts_at")[:10]
    )
    answered = set(
        CheckInReceipt.objects.filter(meeting__in=meetings).values_list("meeting_id", flat=True)
    )
    present = Attendance.objects.filter(
        meeting__in=meetings, status=Attendance.Status.PRESENT
    ).select_related("membership")
    people: dict[int, list[int]] = {}
    for attendance in present:
        people.setdefault(attendance.meeting_id, []).append(attendance.membership.person_id)
    for meeting in meetings:
        if meeting.pk in answered:
            continue
        # Most of those present check in; the counts are all that is kept.
        persons = [p for p in people.get(meeting.pk, []) if rng.random() < 0.85]
        if not persons:
            continue
        CheckInReceipt.objects.bulk_create(
            [CheckInReceipt(meeting=meeting, person_id=person) for person in persons]
        )
        tally: dict[tuple[str, int], int] = {}
        for _person in persons:
            for topic, weights in (
                ("wellbeing", [3, 10, 30, 40, 17]),
                ("meeting", [2, 6, 22, 42, 28]),
            ):
                score = rng.choices(range(1, 6), weights=weights)[0]
                tally[(topic, score)] = tally.get((topic, score), 0) + 1
        CheckInCount.objects.bulk_create(
            [
                CheckInCount(
                    meeting=meeting, topic=topic, score=score, count=tally.get((topic, score), 0)
                )
                for topic in CheckInCount.Topic.values
                for score in range(1, 6)
            ]
        )
