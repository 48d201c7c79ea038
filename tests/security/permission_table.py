"""The permission matrix, one row per URL name: which roles may GET and POST it.

Roles (tests/security/matrix_world.py builds them): an anonymous visitor; in the demo programme
a plain resource-group member, a paid representative, an advisor (NAV Gjøvik, project group), a
steering-group member and a coordinator; and the coordinator of another programme.

Allowed means 200 or a redirect that is not to the login page. Everybody else is denied: 404
for the signed-in (403 or 405 also pass: 405 is the answer to a method the URL does not take),
the login page, 403 or 404 for the anonymous. A page the coordinator may open is also opened
with the other programme's objects in the demo programme's address, and must answer 404.

`kwargs` names, for a URL keyword, which of the world's objects to use (drafts for the builder
pages, the meeting's own agenda item...). A new URL without a row fails the matrix: add one.
"""

from dataclasses import dataclass, field

ANONYMOUS = "anonymous"
MEMBER = "member"
PAID_REP = "paid_rep"
ADVISOR = "advisor"
STEERING = "steering"
COORDINATOR = "coordinator"
OTHER_COORDINATOR = "other_coord"

NOBODY: frozenset = frozenset()
PROGRAMME = frozenset({MEMBER, PAID_REP, ADVISOR, STEERING, COORDINATOR})
SIGNED_IN = PROGRAMME | {OTHER_COORDINATOR}
EVERYONE = SIGNED_IN | {ANONYMOUS}


@dataclass(frozen=True)
class Row:
    get: frozenset = NOBODY
    post: frozenset = NOBODY
    both: frozenset | None = None
    kwargs: dict = field(default_factory=dict)

    def allowed(self, method: str) -> frozenset:
        if self.both is not None:
            return frozenset(self.both)
        return frozenset(self.get if method == "GET" else self.post)


PERMISSIONS = {
    # --- participation -------------------------------------------------------------------
    "healthz": Row(get=EVERYONE, post=NOBODY),
    "home": Row(both=SIGNED_IN),
    "undo": Row(post=SIGNED_IN),
    # The glossary is for anyone signed in, not tied to a programme; it answers GET only.
    "glossary": Row(get=SIGNED_IN, post=NOBODY),
    "programme_detail": Row(both=PROGRAMME),
    "person_invite": Row(both={COORDINATOR}),
    "group_members": Row(both={COORDINATOR}),
    "membership_end": Row(both={COORDINATOR}),
    "invitation_resend": Row(get=NOBODY, post={COORDINATOR}),
    # Only the invited person, who is none of the roles here (tests/participation covers them).
    "invitation_respond": Row(both=NOBODY),
    "set_language": Row(get=NOBODY, post=EVERYONE),
    "setup_start": Row(both={COORDINATOR}),
    "setup_programme": Row(both={COORDINATOR}),
    "setup_offices": Row(both={COORDINATOR}),
    "setup_office_edit": Row(both={COORDINATOR}),
    "setup_groups": Row(both={COORDINATOR}),
    "setup_group_create": Row(both={COORDINATOR}),
    "setup_group_edit": Row(both={COORDINATOR}),
    "group_detail": Row(both={MEMBER, PAID_REP, STEERING, COORDINATOR}),
    "attendance_overview": Row(both={PAID_REP, STEERING, COORDINATOR}),
    "meeting_create": Row(both={COORDINATOR}),
    "meeting_series_create": Row(both={COORDINATOR}),
    "meeting_detail": Row(both={MEMBER, PAID_REP, STEERING, COORDINATOR}),
    "meeting_edit": Row(both={COORDINATOR}),
    "meeting_cancel": Row(both={COORDINATOR}),
    "agenda_item_propose": Row(get=NOBODY, post={MEMBER, PAID_REP}),
    "agenda_item_add": Row(get=NOBODY, post={PAID_REP, COORDINATOR}),
    "agenda_item_decide": Row(
        get=NOBODY, post={PAID_REP, COORDINATOR}, kwargs={"item_id": "agenda_item_id"}
    ),
    # GET is the check step: who gets the agenda, by which channel, and the message.
    "agenda_send": Row(both={PAID_REP, COORDINATOR}),
    "meeting_attendance": Row(both={PAID_REP, COORDINATOR}),
    "meeting_minutes": Row(both={PAID_REP, COORDINATOR}),
    # The autosave behind the minutes page: POST only, answers JSON.
    "meeting_minutes_draft": Row(post={PAID_REP, COORDINATOR}),
    # GET is the check step showing the version that will be locked.
    "meeting_minutes_approve": Row(both={COORDINATOR}),
    "meeting_decision_add": Row(get=NOBODY, post={PAID_REP, COORDINATOR}),
    "meeting_action_add": Row(get=NOBODY, post={PAID_REP, COORDINATOR}),
    # Those who record decisions add who follows one up, by when and what.
    "decision_follow_up_add": Row(
        get=NOBODY, post={PAID_REP, COORDINATOR}, kwargs={"decision_id": "decision_id"}
    ),
    "action_item_status": Row(
        get=NOBODY, post={PAID_REP, COORDINATOR}, kwargs={"item_id": "action_item_id"}
    ),
    "input_list": Row(both=PROGRAMME),
    "input_create": Row(both={COORDINATOR}),
    "input_detail": Row(both=PROGRAMME),
    # Answering: the coordinator, or the owner (here the leader of the office given the input).
    "input_status": Row(
        get=NOBODY, post={STEERING, COORDINATOR}, kwargs={"input_id": "owned_input_id"}
    ),
    "input_feedback": Row(get=NOBODY, post={COORDINATOR}),
    "input_assign": Row(get=NOBODY, post={COORDINATOR}),
    "inputs_for_members": Row(both=PROGRAMME),
    # What one owes: anyone in the programme has the page (empty when they owe nothing).
    "inputs_mine": Row(both=PROGRAMME),
    "input_owners": Row(both={COORDINATOR}),
    "meeting_ics": Row(both={MEMBER, PAID_REP, STEERING, COORDINATOR}),
    "calendar_feed": Row(get=EVERYONE, post=NOBODY),
    "calendar_settings": Row(both=PROGRAMME),
    "calendar_feed_create": Row(get=NOBODY, post=PROGRAMME),
    "calendar_feed_reset": Row(get=NOBODY, post=PROGRAMME),
    "calendar_feed_revoke": Row(get=NOBODY, post=PROGRAMME),
    "annual_plan": Row(both=PROGRAMME),
    "annual_plan_year": Row(both=PROGRAMME),
    "group_reminders": Row(both={COORDINATOR}),
    "group_reminders_edit": Row(both={COORDINATOR}),
    "notification_preferences": Row(both=SIGNED_IN),
    # One's own details (home municipality): anyone signed in, about themselves only.
    "profile": Row(both=SIGNED_IN),
    # Planned against used: the programme's overview roles, and the advisor for their office.
    # Yearly tasks of the annual plan: the coordinator defines them.
    "annual_tasks": Row(both={COORDINATOR}),
    "annual_task_edit": Row(both={COORDINATOR}, kwargs={"task_id": "annual_task_id"}),
    # Marked done by the coordinator or the person responsible (the demo's task for the
    # steering member is "annual_task_id").
    "annual_task_done": Row(
        get=NOBODY, post={STEERING, COORDINATOR}, kwargs={"task_id": "annual_task_id"}
    ),
    "advisor_time": Row(both={ADVISOR, STEERING, COORDINATOR}),
    # Recording time used: the coordinator, and the steering member as NAV Gjøvik's leader.
    "advisor_time_record": Row(both={STEERING, COORDINATOR}),
    "person_municipality": Row(both={COORDINATOR}, kwargs={"person_id": "member_person_id"}),
    "audit_log": Row(both={COORDINATOR}),
    # Training: the coordinator runs the modules and the table; everyone reads the modules
    # meant for them and their own page. The demo's "module_id" is the introduction, a
    # self-study module for every role, so each marks it done themselves.
    "training_overview": Row(get={COORDINATOR}, post=NOBODY),
    "training_module_create": Row(both={COORDINATOR}),
    "training_record": Row(both={COORDINATOR}),
    "training_mine": Row(get=PROGRAMME, post=NOBODY),
    "training_module": Row(get=PROGRAMME, post=NOBODY),
    "training_module_edit": Row(both={COORDINATOR}),
    "training_module_done": Row(get=NOBODY, post=PROGRAMME),
    "training_module_remove": Row(both={COORDINATOR}),
    # --- resourcegroup -------------------------------------------------------------------
    "resourcegroup:index": Row(both={MEMBER, PAID_REP, COORDINATOR}),
    "resourcegroup:my_hours": Row(both={PAID_REP}),
    "resourcegroup:my_month": Row(both={PAID_REP}),
    "resourcegroup:my_month_add_meeting": Row(get=NOBODY, post={PAID_REP}),
    "resourcegroup:my_month_submit": Row(get=NOBODY, post={PAID_REP}),
    "resourcegroup:entry_delete": Row(get=NOBODY, post={PAID_REP}),
    "resourcegroup:timesheet_list": Row(both={COORDINATOR}),
    "resourcegroup:timesheet_detail": Row(both={COORDINATOR}),
    "resourcegroup:timesheet_approve": Row(get=NOBODY, post={COORDINATOR}),
    "resourcegroup:timesheet_return": Row(get=NOBODY, post={COORDINATOR}),
    "resourcegroup:payroll": Row(both={COORDINATOR}),
    "resourcegroup:payroll_download": Row(both={COORDINATOR}),
    "resourcegroup:budget": Row(get={STEERING, COORDINATOR}, post={COORDINATOR}),
    "resourcegroup:budget_lines": Row(both={COORDINATOR}),
    "resourcegroup:budget_line_edit": Row(both={COORDINATOR}),
    "resourcegroup:other_cost_delete": Row(both={COORDINATOR}),
    "resourcegroup:contract_list": Row(both={PAID_REP, COORDINATOR}),
    "resourcegroup:contract_new": Row(both={COORDINATOR}),
    "resourcegroup:contract_renew": Row(both={COORDINATOR}),
    "resourcegroup:followup": Row(both={COORDINATOR}),
    "resourcegroup:followup_member": Row(both={COORDINATOR}),
    "resourcegroup:followup_leave": Row(both={COORDINATOR}),
    "resourcegroup:onboarding_list": Row(both={COORDINATOR}),
    "resourcegroup:onboarding_member": Row(both={COORDINATOR}),
    "resourcegroup:story_list": Row(both={MEMBER, PAID_REP, COORDINATOR}),
    "resourcegroup:story_new": Row(both={MEMBER, PAID_REP, COORDINATOR}),
    "resourcegroup:story_detail": Row(get={MEMBER, PAID_REP, COORDINATOR}, post={COORDINATOR}),
    # Only the story's own writer (here the member) withdraws the consent to use it in inputs.
    "resourcegroup:story_consent": Row(both={MEMBER}, kwargs={"story_id": "own_story_id"}),
    "resourcegroup:story_withdraw_consent": Row(
        get=NOBODY, post={MEMBER}, kwargs={"story_id": "own_story_id"}
    ),
    "resourcegroup:theme_list": Row(both={COORDINATOR}),
    "resourcegroup:theme_input": Row(both={COORDINATOR}),
    "resourcegroup:posting_list": Row(both={COORDINATOR}),
    "resourcegroup:posting_new": Row(both={COORDINATOR}),
    "resourcegroup:posting_detail": Row(both={COORDINATOR}),
    "resourcegroup:posting_edit": Row(both={COORDINATOR}),
    "resourcegroup:application_new": Row(both={COORDINATOR}),
    "resourcegroup:application_detail": Row(both={COORDINATOR}),
    "resourcegroup:application_withdraw_consent": Row(both={COORDINATOR}),
    "resourcegroup:apply": Row(both=EVERYONE),
    "resourcegroup:apply_thanks": Row(both=EVERYONE),
    # The applicant's own withdrawal link: the random key is the proof, so nobody here has one.
    "resourcegroup:apply_withdraw": Row(both=NOBODY),
    "resourcegroup:travel_list": Row(both={MEMBER, PAID_REP, COORDINATOR}),
    "resourcegroup:travel_new": Row(both={MEMBER, PAID_REP}),
    "resourcegroup:travel_detail": Row(both={MEMBER, COORDINATOR}),
    "resourcegroup:travel_edit": Row(both={MEMBER}),
    "resourcegroup:travel_approve": Row(get=NOBODY, post={COORDINATOR}),
    "resourcegroup:travel_return": Row(get=NOBODY, post={COORDINATOR}),
    "resourcegroup:honoraria": Row(both={COORDINATOR}),
    # Counts only (under 5 hidden); answers GET only.
    "resourcegroup:representation": Row(get={STEERING, COORDINATOR}, post=NOBODY),
    "resourcegroup:honorarium_rate_set": Row(both={COORDINATOR}),
    "resourcegroup:honoraria_generate": Row(get=NOBODY, post={COORDINATOR}),
    "resourcegroup:honoraria_month": Row(both={COORDINATOR}),
    "resourcegroup:honoraria_approve": Row(both={COORDINATOR}),
    "resourcegroup:honorarium_decline": Row(get=NOBODY, post={COORDINATOR}),
    # --- checklists ----------------------------------------------------------------------
    "checklists:home": Row(both=PROGRAMME),
    "checklists:use_record": Row(both={ADVISOR}),
    "checklists:use_update": Row(both={ADVISOR}),
    "checklists:template_create": Row(both={COORDINATOR}),
    "checklists:template_detail": Row(both=PROGRAMME),
    "checklists:template_update": Row(both={COORDINATOR}),
    "checklists:version_revise": Row(get=NOBODY, post={COORDINATOR}),
    "checklists:template_retire": Row(get=NOBODY, post={COORDINATOR}),
    "checklists:version_detail": Row(both=PROGRAMME),
    "checklists:version_update": Row(both={COORDINATOR}, kwargs={"number": "draft_number"}),
    "checklists:version_publish": Row(
        get=NOBODY, post={COORDINATOR}, kwargs={"number": "draft_number"}
    ),
    "checklists:item_create": Row(both={COORDINATOR}, kwargs={"number": "draft_number"}),
    "checklists:item_update": Row(
        both={COORDINATOR}, kwargs={"number": "draft_number", "item_id": "draft_point_id"}
    ),
    "checklists:item_delete": Row(
        get=NOBODY,
        post={COORDINATOR},
        kwargs={"number": "draft_number", "item_id": "draft_point_id"},
    ),
    "checklists:figures": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "checklists:figures_uses_csv": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "checklists:figures_points_csv": Row(both={ADVISOR, STEERING, COORDINATOR}),
    # --- surveys -------------------------------------------------------------------------
    "surveys:respond": Row(both=EVERYONE),
    "surveys:thanks": Row(get=EVERYONE, post=NOBODY),
    "surveys:survey_list": Row(both=PROGRAMME),
    "surveys:survey_create": Row(both={COORDINATOR}),
    "surveys:meeting_check_in": Row(both={MEMBER, PAID_REP}),
    "surveys:check_in_results": Row(both={COORDINATOR}),
    "surveys:survey_detail": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "surveys:survey_edit": Row(both={COORDINATOR}, kwargs={"survey_id": "draft_survey_id"}),
    "surveys:question_create": Row(both={COORDINATOR}, kwargs={"survey_id": "draft_survey_id"}),
    "surveys:question_edit": Row(
        both={COORDINATOR},
        kwargs={"survey_id": "draft_survey_id", "question_id": "draft_question_id"},
    ),
    "surveys:question_delete": Row(
        both={COORDINATOR},
        kwargs={"survey_id": "draft_survey_id", "question_id": "draft_question_id"},
    ),
    "surveys:question_move": Row(
        get=NOBODY,
        post={COORDINATOR},
        kwargs={"survey_id": "draft_survey_id", "question_id": "draft_question_id"},
    ),
    "surveys:survey_preview": Row(both={COORDINATOR}, kwargs={"survey_id": "draft_survey_id"}),
    "surveys:survey_review": Row(
        get={COORDINATOR}, post=NOBODY, kwargs={"survey_id": "review_survey_id"}
    ),
    "surveys:survey_send_for_review": Row(
        get=NOBODY, post={COORDINATOR}, kwargs={"survey_id": "draft_survey_id"}
    ),
    "surveys:survey_back_to_draft": Row(
        get=NOBODY, post={COORDINATOR}, kwargs={"survey_id": "review_survey_id"}
    ),
    "surveys:comment_resolve": Row(
        get=NOBODY,
        post={COORDINATOR},
        kwargs={"survey_id": "draft_survey_id", "comment_id": "draft_comment_id"},
    ),
    # GET is the check step listing the questions publishing locks.
    "surveys:survey_publish": Row(both={COORDINATOR}, kwargs={"survey_id": "draft_survey_id"}),
    "surveys:survey_close": Row(get=NOBODY, post={COORDINATOR}),
    "surveys:survey_reopen": Row(get=NOBODY, post={COORDINATOR}),
    "surveys:round_create": Row(both={COORDINATOR}),
    "surveys:survey_share": Row(both={COORDINATOR}),
    "surveys:survey_qr": Row(both={COORDINATOR}),
    "surveys:survey_qr_png": Row(both={COORDINATOR}),
    "surveys:survey_results": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "surveys:survey_export": Row(both={STEERING, COORDINATOR}),
    "surveys:survey_codes": Row(both={COORDINATOR}),
    "data_register": Row(both={COORDINATOR}),
    "person_export": Row(both={COORDINATOR}, kwargs={"person_id": "member_person_id"}),
    "person_erase": Row(
        get={COORDINATOR}, post={COORDINATOR}, kwargs={"person_id": "member_person_id"}
    ),
    "surveys:checklist_comparison": Row(get={ADVISOR, STEERING, COORDINATOR}, post={COORDINATOR}),
    # --- offers --------------------------------------------------------------------------
    "offers:judge": Row(both=EVERYONE),
    "offers:judge_thanks": Row(both=EVERYONE),
    "offers:list": Row(both=PROGRAMME),
    "offers:create": Row(both={ADVISOR, COORDINATOR}),
    "offers:region": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "offers:missing": Row(both={MEMBER, PAID_REP, ADVISOR, COORDINATOR}),
    "offers:export": Row(both={ADVISOR, COORDINATOR}),
    "offers:import": Row(both={ADVISOR, COORDINATOR}),
    "offers:detail": Row(both=PROGRAMME),
    "offers:edit": Row(both={ADVISOR, COORDINATOR}),
    "offers:checked": Row(get=NOBODY, post={ADVISOR, COORDINATOR}),
    "offers:use_record": Row(both={ADVISOR, COORDINATOR}),
    "offers:input_raise": Row(both={MEMBER, PAID_REP, ADVISOR, COORDINATOR}),
    # --- reports -------------------------------------------------------------------------
    "reports:report_archive": Row(both={STEERING, COORDINATOR}),
    "reports:report_create": Row(get=NOBODY, post={STEERING, COORDINATOR}),
    "reports:report_schedule": Row(both={COORDINATOR}),
    # The internal version that names members: coordinators only, made on a GET.
    "reports:report_internal": Row(get={COORDINATOR}, post=NOBODY),
    "reports:report_detail": Row(both={STEERING, COORDINATOR}),
    "reports:report_download": Row(both={STEERING, COORDINATOR}),
    "reports:report_retry": Row(get=NOBODY, post={STEERING, COORDINATOR}),
    "reports:checklist_card": Row(both=PROGRAMME),
    "reports:survey_poster": Row(both={COORDINATOR}),
    "reports:survey_card": Row(both={COORDINATOR}),
    "reports:survey_code_slips": Row(both={COORDINATOR}),
    "reports:survey_code_cards": Row(both={COORDINATOR}, kwargs={"batch_id": "cards_batch_id"}),
    "reports:survey_results_pdf": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "reports:timesheet_pdf": Row(both={PAID_REP, COORDINATOR}),
    "reports:meeting_minutes_pdf": Row(both={MEMBER, PAID_REP, STEERING, COORDINATOR}),
    "reports:offer_list_pdf": Row(both=PROGRAMME),
    "reports:offer_poster_pdf": Row(both=PROGRAMME),
    # Each office's card: coordinators and the steering group (an office's leader sits there);
    # GET only. The other programme's own office answers 404 to the coordinator.
    "reports:office_card_list": Row(get={STEERING, COORDINATOR}, post=NOBODY),
    "reports:office_card": Row(get={STEERING, COORDINATOR}, post=NOBODY),
    # Goals: the programme's staff read them; coordinators change them.
    "reports:goal_list": Row(both={ADVISOR, STEERING, COORDINATOR}),
    "reports:goal_create": Row(both={COORDINATOR}),
    "reports:goal_edit": Row(both={COORDINATOR}),
    "reports:goal_archive": Row(get=NOBODY, post={COORDINATOR}),
    "reports:goal_restore": Row(get=NOBODY, post={COORDINATOR}),
    # --- ops: Django staff only (none of the roles is staff; tests/ops covers staff) --------
    "ops:status": Row(both=NOBODY),
}
