"""Reads shared by views and reports, split by subject."""

from .attendance import AttendanceOverview, attendance_overviews
from .dashboard import CoordinatorDashboard, coordinator_dashboard
from .groups import group_list_for_landing
from .inputs import input_list, input_stats, inputs_for_member
from .meetings import MeetingDetail, meeting_detail, meeting_list_for_group
from .plan import AnnualPlan, annual_plan
from .setup import SetupStep, is_set_up, setup_steps

__all__ = [
    "AnnualPlan",
    "AttendanceOverview",
    "CoordinatorDashboard",
    "MeetingDetail",
    "SetupStep",
    "annual_plan",
    "attendance_overviews",
    "coordinator_dashboard",
    "group_list_for_landing",
    "input_list",
    "input_stats",
    "inputs_for_member",
    "is_set_up",
    "meeting_detail",
    "meeting_list_for_group",
    "setup_steps",
]
