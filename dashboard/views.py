from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from dashboard.exports import CONTENT_TYPE, tables_xlsx
from dashboard.fonts import FontMissing
from dashboard.infographic import infographic_png
from dashboard.overview import download_name, overview_context, overview_for
from dashboard.selectors import next_steps_for


@login_required
def home(request):
    return render(request, "dashboard/home.html", {"steps": next_steps_for(request.user)})


# Indicators overview: the ward's (or a unit's, or a city's) figures, drill-down, exports.


@login_required
def overview(request):
    page = overview_for(request)
    return render(request, "dashboard/overview.html", overview_context(request, page))


@login_required
def overview_print(request):
    page = overview_for(request)
    return render(request, "dashboard/overview.html", overview_context(request, page, True))


@login_required
def overview_export(request):
    page = overview_for(request)
    key = request.GET.get("table", "")
    tables = [t for t in page.figures.tables if not key or t.key == key]
    if not tables:
        raise Http404
    response = HttpResponse(tables_xlsx(page.figures, tables), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{download_name(page, "xlsx")}"'
    return response


@login_required
def overview_infographic(request):
    page = overview_for(request)
    try:
        png = infographic_png(
            page.figures, title=_("Tiến độ truyền thông nghị quyết"), period_label=page.period_label
        )
    except FontMissing as missing:
        messages.error(request, str(missing))
        return redirect(reverse("dashboard:overview") + "?" + page.query.urlencode())
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="{download_name(page, "png")}"'
    return response
