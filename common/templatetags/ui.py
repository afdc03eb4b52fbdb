from django import template
from django.forms import BoundField

from common.formatting import format_number, format_percent

register = template.Library()

_SELECTS = {"select", "selectmultiple"}


@register.filter
def bootstrap(field: BoundField):
    """Render a form field with Bootstrap classes and the ARIA state of its errors."""
    css = "form-select" if field.widget_type in _SELECTS else "form-control"
    if field.widget_type in {"checkbox", "checkboxselectmultiple", "radioselect"}:
        css = "form-check-input"
    attrs = {"class": css + (" is-invalid" if field.errors else "")}
    if field.errors:
        attrs["aria-invalid"] = "true"
        attrs["aria-describedby"] = f"{field.auto_id}_error"
    return field.as_widget(attrs=attrs)


@register.filter
def vn_number(value, decimals: int = 0) -> str:
    return format_number(value, int(decimals))


@register.filter
def vn_percent(value, decimals: int = 1) -> str:
    return format_percent(value, int(decimals))


@register.filter
def vn_amount(value) -> str:
    """A count or measured amount: whole values without decimals (24), others with one (10,8)."""
    if value is None or value == "":
        return ""
    return format_number(value, 0 if float(value).is_integer() else 1)
