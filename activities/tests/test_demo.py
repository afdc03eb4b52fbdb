import datetime as dt

from django.utils import timezone

from activities.demo import BRIEFINGS, COLUMN_MONTHS
from activities.models import Activity, PersonBriefing
from demo.services import demo_load
from units.models import Person


def test_the_demo_ward_has_a_living_plan_up_to_today(db):
    demo_load()
    activities = Activity.objects.filter(ward__code="20017")
    assert activities.filter(is_briefing=True).count() == sum(1 for row in BRIEFINGS if row[5])
    assert activities.filter(channel__code="loudspeaker").count() == COLUMN_MONTHS
    assert activities.filter(channel__code="training").get().attendance.count() > 0
    # The current month has something to show, and nothing lies in the future.
    today = timezone.localdate()
    assert activities.filter(held_on__gte=today - dt.timedelta(days=31)).exists()
    assert not activities.filter(held_on__gt=today).exists()
    briefed = PersonBriefing.objects.filter(plan__ward__code="20017", phase__isnull=True).count()
    assert 0 < briefed < Person.objects.filter(ward__code="20017").count()


def test_loading_the_demo_twice_adds_nothing(db):
    demo_load()
    count = Activity.objects.count()
    demo_load()
    assert Activity.objects.count() == count
