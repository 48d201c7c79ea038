from django.contrib import admin

from .models import ChecklistItem, ChecklistTemplate, ChecklistUse, ChecklistVersion


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    fk_name = "version"
    fields = ["order", "text", "help_text", "category"]
    extra = 0


@admin.register(ChecklistTemplate)
class ChecklistTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "status"]
    list_filter = ["status", "programme"]
    filter_horizontal = ["co_authors"]


@admin.register(ChecklistVersion)
class ChecklistVersionAdmin(admin.ModelAdmin):
    list_display = ["template", "number", "published_at", "retired_at"]
    inlines = [ChecklistItemInline]


@admin.register(ChecklistUse)
class ChecklistUseAdmin(admin.ModelAdmin):
    # Read-only: uses are the advisors' own records, corrected by them in the app.
    list_display = ["met_on", "office", "advisor", "version"]
    list_filter = ["office", "version__template"]
    date_hierarchy = "met_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
