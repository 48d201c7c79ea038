"""Form fields shared by every app's forms."""

from django import forms


class CommaDecimalField(forms.DecimalField):
    """A number typed with a decimal comma or point, as people on a Norwegian phone do."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\xa0", "").replace(",", ".")
        return super().to_python(value)

    def widget_attrs(self, widget):
        # No min/max/step attributes: the server's plain-language message explains a limit.
        return {}
