"""The one search of the project: what users type is folded like the stored key (no case, no
diacritics) and every word must appear, in any order: "nghi quyet" finds "Nghị quyết",
"huynh hop phu" finds "Họp phụ huynh"."""

from django.db.models import QuerySet

from common.text import search_key

MAX_WORDS = 8  # a pasted paragraph must not become a hundred LIKE clauses


def matching(queryset: QuerySet, query: str, field: str = "search_key") -> QuerySet:
    for word in search_key(query).split()[:MAX_WORDS]:
        queryset = queryset.filter(**{f"{field}__contains": word})
    return queryset
