import time

from django.conf import settings
from django.contrib.auth import logout
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


class SlidingSessionMiddleware:
    """An idle timeout without a database write on every page, and an absolute lifetime.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) costs three statements a
    page; here the expiry is pushed forward only when the last push is older than
    SESSION_REFRESH_SECONDS, so a user active all day is never logged out and one idle for
    SESSION_COOKIE_AGE is. Whatever the activity, a session older than
    SESSION_ABSOLUTE_SECONDS ends: a stolen session cookie stops working within a day.
    """

    KEY = "_refreshed_at"
    STARTED = "_started_at"

    @classmethod
    def stamp_login(cls, sender, request, user, **kwargs) -> None:
        # Login saves the session anyway: stamping it then spares the first page a write.
        if request is not None and hasattr(request, "session"):
            request.session[cls.KEY] = request.session[cls.STARTED] = int(time.time())

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.setdefault(self.STARTED, now) >= settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect(f"{reverse(settings.LOGIN_URL)}?next={request.path}")
            if now - session.get(self.KEY, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[self.KEY] = now
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages and exports for a logged-in user hold personal data (names, phones, reports):
    neither the browser nor a proxy may keep a copy, which the back button or the next user
    of a shared office computer would see."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store, private"
        return response
