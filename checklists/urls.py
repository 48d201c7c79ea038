"""checklists' URLs: programme pages under p/<slug>/checklist/."""

from .views import figures, templates, uses

app_name = "checklists"
urlpatterns = uses.urlpatterns + templates.urlpatterns + figures.urlpatterns
