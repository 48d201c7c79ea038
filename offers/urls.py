"""offers' URLs: the register under p/<slug>/offers/, and the young people's page at /o/<code>/
(printed as a QR code at the offer, so it stays put)."""

from django.urls import path

from .views import judging, region, register, spreadsheet

app_name = "offers"

OFFER = "p/<slug:slug>/offers/<int:offer_id>/"

urlpatterns = [
    # Public, anonymous.
    path("o/<slug:code>/", judging.judge, name="judge"),
    path("o/<slug:code>/thanks/", judging.judge_thanks, name="judge_thanks"),
    # Programme pages.
    path("p/<slug:slug>/offers/", register.offer_list, name="list"),
    path("p/<slug:slug>/offers/new/", register.offer_create, name="create"),
    path("p/<slug:slug>/offers/region/", region.region, name="region"),
    path("p/<slug:slug>/offers/missing/", region.missing_offer, name="missing"),
    path("p/<slug:slug>/offers/export.csv", spreadsheet.register_export, name="export"),
    path("p/<slug:slug>/offers/import/", spreadsheet.register_import_page, name="import"),
    path(OFFER, register.offer_detail, name="detail"),
    path(OFFER + "edit/", register.offer_edit, name="edit"),
    path(OFFER + "checked/", register.offer_checked, name="checked"),
    path(OFFER + "use/", register.use_record, name="use_record"),
    path(OFFER + "input/", region.input_raise, name="input_raise"),
]
