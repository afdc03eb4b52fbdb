"""Two attendances of one person on two briefings of the same plan, saved at the same moment
(issue 18, item 7): both are kept and the person is briefed once."""

import threading

import pytest
from django.db import connection, connections

from activities.models import Attendance, PersonBriefing
from activities.services import attendance_add


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_briefings_of_one_person_both_count_once(world, make):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time: the race needs PostgreSQL")
    plan = make.plan()
    first = make.activity(plan=plan, title="Hội nghị quán triệt lần 1")
    second = make.activity(plan=plan, title="Hội nghị quán triệt lần 2", unit=world.other_school)
    people = [make.person(name=f"Người {n}") for n in range(20)]
    for person in people:
        start = threading.Barrier(2)
        errors = []

        def attend(activity, person=person, start=start, errors=errors):
            try:
                start.wait()
                attendance_add(activity=activity, person_ids=[person.pk], source="list")
            except Exception as error:  # the test reports what failed, whatever it was
                errors.append(error)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=attend, args=(a,)) for a in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert Attendance.objects.filter(person=person).count() == 2
        assert PersonBriefing.objects.filter(person=person, plan=plan, phase=None).count() == 1
