"""The one search of the project: what users type is folded like the stored key (no case, no
diacritics) and every word must appear, in any order: "nghi quyet" finds "Nghị quyết",
"huynh hop phu" finds "Họp phụ huynh"."""

from collections.abc import Callable

from django.db.models import Q, QuerySet

from common.text import search_key

MAX_WORDS = 8  # a pasted paragraph must not become a hundred LIKE clauses


def matching(
    queryset: QuerySet,
    query: str,
    field: str = "search_key",
    also: Callable[[str], Q] | None = None,
) -> QuerySet:
    """Rows whose folded `field` contains every word of the query; `also(word)` adds other
    places a word may be found (a person's unit or position)."""
    for word in search_key(query).split()[:MAX_WORDS]:
        found = Q(**{f"{field}__contains": word})
        if also is not None:
            found |= also(word)
        queryset = queryset.filter(found)
    return queryset
