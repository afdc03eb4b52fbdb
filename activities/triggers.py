"""The database triggers that keep coverage's copies of people current.

Coverage counts from two compact tables that copy a person's ward, unit, audience group and
active range: `CoveragePerson`, one row per person (the roster), and `PersonBriefing`, the
first-briefing rows (the briefed). People are written by the units app through many paths (a
form, `bulk_create` and `bulk_update` in roster imports, the admin), and units must not know
about activities; triggers on the people table follow every one of them, in the same
transaction: a new person gets their row, a change of the copied columns reaches both tables,
a deleted person's row goes.

They are (re)installed after every `migrate` (post_migrate, see activities.apps): on SQLite a
migration that rebuilds the people table drops the table's triggers with it, and installing
again is harmless. `rebuild_coverage` installs them too before it rebuilds.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

from activities.models import CoveragePerson, PersonBriefing
from units.models import Person

NAME = "activities_follow_person"
COPIED = ["ward_id", "unit_id", "audience_group_id", "active_from", "active_to"]
EVENTS = ("insert", "update", "delete")


def _tables(connection: BaseDatabaseWrapper) -> tuple[str, str, str]:
    quote = connection.ops.quote_name
    return (
        quote(Person._meta.db_table),
        quote(CoveragePerson._meta.db_table),
        quote(PersonBriefing._meta.db_table),
    )


def _bodies(connection: BaseDatabaseWrapper) -> dict[str, list[str]]:
    """The statements each event runs, the same on both databases."""
    _people, copies, briefings = _tables(connection)
    columns = ", ".join(COPIED)
    assignments = ", ".join(f"{c} = NEW.{c}" for c in COPIED)
    return {
        "insert": [
            f"INSERT INTO {copies} (person_id, {columns}) "
            f"VALUES (NEW.id, {', '.join(f'NEW.{c}' for c in COPIED)})"
        ],
        "update": [
            f"UPDATE {copies} SET {assignments} WHERE person_id = NEW.id",
            f"UPDATE {briefings} SET {assignments} WHERE person_id = NEW.id",
        ],
        "delete": [f"DELETE FROM {copies} WHERE person_id = OLD.id"],
    }


def _event(event: str) -> str:
    return f"UPDATE OF {', '.join(COPIED)}" if event == "update" else event.upper()


def _sqlite(connection: BaseDatabaseWrapper) -> list[str]:
    people = _tables(connection)[0]
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in COPIED)
    statements = []
    for event, body in _bodies(connection).items():
        name = f"{NAME}_{event}"
        when = f" WHEN {changed}" if event == "update" else ""
        statements += [
            f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {_event(event)} ON {people} FOR EACH ROW{when} "
            f"BEGIN {'; '.join(body)}; END",
        ]
    return statements


def _postgresql(connection: BaseDatabaseWrapper) -> list[str]:
    people = _tables(connection)[0]
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in COPIED)
    statements = []
    for event, body in _bodies(connection).items():
        name = f"{NAME}_{event}"
        when = f" WHEN ({changed})" if event == "update" else ""
        statements += [
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {'; '.join(body)}; RETURN NULL; END $$",
            f"DROP TRIGGER IF EXISTS {name} ON {people}",
            f"CREATE TRIGGER {name} AFTER {_event(event)} ON {people} "
            f"FOR EACH ROW{when} EXECUTE FUNCTION {name}()",
        ]
    return statements


STATEMENTS = {"sqlite": _sqlite, "postgresql": _postgresql}


def person_copy_trigger_install(*, connection: BaseDatabaseWrapper) -> None:
    build = STATEMENTS.get(connection.vendor)
    if build is None:
        raise NotImplementedError(f"No coverage trigger for {connection.vendor}.")
    tables = set(connection.introspection.table_names())
    needed = {Person._meta.db_table, CoveragePerson._meta.db_table, PersonBriefing._meta.db_table}
    if not needed <= tables:
        return
    with connection.cursor() as cursor:
        for statement in build(connection):
            cursor.execute(statement)
