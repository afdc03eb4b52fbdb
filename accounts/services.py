from django.db import transaction

from accounts.models import Role, User
from units.models import Unit


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: Role,
    unit: Unit | None,
    full_name: str = "",
    must_change_password: bool = True,
) -> User:
    user = User(
        username=username,
        role=role,
        unit=unit,
        full_name=full_name,
        must_change_password=must_change_password,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


def user_password_changed(*, user: User) -> None:
    user.must_change_password = False
    user.save(update_fields=["must_change_password"])
