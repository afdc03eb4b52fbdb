import importlib
import pkgutil

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Chỉ số")

    def ready(self) -> None:
        # Every module of indicators/kinds/ registers itself: adding an indicator is adding a
        # file there, nothing else.
        from indicators import kinds

        for module in pkgutil.iter_modules(kinds.__path__):
            importlib.import_module(f"{kinds.__name__}.{module.name}")
