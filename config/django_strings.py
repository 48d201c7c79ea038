# ruff: noqa: E501 (the strings are Django's, kept whole so they match its msgids)
"""Django's form messages that Medvirk's forms show, marked for translation.

Django's own bokmål says "Feltet er påkrevet" and "Oppgi", and its nynorsk misses some of
these. Listing them here keeps them in the project's catalogues, which take precedence, so
a refused form speaks the same plain language as the rest of Medvirk. Nothing imports this
module; makemessages reads it.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_STRINGS = [
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop("The submitted file is empty."),
]

DJANGO_PLURALS = [
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
    ),
]
