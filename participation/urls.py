from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("p/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path("p/<slug:slug>/invite/", views.person_invite, name="person_invite"),
    path(
        "p/<slug:slug>/invitations/<int:pk>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        views.invitation_accept,
        name="invitation_accept",
    ),
    path("i18n/setlang/", views.set_language, name="set_language"),
]
