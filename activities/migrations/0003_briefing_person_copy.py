import django.db.models.deletion
from django.db import migrations, models

COPIED = ["ward_id", "unit_id", "audience_group_id", "active_from", "active_to"]


def copy_from_people(apps, schema_editor):
    """Fill the new columns of existing rows from their people (rows made later get them from
    activities.services, and the triggers installed after migrate keep them current)."""
    quote = schema_editor.connection.ops.quote_name
    people = quote(apps.get_model("units", "Person")._meta.db_table)
    briefings = quote(apps.get_model("activities", "PersonBriefing")._meta.db_table)
    for column in COPIED:
        schema_editor.execute(
            f"UPDATE {briefings} SET {column} = (SELECT p.{column} FROM {people} p "
            f"WHERE p.id = {briefings}.person_id)"
        )


def fill_coverage_people(apps, schema_editor):
    quote = schema_editor.connection.ops.quote_name
    people = quote(apps.get_model("units", "Person")._meta.db_table)
    copies = quote(apps.get_model("activities", "CoveragePerson")._meta.db_table)
    columns = ", ".join(COPIED)
    schema_editor.execute(
        f"INSERT INTO {copies} (person_id, {columns}) SELECT id, {columns} FROM {people}"
    )


def _copy(model, null=True):
    return models.ForeignKey(
        db_constraint=False,
        db_index=False,
        null=null,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to=model,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("activities", "0002_briefing_indexes_from_person"),
        ("units", "0001_initial"),
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="CoveragePerson",
            fields=[
                (
                    "person",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="units.person",
                    ),
                ),
                ("active_from", models.DateField(null=True)),
                ("active_to", models.DateField(null=True)),
                ("audience_group", _copy("units.audiencegroup", null=False)),
                ("unit", _copy("units.unit", null=False)),
                ("ward", _copy("units.unit", null=False)),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["ward", "audience_group", "unit", "active_from", "active_to"],
                        name="coverage_person_counts",
                    )
                ],
            },
        ),
        migrations.RunPython(fill_coverage_people, migrations.RunPython.noop),
        migrations.AddField("personbriefing", "ward", _copy("units.unit")),
        migrations.AddField("personbriefing", "unit", _copy("units.unit")),
        migrations.AddField("personbriefing", "audience_group", _copy("units.audiencegroup")),
        migrations.AddField("personbriefing", "active_from", models.DateField(null=True)),
        migrations.AddField("personbriefing", "active_to", models.DateField(null=True)),
        migrations.RunPython(copy_from_people, migrations.RunPython.noop),
        migrations.AlterField("personbriefing", "ward", _copy("units.unit", null=False)),
        migrations.AlterField("personbriefing", "unit", _copy("units.unit", null=False)),
        migrations.AlterField(
            "personbriefing", "audience_group", _copy("units.audiencegroup", null=False)
        ),
        migrations.AlterField(
            "personbriefing",
            "plan",
            models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="plans.plan",
            ),
        ),
        migrations.AlterField(
            "personbriefing",
            "phase",
            models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="plans.phase",
            ),
        ),
        migrations.AddIndex(
            model_name="personbriefing",
            index=models.Index(
                fields=[
                    "plan", "phase", "ward", "audience_group", "unit", "first_briefed_on",
                    "active_from", "active_to",
                ],
                name="briefing_counts",
            ),
        ),
    ]
