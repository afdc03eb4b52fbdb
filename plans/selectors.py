"""Reads on plans: what a user may see, the tasks of a unit, who owns which task."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from accounts.scoping import visible_wards
from plans.models import AssignmentRole, Plan, PlanDraft, Task, TaskAssignment
from units.models import Unit


def plans_visible(*, user) -> QuerySet[Plan]:
    """Plans of the wards the user reaches (a focal point reads its ward's plans)."""
    return Plan.objects.filter(ward__in=visible_wards(user)).select_related("ward")


def plan_get(*, user, pk: int) -> Plan:
    plan = plans_visible(user=user).filter(pk=pk).first()
    if plan is None:
        raise Http404
    return plan


def draft_get(*, user, token) -> PlanDraft:
    draft = PlanDraft.objects.filter(token=token, ward__in=visible_wards(user)).first()
    if draft is None:
        raise Http404
    return draft


def _with_assignments(tasks: QuerySet[Task]) -> QuerySet[Task]:
    return tasks.select_related("plan").prefetch_related(
        Prefetch("assignments", queryset=TaskAssignment.objects.select_related("unit"))
    )


@dataclass
class UnitTask:
    task: Task
    roles: list[str]

    @property
    def leads(self) -> bool:
        return AssignmentRole.LEAD in self.roles


def tasks_for_unit(*, unit: Unit) -> list[UnitTask]:
    """Tasks the unit leads or supports: named itself, or through its kind in its ward."""
    assignments = TaskAssignment.objects.filter(
        Q(unit=unit) | Q(unit__isnull=True, unit_kind=unit.kind, task__plan__ward_id=unit.ward_id)
    ).values_list("task_id", "role")
    roles: dict[int, list[str]] = {}
    for task_id, role in assignments:
        roles.setdefault(task_id, [])
        if role not in roles[task_id]:
            roles[task_id].append(role)
    tasks = _with_assignments(Task.objects.filter(pk__in=roles)).order_by(
        "-plan__issued_on", "plan_id", "order"
    )
    return [UnitTask(task=task, roles=roles[task.pk]) for task in tasks]


@dataclass
class TaskOwnership:
    task: Task
    lead: list[TaskAssignment] = field(default_factory=list)
    cooperating: list[TaskAssignment] = field(default_factory=list)

    @property
    def has_owner(self) -> bool:
        return bool(self.lead or self.cooperating)


def task_owners(*, plan: Plan) -> list[TaskOwnership]:
    """Every task of the plan with its lead and cooperating units; tasks without any first."""
    rows = []
    for task in _with_assignments(plan.tasks.all()):
        row = TaskOwnership(task=task)
        for assignment in task.assignments.all():
            (row.lead if assignment.role == AssignmentRole.LEAD else row.cooperating).append(
                assignment
            )
        rows.append(row)
    return rows


def units_of_assignment(assignment: TaskAssignment) -> QuerySet[Unit]:
    """The units an assignment reaches: the one named, or every active unit of the kind."""
    if assignment.unit_id:
        return Unit.objects.filter(pk=assignment.unit_id)
    return Unit.objects.filter(
        ward_id=assignment.task.plan.ward_id, kind=assignment.unit_kind, is_active=True
    )
