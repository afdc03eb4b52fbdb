"""Reads on the unit tree and the roster. Callers pass querysets already scoped by
accounts.scoping; these functions only shape them."""

from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from common.search import matching
from common.text import search_key
from units.models import AudienceGroup, Person, Unit, UnitKind
from units.roster import previews

_KIND_ORDER = {kind: index for index, kind in enumerate(UnitKind.values)}


@dataclass
class TreeNode:
    unit: Unit
    depth: int
    people: int


def unit_tree(*, units: QuerySet[Unit]) -> list[TreeNode]:
    """The units in tree order: each parent before its children, siblings by kind then name."""
    counts = dict(
        Person.objects.filter(unit__in=units.values("pk"))
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    rows = list(units.only("id", "name", "kind", "parent_id", "code", "is_active", "sort_key"))
    present = {unit.pk for unit in rows}
    children: dict[int | None, list[Unit]] = {}
    for unit in rows:
        parent = unit.parent_id if unit.parent_id in present else None
        children.setdefault(parent, []).append(unit)
    for siblings in children.values():
        siblings.sort(key=lambda u: (_KIND_ORDER.get(u.kind, 99), u.sort_key))
    nodes: list[TreeNode] = []
    stack = [(unit, 0) for unit in reversed(children.get(None, []))]
    while stack:
        unit, depth = stack.pop()
        nodes.append(TreeNode(unit=unit, depth=depth, people=counts.get(unit.pk, 0)))
        stack.extend((child, depth + 1) for child in reversed(children.get(unit.pk, [])))
    return nodes


def unit_people_by_group(*, unit: Unit) -> list[tuple[str, int]]:
    """People in the unit and every unit under it, per audience group."""
    rows = (
        Person.objects.filter(unit__path__startswith=unit.path)
        .values("audience_group__name", "audience_group__order")
        .annotate(n=Count("id"))
        .order_by("audience_group__order", "audience_group__name")
    )
    return [(row["audience_group__name"], row["n"]) for row in rows]


def _people_places(people: QuerySet[Person]):
    """A word of a people search may also name the unit, the audience group or the position.
    Those are few per ward, so they are folded here and matched by id or value: the people
    table needs no second search column, and the roster import stays as fast."""
    # A unit is found by its kind too: "giáo dục" names no school ("Trường ..."), only its
    # kind, "Cơ sở giáo dục".
    units = [
        (pk, f"{key} {search_key(UnitKind(kind).label)}")
        for pk, key, kind in Unit.objects.filter(pk__in=people.values("unit_id")).values_list(
            "pk", "search_key", "kind"
        )
    ]
    groups = [
        (pk, search_key(name))
        for pk, name in AudienceGroup.objects.filter(
            pk__in=people.values("audience_group_id")
        ).values_list("pk", "name")
    ]
    positions = [
        (position, search_key(position))
        for position in people.exclude(position="")
        .order_by()
        .values_list("position", flat=True)
        .distinct()
    ]

    def places(word: str) -> Q:
        return (
            Q(unit_id__in=[pk for pk, key in units if word in key])
            | Q(audience_group_id__in=[pk for pk, key in groups if word in key])
            | Q(position__in=[value for value, key in positions if word in key])
        )

    return places


def person_list(
    *,
    people: QuerySet[Person],
    query: str = "",
    ward: Unit | None = None,
    unit: Unit | None = None,
    audience_group: AudienceGroup | None = None,
) -> QuerySet[Person]:
    """The roster in Vietnamese order; `query` ignores case and diacritics."""
    if ward is not None:
        # Equality on ward lets the (ward, sort_key, ...) index serve the ordering.
        people = people.filter(ward=ward)
    if unit is not None:
        people = people.filter(unit__in=unit.subtree().values("pk"))
    if audience_group is not None:
        people = people.filter(audience_group=audience_group)
    if search_key(query):
        people = matching(people, query, also=_people_places(people))
    # The same order as the person_ward_sort_search index, so no sort step is needed.
    return people.order_by("sort_key", "search_key", "unit_id", "pk")


class _KnownCountPaginator(Paginator):
    def __init__(self, object_list, per_page: int, count: int):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


def person_page(*, people: QuerySet[Person], number: object, size: int) -> Page:
    """One page of the list. Ids come first, from the index alone, and only the page's rows
    are read; a first page that is not full is its own count. On 200,000 people a search
    costs one or two index scans."""
    ids_query = people.values_list("pk", flat=True)
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    ids = list(ids_query[(number - 1) * size : number * size + 1])
    count = len(ids) if number == 1 and len(ids) <= size else ids_query.count()
    paginator = _KnownCountPaginator(ids_query, size, count)
    if not ids and number > 1:  # past the end, as an old link may be: show the last page
        number = paginator.num_pages
        ids = list(ids_query[(number - 1) * size : number * size])
    ids = ids[:size]
    rows = Person.objects.select_related("unit", "audience_group").in_bulk(ids)
    return Page([rows[pk] for pk in ids], number, paginator)


def roster_preview_get(*, token: str, user) -> dict | None:
    """The stored preview, only for the user who uploaded it."""
    folder = previews.folder_for(token)
    if folder is None:
        return None
    data = previews.preview_read(folder)
    if data["user"] != user.pk:
        return None
    data["has_bad_rows"] = (folder / previews.BAD_ROWS).exists()
    return data


def roster_saved_get(*, token: str, user) -> dict | None:
    """What a saved import stored, only for the user who saved it."""
    saved = previews.saved_read(token)
    return saved if saved is not None and saved["user"] == user.pk else None


def roster_bad_rows_path(*, token: str):
    folder = previews.folder_for(token)
    path = folder / previews.BAD_ROWS if folder else None
    return path if path is not None and path.exists() else None
