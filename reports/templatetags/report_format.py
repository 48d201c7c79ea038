"""The report templates' name for the one set of figure filters (participation's `figures`)."""

from participation.templatetags.figures import register  # noqa: F401
