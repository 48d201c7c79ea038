from django.contrib import admin

from .models import Report, ReportSchedule


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["programme", "period_start", "period_end", "status", "requested_at", "attempts"]
    list_filter = ["status", "kind", "programme"]
    readonly_fields = ["requested_at", "started_at", "finished_at", "attempts", "error", "file"]
    raw_id_fields = ["requested_by", "for_meeting"]


@admin.register(ReportSchedule)
class ReportScheduleAdmin(admin.ModelAdmin):
    list_display = ["programme", "is_active", "days_before", "attach_pdf"]
