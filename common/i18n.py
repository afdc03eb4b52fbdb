"""Documents the ward files or sends upward are Vietnamese whatever language the person who
makes them reads the interface in."""

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.utils import translation

P = ParamSpec("P")
R = TypeVar("R")


def in_official_language(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` with the project's own language (Vietnamese) active: official reports,
    their figure snapshots and spreadsheets meant to be filled in and imported back."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapper
