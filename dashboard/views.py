from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from dashboard.selectors import next_steps_for


@login_required
def home(request):
    return render(request, "dashboard/home.html", {"steps": next_steps_for(request.user)})
