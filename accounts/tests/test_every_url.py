"""Every URL of the project, fetched as every role of the test world.

Fails when a page answers 500, when a focal point of one school gets a 2xx answer on a URL of
another school's record, when someone not logged in gets a 2xx answer on a private page, or when
the city viewer is not refused a page of named people (PERSONAL_URL_NAMES).
URL patterns with arguments are filled from accounts.tests.support.URL_EXAMPLES, which each app
fills from its own `tests/support.py`; a pattern without an example fails the test for the apps in
COVERED_APPS and is listed for the others.
"""

import warnings
from dataclasses import dataclass

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.module_loading import autodiscover_modules

from accounts.tests import support

COVERED_APPS = {"accounts", "dashboard", "reports", "units"}
SKIPPED_NAMESPACES = {"admin"}
# The public check-in page of a briefing is opened by anyone with its token.
SKIPPED_NAMES = {"set_language", "checkin"}
SKIPPED_PREFIXES = ("static/", "i18n/", "quan-tri/")


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    app: str
    needs_args: bool


def _routes(resolver: URLResolver, prefix: str = "", namespace: str = "") -> list[Route]:
    routes = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace not in SKIPPED_NAMESPACES:
                routes += _routes(entry, route, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            name = namespace + entry.name
            if entry.name in SKIPPED_NAMES or route.startswith(SKIPPED_PREFIXES):
                continue
            app = entry.callback.__module__.split(".")[0]
            routes.append(Route(name, route, app, needs_args=bool(entry.pattern.converters)))
    return routes


def project_routes() -> list[Route]:
    return _routes(get_resolver())


def _fetch(client: Client, user, url: str) -> int:
    if user is None:
        client.logout()
    else:
        client.force_login(user)
    return client.get(url).status_code


def _check(route: Route, url: str, world, client: Client, school_record: bool) -> list[str]:
    problems = []
    for name, user in [("anonymous", None), *world.users.items()]:
        status = _fetch(client, user, url)
        if status >= 500:
            problems.append(f"{url} as {name}: {status}")
        elif name == "other_focal" and school_record and 200 <= status < 300:
            problems.append(f"{url} as other_focal (another school): {status}")
        elif name == "anonymous" and route.name not in support.PUBLIC_URL_NAMES and status < 300:
            problems.append(f"{url} without login: {status}")
        elif name == "city" and route.name in support.PERSONAL_URL_NAMES and status < 400:
            problems.append(f"{url} as city viewer (personal data): {status}")
    return problems


def test_every_url_answers_every_role_within_its_scope(world):
    autodiscover_modules("tests.support")
    client = Client(raise_request_exception=False)
    problems, uncovered = [], []
    routes = project_routes()
    assert any(route.name == "dashboard:home" for route in routes)
    for route in routes:
        example = support.URL_EXAMPLES.get(route.name)
        if route.needs_args and example is None:
            uncovered.append(route)
            continue
        kwargs = example.build(world) if example else {}
        url = reverse(route.name, kwargs=kwargs)
        school_record = bool(example and example.school_record)
        problems += _check(route, url, world, client, school_record)

    missing = [r for r in uncovered if r.app in COVERED_APPS]
    later = [f"{r.name} ({r.route})" for r in uncovered if r.app not in COVERED_APPS]
    if later:
        message = "URLs with arguments not yet covered by URL_EXAMPLES: " + ", ".join(later)
        print(message)
        warnings.warn(message, stacklevel=1)
    assert not problems, "\n".join(problems)
    assert not missing, "register_url_example() missing for: " + ", ".join(
        f"{r.name} ({r.route})" for r in missing
    )


def test_the_sweep_tries_the_city_viewer_on_pages_of_people():
    autodiscover_modules("tests.support")
    names = {route.name for route in project_routes()}
    assert {"units:person_list", "activities:attendance"} <= support.PERSONAL_URL_NAMES <= names


def test_the_sweep_finds_patterns_with_arguments():
    names = {route.name: route for route in project_routes()}
    assert names["accounts:user_edit"].needs_args
    assert not names["accounts:login"].needs_args
    assert "admin:index" not in names and "set_language" not in names


def test_the_sweep_reports_a_page_open_to_another_school(world):
    # The home page opens for every focal point; declared as a school's record it must be flagged.
    home = Route("dashboard:home", "", "dashboard", needs_args=False)
    problems = _check(home, "/", world, Client(raise_request_exception=False), True)
    assert problems == ["/ as other_focal (another school): 200"]
