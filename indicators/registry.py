"""Where indicators plug in. A module of indicators/kinds/ (or another app's AppConfig.ready,
for figures that app owns: report completeness, difficulties, products, budget) registers

- a section: `register_section(key, order)(function)`, `function(facts) -> Section | None`,
  a block of key figures and tables every page, export and command shows as it comes;
- a target measure: `register_measure(indicator_kind)(function)`,
  `function(target, facts) -> Measure`, how a plan target of that kind is measured.

Pages and exports iterate over what is registered; they never name an indicator.
"""

from collections.abc import Callable
from dataclasses import dataclass

from indicators.figures import Measure, Section

SectionFunction = Callable[..., Section | None]
MeasureFunction = Callable[..., Measure]


@dataclass(frozen=True)
class RegisteredSection:
    key: str
    order: int
    function: SectionFunction


_SECTIONS: dict[str, RegisteredSection] = {}
_MEASURES: dict[str, MeasureFunction] = {}


def register_section(key: str, order: int = 100) -> Callable[[SectionFunction], SectionFunction]:
    def decorate(function: SectionFunction) -> SectionFunction:
        _SECTIONS[key] = RegisteredSection(key, order, function)
        return function

    return decorate


def register_measure(kind: str) -> Callable[[MeasureFunction], MeasureFunction]:
    def decorate(function: MeasureFunction) -> MeasureFunction:
        _MEASURES[kind] = function
        return function

    return decorate


def sections() -> list[RegisteredSection]:
    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))


def measure_for(kind: str) -> MeasureFunction | None:
    return _MEASURES.get(kind)
