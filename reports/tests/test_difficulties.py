import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from reports import services
from reports.models import DifficultyStatus
from reports.selectors import difficulties_for_user, difficulties_open

pytestmark = pytest.mark.django_db


def test_a_unit_raises_and_the_coordinator_answers(world):
    difficulty = services.difficulty_raise(
        actor=world.user("focal"), unit=world.school, text="Thiếu tài liệu tuyên truyền."
    )
    assert difficulty.status == DifficultyStatus.OPEN
    assert difficulty.ward == world.ward
    services.difficulty_answer(
        actor=world.user("coordinator"), difficulty=difficulty, answer="Phòng sẽ gửi tài liệu."
    )
    difficulty.refresh_from_db()
    assert difficulty.status == DifficultyStatus.ANSWERED
    assert difficulty.answered_by == world.user("coordinator")
    assert difficulty not in difficulties_open(ward=world.ward)


def test_escalated_ones_stay_open_for_the_ward_report(world):
    difficulty = services.difficulty_raise(
        actor=world.user("focal"), unit=world.school, text="Loa hỏng."
    )
    services.difficulty_escalate(actor=world.user("coordinator"), difficulty=difficulty)
    assert list(difficulties_open(ward=world.ward)) == [difficulty]
    services.difficulty_resolve(
        actor=world.user("coordinator"), difficulty=difficulty, answer="Đã sửa loa."
    )
    assert not difficulties_open(ward=world.ward).exists()
    with pytest.raises(ValidationError, match="đã giải quyết"):
        services.difficulty_escalate(actor=world.user("coordinator"), difficulty=difficulty)


def test_an_answer_needs_text(world):
    difficulty = services.difficulty_raise(actor=world.user("focal"), unit=world.school, text="x")
    with pytest.raises(ValidationError):
        services.difficulty_answer(
            actor=world.user("coordinator"), difficulty=difficulty, answer=""
        )


def test_a_focal_point_cannot_answer_or_raise_for_another_unit(world):
    difficulty = services.difficulty_raise(actor=world.user("focal"), unit=world.school, text="x")
    with pytest.raises(PermissionDenied):
        services.difficulty_answer(actor=world.user("focal"), difficulty=difficulty, answer="ok")
    with pytest.raises(Exception) as error:
        services.difficulty_raise(actor=world.user("focal"), unit=world.other_school, text="y")
    assert error.type.__name__ == "Http404"


def test_each_user_sees_only_difficulties_in_reach(world):
    mine = services.difficulty_raise(actor=world.user("focal"), unit=world.school, text="a")
    theirs = services.difficulty_raise(
        actor=world.user("other_focal"), unit=world.other_school, text="b"
    )
    assert list(difficulties_for_user(user=world.user("focal"))) == [mine]
    assert set(difficulties_for_user(user=world.user("coordinator"))) == {mine, theirs}
    assert not difficulties_for_user(user=world.user("other_coordinator")).exists()
