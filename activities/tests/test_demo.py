from activities.models import Activity, PersonBriefing
from demo.services import demo_load


def test_the_demo_ward_has_activities_with_attendance_and_coverage(db):
    demo_load()
    activities = Activity.objects.filter(ward__code="20017")
    assert activities.filter(is_briefing=True).count() == 4
    assert activities.filter(channel__code="loudspeaker", duration_minutes=15).exists()
    assert PersonBriefing.objects.filter(plan__ward__code="20017").exists()
    demo_load()  # idempotent
    assert Activity.objects.filter(ward__code="20017").count() == activities.count()
