from django.shortcuts import redirect
from django.urls import reverse

_ALLOWED_PREFIXES = ("/static/", "/i18n/")


class ForcePasswordChangeMiddleware:
    """A user whose password was set by someone else changes it before doing anything."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = {
                reverse("accounts:password_change"),
                reverse("accounts:logout"),
            }
            if request.path not in allowed and not request.path.startswith(_ALLOWED_PREFIXES):
                return redirect("accounts:password_change")
        return self.get_response(request)
