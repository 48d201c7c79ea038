from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import (
    AuditEvent,
    Group,
    GroupReminderSettings,
    Invitation,
    Membership,
    NotificationPreference,
    Office,
    Programme,
    SentNotification,
    User,
)
from .services import person_deactivate


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["display_name"]
    list_display = ["display_name", "email", "is_staff", "is_active"]
    search_fields = ["display_name", "email"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["display_name", "phone", "language"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Deactivating here closes the account the same way the app does: at once.
        if change and "is_active" in form.changed_data and not obj.is_active:
            person_deactivate(person=obj)


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "code"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "starts_on", "ends_on"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["offices", "coordinators"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    filter_horizontal = ["programmes"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "group", "role", "office", "starts_on", "ends_on"]
    list_filter = ["group", "role", "office"]
    autocomplete_fields = ["person"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "programme", "created_at", "sent_at", "accepted_at"]
    readonly_fields = ["created_at", "sent_at", "accepted_at"]


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ["person", "kind", "channel"]
    list_filter = ["kind", "channel"]
    autocomplete_fields = ["person"]


@admin.register(GroupReminderSettings)
class GroupReminderSettingsAdmin(admin.ModelAdmin):
    list_display = ["group"]


@admin.register(SentNotification)
class SentNotificationAdmin(admin.ModelAdmin):
    """The log of what was sent: read-only, it is what keeps reminders from repeating."""

    list_display = ["recipient", "kind", "occasion_key", "channel", "status", "sent_at"]
    list_filter = ["kind", "channel"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, for staff too."""

    list_display = ["at", "actor", "action", "programme", "subject"]
    list_filter = ["action", "programme"]
    search_fields = ["subject"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
