"""The world the permission matrix walks: the demo programme (A, rich in every state) and a
second programme (B) with one object of each kind, built once for the whole matrix.

`values(world, "a")` gives, per URL keyword, the id of A's object of that kind; "b" the same for
B. Rows of tests/security/permission_table.py override a keyword where one kind is not enough.
"""

import io
from decimal import Decimal
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from checklists.models import ChecklistTemplate, ChecklistUse
from offers.models import Offer
from participation.models import (
    ActionItem,
    AgendaItem,
    AnnualTask,
    CalendarFeed,
    Group,
    Input,
    Invitation,
    Meeting,
    Membership,
    Programme,
    TrainingModule,
    User,
)
from reports.models import Goal, Report
from resourcegroup.models import (
    Application,
    BudgetLine,
    Contract,
    Honorarium,
    OtherCost,
    Posting,
    Story,
    StoryTheme,
    TimeEntry,
    Timesheet,
    TravelClaim,
)
from surveys.models import ReviewComment, Survey
from surveys.services import codes_make
from tests.checklists.factories import (
    ChecklistItemFactory,
    ChecklistUseFactory,
    ChecklistVersionFactory,
    published_checklist,
)
from tests.offers.factories import OfferFactory
from tests.participation.factories import (
    GroupFactory,
    MembershipFactory,
    OfficeFactory,
    ProgrammeFactory,
    UserFactory,
)
from tests.participation.factories_inputs import InputFactory
from tests.participation.factories_meetings import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
)
from tests.reports.factories import ReportFactory
from tests.reports.goal_factories import GoalFactory
from tests.resourcegroup.factories import (
    ApplicationFactory,
    ContractFactory,
    PostingFactory,
    StoryFactory,
    StoryThemeFactory,
    TimeEntryFactory,
    TimesheetFactory,
)
from tests.resourcegroup.factories_honoraria import TravelClaimFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory, published_survey

DEMO_SLUG = "best-pa-aktivitetsplikt"
ROLES = ("anonymous", "member", "paid_rep", "advisor", "steering", "coordinator", "other_coord")


def _done_report(programme) -> Report:
    report = ReportFactory(programme=programme, status=Report.Status.DONE)
    report.file.save(report.filename, ContentFile(b"%PDF-1.7 matrix"))
    return report


def build_world() -> SimpleNamespace:
    call_command("seed_demo", stdout=io.StringIO())
    a = Programme.objects.get(slug=DEMO_SLUG)
    resource = a.groups.get(kind=Group.Kind.RESOURCE)
    people = SimpleNamespace(
        coordinator=User.objects.get(email="coordinator@example.org"),
        # Sander, not Emma: Emma also sits in the steering group, Sander is only a paid rep.
        paid_rep=User.objects.get(email="sander.myhre@example.org"),
        advisor=User.objects.get(email="advisor@example.org"),
        steering=User.objects.get(email="steering@example.org"),
        member=User.objects.get(email="aisha.mohammed@example.org"),
    )
    now = timezone.now()
    held = (
        Meeting.objects.filter(group=resource, ends_at__lt=now, minutes_status="approved")
        .order_by("-starts_at")
        .first()
    )
    rep_sheet = Timesheet.objects.filter(programme=a, person=people.paid_rep).latest("month")
    template = ChecklistTemplate.objects.filter(programme=a).order_by("pk").first()
    version = template.versions.order_by("-number").first()
    survey = Survey.objects.filter(programme=a, status=Survey.Status.PUBLISHED).first()
    question = survey.questions.order_by("position").first()
    offer = Offer.objects.filter(programme=a).order_by("pk").first()
    posting = Posting.objects.filter(programme=a).order_by("-closes_on").first()
    member_seat = Membership.objects.get(person=people.member, group=resource)
    story = Story.objects.filter(group=resource).order_by("pk").first()
    # Drafts, for the pages that only work on what is not published yet.
    draft_survey = SurveyFactory(programme=a, slug="utkast", status=Survey.Status.DRAFT)
    draft_question = QuestionFactory(survey=draft_survey, position=1)
    review_survey = SurveyFactory(programme=a, slug="til-gjennomsyn", status=Survey.Status.REVIEW)
    QuestionFactory(survey=review_survey, position=1)
    draft_version = ChecklistVersionFactory(
        template=template, number=version.number + 1, published_at=None
    )
    draft_point = ChecklistItemFactory(version=draft_version, text="Nytt punkt")
    theme = StoryTheme.objects.filter(programme=a).order_by("pk").first()
    A = {
        "slug": a.slug,
        "group_id": resource.pk,
        "membership_id": member_seat.pk,
        "pk": Invitation.objects.create(
            email="new.person@example.org",
            person=UserFactory(email="new.person@example.org"),
            programme=a,
            invited_by=people.coordinator,
        ).pk,
        "meeting_id": held.pk,
        "agenda_item_id": AgendaItemFactory(
            meeting=held, number=99, state=AgendaItem.State.PROPOSED
        ).pk,
        # Not the plain member's own: its owner may mark it too (tests/participation covers it).
        "action_item_id": ActionItem.objects.filter(group=resource)
        .exclude(owner=people.member)
        .first()
        .pk,
        "decision_id": DecisionFactory(meeting=held).pk,
        "input_id": Input.objects.filter(programme=a).order_by("pk").first().pk,
        # An open input the demo gives to NAV Gjøvik, whose leader is the steering member.
        "owned_input_id": Input.objects.filter(
            programme=a,
            assigned_office__code="gjovik",
            assigned_to__isnull=True,
            status=Input.Status.RECEIVED,
        )
        .order_by("pk")
        .first()
        .pk,
        "year": rep_sheet.month.year,
        "month": rep_sheet.month.month,
        "entry_id": TimeEntry.objects.filter(timesheet=rep_sheet).first().pk,
        "timesheet_id": rep_sheet.pk,
        "contract_id": Contract.objects.filter(programme=a, person=people.paid_rep).first().pk,
        "story_id": story.pk,
        "own_story_id": StoryFactory(
            group=resource, author=people.member, input_consented_at=timezone.now()
        ).pk,
        "theme_id": theme.pk,
        "posting_id": posting.pk,
        "application_id": Application.objects.filter(posting__programme=a).first().pk,
        "claim_id": TravelClaim.objects.filter(programme=a).first().pk,
        "line_id": BudgetLine.objects.filter(programme=a).first().pk,
        "cost_id": OtherCost.objects.filter(programme=a).first().pk,
        "honorarium_id": Honorarium.objects.filter(programme=a).first().pk,
        "template_id": template.pk,
        "number": version.number,
        "checklist_item_id": version.items.first().pk,
        "use_id": ChecklistUse.objects.filter(version__template=template).first().pk,
        "survey_id": survey.pk,
        "question_id": question.pk,
        "comment_id": ReviewComment.objects.filter(question__survey__programme=a)
        .values_list("pk", flat=True)
        .first(),
        "office_code": survey.offices.order_by("name").first().code,
        "office_id": a.offices.order_by("name").first().pk,
        "offer_id": offer.pk,
        "report_id": _done_report(a).pk,
        "goal_id": Goal.objects.filter(programme=a).order_by("pk").first().pk,
        "token": CalendarFeed.objects.create(user=people.paid_rep).token,
        # A receipt's withdrawal key: only the applicant holds a real one, so everyone gets 404.
        "key": "no-such-key",
        "code": offer.public_code,
        "survey_slug": survey.slug,
        "posting_slug": posting.slug,
        "batch_id": codes_make(survey=survey, office=survey.offices.first(), count=1).pk,
        "cards_batch_id": _cards_batch(survey),
        "member_person_id": people.member.pk,
        "draft_survey_id": draft_survey.pk,
        "draft_question_id": draft_question.pk,
        "draft_comment_id": ReviewComment.objects.create(
            question=draft_question, author=people.paid_rep, text="Uklart spørsmål"
        ).pk,
        "review_survey_id": review_survey.pk,
        "draft_number": draft_version.number,
        "draft_point_id": draft_point.pk,
        # The demo's yearly task the steering member (NAV Gjøvik's leader) is responsible for.
        "annual_task_id": AnnualTask.objects.get(
            programme=a, owner=people.steering, title__startswith="Gjennomgang"
        ).pk,
        "module_id": TrainingModule.objects.get(
            programme=a, title="Innføring i brukermedvirkning"
        ).pk,
    }

    # B: another programme, one object of each kind, and its coordinator.
    other_coord = UserFactory(email="other.coordinator@example.org")
    b = ProgrammeFactory(
        name="Et annet prosjekt",
        slug="other",
        offices=list(a.offices.all()[:1]),
        coordinators=[other_coord],
    )
    b_group = GroupFactory(name="Annen ressursgruppe", kind=Group.Kind.RESOURCE, programmes=[b])
    b_member = MembershipFactory(group=b_group, office=b.offices.first())
    b_rep = MembershipFactory(group=b_group, role=Membership.Role.PAID_REPRESENTATIVE).person
    b_meeting = MeetingFactory(group=b_group)
    b_sheet = TimesheetFactory(programme=b, person=b_rep, month=rep_sheet.month)
    b_template, b_version, b_items = published_checklist(b)
    b_survey = published_survey(b, slug="annen-undersokelse")
    b_question = QuestionFactory(survey=b_survey, position=1)
    b_offer = OfferFactory(programme=b, office=b.offices.first())
    b_posting = PostingFactory(programme=b, group=b_group, slug="annen-utlysning")
    b_line = BudgetLine.objects.create(
        programme=b, kind=BudgetLine.Kind.OTHER, name="Mat", amount=Decimal("1000")
    )
    b_own_office = OfficeFactory(code="annet-kontor")
    B = {
        "slug": b.slug,
        "group_id": b_group.pk,
        "membership_id": b_member.pk,
        "pk": Invitation.objects.create(
            email="b.person@example.org",
            person=UserFactory(email="b.person@example.org"),
            programme=b,
            invited_by=other_coord,
        ).pk,
        "meeting_id": b_meeting.pk,
        "agenda_item_id": AgendaItemFactory(meeting=b_meeting).pk,
        "action_item_id": ActionItemFactory(meeting=b_meeting, group=b_group).pk,
        "decision_id": DecisionFactory(meeting=b_meeting).pk,
        "input_id": InputFactory(programme=b, group=b_group).pk,
        "owned_input_id": InputFactory(programme=b, group=b_group).pk,
        "year": A["year"],
        "month": A["month"],
        "entry_id": TimeEntryFactory(timesheet=b_sheet).pk,
        "timesheet_id": b_sheet.pk,
        "contract_id": ContractFactory(programme=b, person=b_rep).pk,
        "story_id": StoryFactory(group=b_group, author=b_rep).pk,
        "own_story_id": StoryFactory(group=b_group, author=b_rep).pk,
        "theme_id": StoryThemeFactory(programme=b).pk,
        "posting_id": b_posting.pk,
        "application_id": ApplicationFactory(posting=b_posting).pk,
        "claim_id": TravelClaimFactory(programme=b, person=b_rep).pk,
        "line_id": b_line.pk,
        "cost_id": OtherCost.objects.create(
            programme=b, line=b_line, date=b.starts_on, text="Pizza", amount=Decimal("100")
        ).pk,
        "honorarium_id": Honorarium.objects.create(
            programme=b,
            person=b_rep,
            membership=b_member,
            meeting=b_meeting,
            date=b_meeting.starts_at.date(),
            month=b_meeting.starts_at.date().replace(day=1),
            amount=Decimal("300"),
        ).pk,
        "template_id": b_template.pk,
        "number": b_version.number,
        "checklist_item_id": b_items[0].pk,
        "use_id": ChecklistUseFactory(version=b_version, office=b.offices.first()).pk,
        "survey_id": b_survey.pk,
        "question_id": b_question.pk,
        "comment_id": ReviewComment.objects.create(
            question=b_question, author=other_coord, text="Kommentar"
        ).pk,
        "annual_task_id": AnnualTask.objects.create(programme=b, title="Budsjett", month=10).pk,
        "module_id": TrainingModule.objects.create(
            programme=b,
            title="Innføring",
            description="Om prosjektet",
            audiences=["resource_group", "coordinators"],
            duration_minutes=30,
            is_self_study=True,
        ).pk,
        "office_code": b.offices.first().code,
        # An office of the other programme only (its first office is shared with the demo).
        "office_id": b_own_office.pk,
        "offer_id": b_offer.pk,
        "report_id": _done_report(b).pk,
        "goal_id": GoalFactory(programme=b).pk,
        "token": CalendarFeed.objects.create(user=b_rep).token,
        "key": "no-such-key",
        "code": b_offer.public_code,
        "survey_slug": b_survey.slug,
        "posting_slug": b_posting.slug,
        "batch_id": codes_make(survey=b_survey, office=b_survey.offices.first(), count=1).pk,
        "cards_batch_id": _cards_batch(b_survey),
        "member_person_id": b_rep.pk,
    }
    # Added last: b.offices.first() above must stay the office shared with the demo.
    b.offices.add(b_own_office)
    B.update(
        draft_survey_id=B["survey_id"],
        draft_question_id=B["question_id"],
        draft_comment_id=B["comment_id"],
        review_survey_id=B["survey_id"],
        draft_number=B["number"],
        draft_point_id=B["checklist_item_id"],
    )
    users = {
        "member": people.member,
        "paid_rep": people.paid_rep,
        "advisor": people.advisor,
        "steering": people.steering,
        "coordinator": people.coordinator,
        "other_coord": other_coord,
    }
    return SimpleNamespace(a=A, b=B, users=users)


def _cards_batch(survey) -> int:
    """A batch of codes to print on first-meeting cards (made as slips, then marked, so that
    the other programme needs no checklist of its own for the 404 to be tested)."""
    batch = codes_make(survey=survey, office=survey.offices.first(), count=1)
    type(batch).objects.filter(pk=batch.pk).update(printed_as="cards")
    return batch.pk
