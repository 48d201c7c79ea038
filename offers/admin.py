from django.contrib import admin

from .models import CrossBorderUse, Offer, OfferInput


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "municipality", "office", "openness", "last_checked_on")
    list_filter = ("kind", "municipality", "openness", "is_active")
    search_fields = ("title", "provider")


@admin.register(CrossBorderUse)
class CrossBorderUseAdmin(admin.ModelAdmin):
    list_display = ("offer", "office", "month", "young_people")


@admin.register(OfferInput)
class OfferInputAdmin(admin.ModelAdmin):
    list_display = ("input", "offer", "reason")
