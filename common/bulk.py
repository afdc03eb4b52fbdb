"""Writing many rows at once, faster than QuerySet.bulk_create and bulk_update.

bulk_create compiles every value of every row into SQL text through the ORM, which for a
100,000-row roster costs more than reading the spreadsheet, and bulk_update grows a CASE per
field with every row of a batch. Here ids are reserved up front (inside the caller's
transaction), each value of a type the drivers do not take as it is (dates, JSON) is
prepared by its own field as the ORM would, and the rows travel by COPY on PostgreSQL and
by executemany into a temporary table on SQLite (3.33 or later, for UPDATE ... FROM).
"""

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.db import connection
from django.db.models import DateTimeField, JSONField, Model
from django.utils import timezone

# Types whose Python values both database drivers take as they are; every other field (dates,
# JSON, decimals...) is prepared by the field itself.
_PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "EmailField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
}


def _preparer(field) -> Callable[[object], object] | None:
    if field.get_internal_type() in _PLAIN_TYPES:
        return None
    if isinstance(field, JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    prepared: dict = {}

    def prepare(value: object) -> object:
        # A bulk write repeats few values per column (one timestamp, a few thousand birth
        # dates): each is prepared once.
        try:
            return prepared[value]
        except KeyError:
            result = prepared[value] = field.get_db_prep_save(value, connection)
            return result

    return prepare


@contextmanager
def collector_paused():
    """Bulk work builds one object per row and no reference cycles; without the pause each
    pass of the cyclic collector walks every row built so far, a third of an import's time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _prepared(fields: Sequence, rows: Iterable[Sequence]) -> Iterator[list]:
    """Row by row, so that 100,000 rows are never all held twice."""
    preparers = [(i, prepare) for i, f in enumerate(fields) if (prepare := _preparer(f))]
    for row in rows:
        values = list(row)
        for index, prepare in preparers:
            values[index] = prepare(values[index])
        yield values


def _copy_in(cursor, table: str, columns: str, prepared: Iterable[list]) -> None:
    """PostgreSQL COPY: one statement for every row, where INSERTs are parsed and planned one
    by one (28 s against 15 s for a 100,000-row roster import)."""
    with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for values in prepared:
            copy.write_row(values)


@contextmanager
def _staged(cursor, table: str, columns: str, width: int, prepared: Iterable[list]):
    """The rows in a temporary table with the columns of `table`, named by what it yields.

    On SQLite an executemany INSERT restarts the statement, and any trigger, for every row:
    100,000 people took 3.2 s that way and 1.6 s staged and moved by one statement."""
    staging = connection.ops.quote_name("bulk_staging")
    cursor.execute(f"DROP TABLE IF EXISTS {staging}")
    cursor.execute(f"CREATE TEMP TABLE {staging} AS SELECT {columns} FROM {table} WHERE 1 = 0")
    try:
        if connection.vendor == "postgresql":
            _copy_in(cursor, staging, columns, prepared)
        else:
            marks = ", ".join(["%s"] * width)
            cursor.executemany(f"INSERT INTO {staging} VALUES ({marks})", prepared)
        yield staging
    finally:
        cursor.execute(f"DROP TABLE IF EXISTS {staging}")


def insert_rows(model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> None:
    """INSERT rows of `model`, each a sequence of Python values of the fields `names`."""
    fields = [model._meta.get_field(name) for name in names]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    prepared = _prepared(fields, rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy_in(cursor, table, columns, prepared)
            return
        with _staged(cursor, table, columns, len(fields), prepared) as staging:
            cursor.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staging}")


def bulk_update(objects: Sequence[Model], names: Sequence[str]) -> None:
    """Write the fields `names` of saved instances of one model, each its own values, with
    one UPDATE ... FROM a staging table. QuerySet.bulk_update builds a CASE per field over
    every id of a batch: 195 s for 100,000 people whose position changed."""
    if not objects:
        return
    model = type(objects[0])
    quote = connection.ops.quote_name
    fields = [model._meta.pk, *(model._meta.get_field(name) for name in names)]
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(f.column) for f in fields)
    attnames = [f.attname for f in fields]
    prepared = _prepared(fields, ([getattr(obj, a) for a in attnames] for obj in objects))
    pk = quote(fields[0].column)
    assignments = ", ".join(f"{quote(f.column)} = s.{quote(f.column)}" for f in fields[1:])
    where = f"{table}.{pk} = s.{pk}"
    with (
        connection.cursor() as cursor,
        _staged(cursor, table, columns, len(fields), prepared) as staging,
    ):
        cursor.execute(f"UPDATE {table} SET {assignments} FROM {staging} AS s WHERE {where}")


def _reserve_ids(model: type[Model], count: int) -> list[int]:
    """Ids no other writer can take: on SQLite the caller's transaction already holds the
    write lock (transaction_mode IMMEDIATE); on PostgreSQL the sequence hands them out."""
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(
            f"SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 0) "
            f"FROM {connection.ops.quote_name(table)}"
        )
        start = cursor.fetchone()[0] + 1
    return list(range(start, start + count))


def bulk_insert(objects: Sequence[Model]) -> None:
    """Save new model instances of one model and set their ids; call inside a transaction."""
    if not objects:
        return
    model = type(objects[0])
    for instance, pk in zip(objects, _reserve_ids(model, len(objects)), strict=True):
        instance.pk = pk
    fields = list(model._meta.concrete_fields)
    # One moment for the whole batch, as one INSERT statement would have.
    now = timezone.now()
    for field in fields:
        if getattr(field, "auto_now_add", False) or getattr(field, "auto_now", False):
            value = now if isinstance(field, DateTimeField) else timezone.localdate(now)
            for instance in objects:
                setattr(instance, field.attname, value)
    names = [f.name for f in fields]
    attnames = [f.attname for f in fields]
    insert_rows(model, names, ([getattr(obj, name) for name in attnames] for obj in objects))
