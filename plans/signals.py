from django.dispatch import Signal

# Sent by plan_save, with `plan`, when the plan's phases were added, removed or re-dated.
# Apps that keep figures per phase (activities' first briefings) refresh them; plans itself
# may not import them.
plan_phases_changed = Signal()
