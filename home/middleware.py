"""Requests that no view should see: NUL characters in the path, parameters or cookies."""

from django.http import HttpResponseBadRequest
from django.template import loader

NUL = "\x00"


def _has_nul(values) -> bool:
    return any(NUL in value for value in values)


class RejectNulCharactersMiddleware:
    """Answer 400 to a path or parameter holding a NUL character; drop such cookies.

    PostgreSQL refuses NUL in text ("A string literal cannot contain NUL"), so one
    in a slug, ?q=, ?tag= or any other value that reaches a query raises in the
    database driver: a 500 for input no browser ever sends. Checking here covers
    every view at once, including Wagtail's page routing and views to come. Form
    fields validate NUL themselves (Django's ProhibitNullCharactersValidator, with a
    translated message), so posted forms pass through. A cookie with NUL (a forged
    session id) is dropped, so the visitor simply has no session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in [name for name, value in request.COOKIES.items() if NUL in name + value]:
            del request.COOKIES[name]
        if (
            NUL in request.path
            or _has_nul(request.GET.keys())
            or _has_nul(value for values in request.GET.lists() for value in values[1])
        ):
            return HttpResponseBadRequest(loader.render_to_string("400.html"))
        return self.get_response(request)
