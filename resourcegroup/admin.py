from django.contrib import admin

from .models import (
    Application,
    Contract,
    FollowUpContact,
    Onboarding,
    PayrollExport,
    Posting,
    Story,
    StoryTheme,
    Timesheet,
)


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["person", "programme", "starts_on", "ends_on", "hourly_pay"]
    list_filter = ["programme"]
    raw_id_fields = ["person", "renews", "created_by"]


@admin.register(Timesheet)
class TimesheetAdmin(admin.ModelAdmin):
    list_display = ["person", "month", "status", "decided_by"]
    list_filter = ["programme", "status"]
    raw_id_fields = ["person", "decided_by"]


@admin.register(PayrollExport)
class PayrollExportAdmin(admin.ModelAdmin):
    list_display = ["programme", "month", "rows", "by", "at"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "opens_on", "closes_on"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["name", "posting", "status", "received_at"]
    list_filter = ["status", "posting"]


admin.site.register([StoryTheme, FollowUpContact, Onboarding])


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["group", "kind", "written_on"]
    # The story text is personal: kept out of the list.
    raw_id_fields = ["author", "anonymised_by"]
