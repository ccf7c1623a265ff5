from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views import defaults
from wagtail.models import Locale, Page, Site


def _live_home_pages(request) -> dict[str, Page]:
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def pick_language(accept_language: str, available: set[str]) -> str | None:
    """Best language from an Accept-Language header among the ones the site has."""
    for code, _quality in parse_accept_lang_header(accept_language):
        if code == "*":
            break
        try:
            supported = get_supported_language_variant(code)
        except LookupError:
            continue
        if supported in available:
            return supported
    return None


def language_root_redirect(request):
    """`/` sends the buyer to the home page in the best language the site really has.

    Django's LocaleMiddleware would pick any configured language, even one with no
    translated home page yet, and the buyer would land on a 404.
    """
    homes = _live_home_pages(request)
    language = pick_language(request.headers.get("Accept-Language", ""), set(homes))
    if language is None:
        language = settings.LANGUAGE_CODE
    home = homes.get(language)
    response = HttpResponseRedirect(home.url if home else f"/{language}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def page_not_found(request, exception=None):
    """404 handler: a page missing in one language falls back to the default language.

    /ar/about-us/ when About exists only in English redirects to /en/about-us/ (or
    to the Arabic translation if it exists under another slug) instead of a 404.
    """
    fallback_url = _default_language_fallback_url(request)
    if fallback_url:
        return HttpResponseRedirect(fallback_url)
    return defaults.page_not_found(request, exception)


def _default_language_fallback_url(request) -> str | None:
    language = get_language_from_path(request.path_info)
    if not language or language == settings.LANGUAGE_CODE:
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [part for part in request.path_info.split("/")[2:] if part]
    try:
        route = site.root_page.specific.route(request, components)
    except Http404:
        return None
    page = route.page
    if not page.live:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    translation = page.get_translation_or_none(locale) if locale else None
    target = translation if translation is not None and translation.live else page
    url = target.get_url(request)
    return url if url and url != request.path else None


def search(request):
    from .search import MAX_QUERY_LENGTH, paginate, search_site

    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {"query": query, "results": None}
    if query:
        found = search_site(query, request)
        context["results"] = paginate([*found["products"], *found["pages"]], request)
        context["product_count"] = len(found["products"])
        context["total"] = len(found["products"]) + len(found["pages"])
    return render(request, "home/search.html", context)
