"""Admin for the surveys' structure only. Responses, answers and check-ins are left out on
purpose: they are read through the results pages, with small groups suppressed."""

from django.contrib import admin

from .models import Question, QuestionOption, Round, Survey


class QuestionOptionInline(admin.TabularInline):
    model = QuestionOption
    extra = 0


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "programme", "status", "opens_on", "closes_on"]
    list_filter = ["status", "programme"]
    search_fields = ["title", "slug"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "survey", "position", "kind", "is_required"]
    list_filter = ["survey", "kind"]
    inlines = [QuestionOptionInline]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["name", "survey", "starts_on", "ends_on"]
