"""Who may see and do what. The one place views and selectors ask.

Outsiders get a 404 whether the object exists or not, so that nobody can probe for
another programme's pages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Group, Input, Meeting, Membership, Programme, User

# Roles in a group that may write its agendas and minutes besides the coordinators
# (the paid representatives help write them, DESIGN.md).
WRITER_ROLES = (
    Membership.Role.CHAIR,
    Membership.Role.SECRETARY,
    Membership.Role.PAID_REPRESENTATIVE,
)
# Who can be given an input by name besides the coordinators: office leaders and advisors.
INPUT_OWNER_ROLES = (Membership.Role.LEADER, Membership.Role.ADVISOR)
# Who answers for a group that owns an input: those who keep its records and the staff in it.
GROUP_ANSWER_ROLES = (
    Membership.Role.CHAIR,
    Membership.Role.SECRETARY,
    Membership.Role.LEADER,
    Membership.Role.ADVISOR,
)


@dataclass(frozen=True)
class ProgrammeAccess:
    """What one user is in one programme: coordinator, and/or roles in its groups."""

    programme: Programme
    is_coordinator: bool = False
    memberships: tuple[Membership, ...] = field(default_factory=tuple)
    # The signed-in person; None for work done without one (coordinators_view_of).
    person_id: int | None = None

    @property
    def group_kinds(self) -> set[str]:
        return {m.group.kind for m in self.memberships}

    @property
    def office_ids(self) -> set[int]:
        return {m.office_id for m in self.memberships if m.office_id}

    @property
    def is_steering_member(self) -> bool:
        return Group.Kind.STEERING in self.group_kinds

    @property
    def is_advisor(self) -> bool:
        return any(m.role == Membership.Role.ADVISOR for m in self.memberships)

    @property
    def is_paid_representative(self) -> bool:
        return any(m.is_paid_representative for m in self.memberships)

    @property
    def is_resource_group_member(self) -> bool:
        return Group.Kind.RESOURCE in self.group_kinds

    @property
    def can_manage(self) -> bool:
        """Coordinators run the programme: groups, people, invitations."""
        return self.is_coordinator

    @property
    def can_see_programme_overview(self) -> bool:
        """Figures across the whole programme: coordinators and the steering group."""
        return self.is_coordinator or self.is_steering_member

    def group_ids(self) -> set[int]:
        return {m.group_id for m in self.memberships}

    def can_write_for(self, group: Group) -> bool:
        """Agendas and minutes: coordinators, and the group's chair, secretary or paid reps."""
        return self.is_coordinator or any(
            m.group_id == group.pk and m.role in WRITER_ROLES for m in self.memberships
        )

    @property
    def led_office_ids(self) -> set[int]:
        """Offices the person leads (an office leader's seat, usually in the steering group)."""
        return {
            m.office_id
            for m in self.memberships
            if m.role == Membership.Role.LEADER and m.office_id
        }

    @property
    def answering_group_ids(self) -> set[int]:
        """Groups the person answers for when the group owns an input."""
        return {m.group_id for m in self.memberships if m.role in GROUP_ANSWER_ROLES}

    def can_answer(self, item: Input) -> bool:
        """The one answer/decline path: a coordinator, the person given the input, a leader of
        the office given it, or one who answers for the group given it."""
        if self.is_coordinator:
            return True
        if self.person_id is not None and item.assigned_to_id == self.person_id:
            return True
        if item.assigned_office_id and item.assigned_office_id in self.led_office_ids:
            return True
        return bool(item.assigned_group_id and item.assigned_group_id in self.answering_group_ids)

    @property
    def role_labels(self) -> list[str]:
        from django.utils.translation import gettext as _

        labels = [_("Coordinator")] if self.is_coordinator else []
        for membership in self.memberships:
            label = membership.get_role_display()
            if label not in labels:
                labels.append(label)
        return labels


def coordinators_view_of(programme: Programme) -> ProgrammeAccess:
    """The programme as its coordinators see it, for work done without a signed-in user
    (reminder sweeps, reports a worker makes). No code outside this module builds one."""
    return ProgrammeAccess(programme=programme, is_coordinator=True)


def programmes_visible_to(user: User) -> QuerySet[Programme]:
    """Programmes the user coordinates or has a current membership in."""
    if not user.is_authenticated:
        return Programme.objects.none()
    current = Membership.objects.current().filter(person=user)
    return (
        Programme.objects.filter(Q(coordinators=user) | Q(groups__memberships__in=current))
        .distinct()
        .order_by("name")
    )


def access_programme(user: User, slug: str) -> ProgrammeAccess:
    """The user's access to the programme with this slug; 404 if missing or not theirs."""
    if not user.is_authenticated:
        raise Http404
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        raise Http404
    access = programme_access_for(user, programme)
    if not (access.is_coordinator or access.memberships):
        raise Http404
    return access


def programme_access_for(user: User, programme: Programme) -> ProgrammeAccess:
    """Build the access record for a programme already fetched (no 404 here)."""
    memberships = tuple(
        Membership.objects.current()
        .filter(person=user, group__programmes=programme)
        .select_related("group", "office")
        .order_by("group__name")
    )
    is_coordinator = programme.coordinators.filter(pk=user.pk).exists()
    return ProgrammeAccess(
        programme=programme,
        is_coordinator=is_coordinator,
        memberships=memberships,
        person_id=user.pk,
    )


def programme_accesses_for(user: User) -> list[ProgrammeAccess]:
    """The user's access in each programme they belong to, in three queries."""
    programmes = list(programmes_visible_to(user))
    if not programmes:
        return []
    coordinated = set(user.coordinated_programmes.values_list("pk", flat=True))
    memberships = list(
        Membership.objects.current()
        .filter(person=user)
        .select_related("group", "office")
        .order_by("group__name")
    )
    links = Group.programmes.through.objects.filter(
        group_id__in={m.group_id for m in memberships}
    ).values_list("group_id", "programme_id")
    programmes_of_group: dict[int, set[int]] = {}
    for group_id, programme_id in links:
        programmes_of_group.setdefault(group_id, set()).add(programme_id)
    return [
        ProgrammeAccess(
            programme=programme,
            is_coordinator=programme.pk in coordinated,
            memberships=tuple(
                m for m in memberships if programme.pk in programmes_of_group.get(m.group_id, ())
            ),
            person_id=user.pk,
        )
        for programme in programmes
    ]


def can_see_attendance(access: ProgrammeAccess, group: Group) -> bool:
    """Who came to which meeting, by name: coordinators, the steering group and those who keep
    the group's records. A plain member sees only their own attendance, not their peers'."""
    return access.can_see_programme_overview or access.can_write_for(group)


def access_group_attendance(user: User, slug: str, group_id: int) -> tuple[ProgrammeAccess, Group]:
    """A group whose attendance history the user may read; 404 otherwise."""
    access, group = access_group(user, slug, group_id)
    if not can_see_attendance(access, group):
        raise Http404
    return access, group


def groups_visible_to(access: ProgrammeAccess) -> QuerySet[Group]:
    """Coordinators and the steering group see every group; others see their own."""
    groups = access.programme.groups.all()
    if not access.can_see_programme_overview:
        groups = groups.filter(pk__in=[m.group_id for m in access.memberships])
    return groups.order_by("kind", "name")


def requires_mfa(user: User) -> bool:
    """Coordinators and staff must use a second factor (when the setting demands it)."""
    if not settings.MEDVIRK_REQUIRE_MFA or not user.is_authenticated:
        return False
    return user.is_staff or user.coordinated_programmes.exists()


def access_group(user: User, slug: str, group_id: int) -> tuple[ProgrammeAccess, Group]:
    """A group of the programme the user may see; 404 otherwise."""
    access = access_programme(user, slug)
    group = groups_visible_to(access).filter(pk=group_id).first()
    if group is None:
        raise Http404
    return access, group


def meetings_visible_to(access: ProgrammeAccess) -> QuerySet[Meeting]:
    """Meetings of the groups the user sees."""
    return Meeting.objects.filter(group__in=groups_visible_to(access)).select_related("group")


def access_meeting(user: User, slug: str, meeting_id: int) -> tuple[ProgrammeAccess, Meeting]:
    """A meeting of a group the user may see; 404 otherwise."""
    access = access_programme(user, slug)
    meeting = meetings_visible_to(access).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return access, meeting


def inputs_visible_to(access: ProgrammeAccess) -> QuerySet[Input]:
    """Coordinators and the steering group see every input of the programme; members the
    inputs of their own groups; advisors also those their office follows up; everybody those
    given to them or to a group they answer for."""
    inputs = Input.objects.filter(programme=access.programme)
    if access.can_see_programme_overview:
        return inputs
    return inputs.filter(
        Q(group__in=access.group_ids())
        | Q(assigned_office__in=access.office_ids)
        | Q(assigned_group__in=access.answering_group_ids)
        | Q(assigned_to__isnull=False, assigned_to=access.person_id)
    )


def access_input(user: User, slug: str, input_id: int) -> tuple[ProgrammeAccess, Input]:
    access = access_programme(user, slug)
    item = inputs_visible_to(access).filter(pk=input_id).first()
    if item is None:
        raise Http404
    return access, item


def require_answer(access: ProgrammeAccess, item: Input) -> None:
    """Answering an input: 404 to all but those who may (ProgrammeAccess.can_answer)."""
    if not access.can_answer(item):
        raise Http404


def require_manage(access: ProgrammeAccess) -> None:
    """Coordinator-only pages answer 404 to everybody else, like pages they cannot see."""
    if not access.can_manage:
        raise Http404


def advisor_time_office_ids(access: ProgrammeAccess) -> set[int]:
    """Offices whose advisor time the user sees: every office for coordinators and the
    steering group; leaders and advisors their own offices."""
    if access.can_see_programme_overview:
        return set(access.programme.offices.values_list("pk", flat=True))
    return {
        m.office_id
        for m in access.memberships
        if m.office_id and m.role in (Membership.Role.LEADER, Membership.Role.ADVISOR)
    }


def advisor_time_recording_office_ids(access: ProgrammeAccess) -> set[int]:
    """Offices whose used advisor time the user records: coordinators all, leaders their own."""
    if access.is_coordinator:
        return set(access.programme.offices.values_list("pk", flat=True))
    return access.led_office_ids & set(access.programme.offices.values_list("pk", flat=True))


def can_mark_annual_task(access: ProgrammeAccess, task) -> bool:
    """A yearly task is marked done by a coordinator or the person responsible for it."""
    return access.is_coordinator or (
        task.owner_id is not None and task.owner_id == access.person_id
    )


def can_change_action_item(access: ProgrammeAccess, item) -> bool:
    """Marking an action item (a decision's follow-up among them) done, dropped or open: those
    who write the group's minutes, and the person who owns it."""
    return access.can_write_for(item.group) or (
        item.owner_id is not None and item.owner_id == access.person_id
    )


def require_action_item_change(access: ProgrammeAccess, item) -> None:
    """404 to all but those who may (can_change_action_item)."""
    if not can_change_action_item(access, item):
        raise Http404


def require_writer(access: ProgrammeAccess, group: Group) -> None:
    if not access.can_write_for(group):
        raise Http404


def training_audiences_of(access: ProgrammeAccess) -> set[str]:
    """The training audiences the person is in, from their seats and coordinator role."""
    from .models.training import TrainingAudience, audiences_of_seat

    found = {TrainingAudience.COORDINATORS.value} if access.is_coordinator else set()
    for membership in access.memberships:
        found |= audiences_of_seat(group_kind=membership.group.kind, role=membership.role)
    return found


def access_training_module(user: User, slug: str, module_id: int):
    """A training module the user may read: any of the programme's for coordinators; for
    others one in use that is for them or that they have done. 404 otherwise."""
    access = access_programme(user, slug)
    module = access.programme.training_modules.filter(pk=module_id).first()
    if module is None:
        raise Http404
    if access.is_coordinator:
        return access, module
    is_for_them = bool(set(module.audiences) & training_audiences_of(access))
    has_done = module.completions.filter(person_id=access.person_id).exists()
    if module.is_archived or not (is_for_them or has_done):
        raise Http404
    return access, module


def can_mark_training_done(access: ProgrammeAccess, module) -> bool:
    """ "I have done this": a self-study module in use that is meant for the person."""
    return (
        module.is_self_study
        and not module.is_archived
        and bool(set(module.audiences) & training_audiences_of(access))
    )
