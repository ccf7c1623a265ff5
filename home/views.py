from urllib.parse import urlparse

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views import defaults
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
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

    /ar/about-us/ when About exists only in English redirects (302: the translation
    may come later) to /en/about-us/, or to the Arabic translation if it exists under
    another slug, instead of a 404. Wagtail's redirects are served first.
    """
    fallback_url = _default_language_fallback_url(request)
    if fallback_url:
        return HttpResponseRedirect(fallback_url)
    return defaults.page_not_found(request, exception)


def _default_language_fallback_url(request) -> str | None:
    language = get_language_from_path(request.path_info)
    if not language or language == settings.LANGUAGE_CODE:
        return None
    # A redirect (an editor's, or the one Wagtail adds when a translation's slug
    # changes) knows better than a guess: return the 404 so RedirectMiddleware,
    # which only acts on 404 responses, can answer with it.
    if _has_wagtail_redirect(request):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    slugs = [part for part in request.path_info.split("/")[2:] if part]
    page, route = _find_page(
        site.root_page, Locale.objects.filter(language_code=language).first(), slugs
    )
    if page is None:
        return None
    target = _live_translation(page, language) or _live_translation(page, settings.LANGUAGE_CODE)
    url = target.get_url(request) if target else None
    if not url:
        return None
    url += "".join(f"{part}/" for part in route)
    if url in (request.path, escape_uri_path(request.path)):
        return None
    # ?product=3 on a sample-order link, utm_* on a campaign link: keep them.
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{query}" if query else url


def _has_wagtail_redirect(request) -> bool:
    path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
    return bool(get_redirect(request, path) or get_redirect(request, urlparse(path).path))


def _find_page(site_root: Page, locale: Locale | None, slugs: list[str]):
    """The page `slugs` lead to, and the sub-route left over for a routable page.

    The slugs are followed through the requested language's tree; from the first
    one it lacks, through the default language's tree. So /es/products/high-bay-lights/
    (English slugs, a translation or a hand-edited prefix) and
    /es/opiniones/a-review-written-in-english/ (a page only English has) both work.
    """
    current = site_root.get_translation_or_none(locale) if locale else None
    in_default_tree = current is None
    current = current or site_root
    for index, slug in enumerate(slugs):
        child = current.get_children().filter(slug=slug).first()
        if child is None and not in_default_tree:
            in_default_tree = True
            current = current.get_translation_or_none(site_root.locale)
            if current is None:
                return None, []
            child = current.get_children().filter(slug=slug).first()
        if child is None:
            rest = slugs[index:]
            return (current, rest) if _is_subpage_route(current, rest) else (None, [])
        current = child
    return current, []


def _is_subpage_route(page: Page, parts: list[str]) -> bool:
    page = page.specific_deferred
    if not isinstance(page, RoutablePageMixin):
        return False
    try:
        page.resolve_subpage("/" + "".join(f"{part}/" for part in parts))
    except Http404:
        return False
    return True


def _live_translation(page: Page, language: str) -> Page | None:
    if page.locale.language_code == language:
        return page if page.live else None
    return page.get_translations().live().filter(locale__language_code=language).first()


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


def robots_txt(request):
    """Crawl everything public; keep crawlers out of the admin and the endless URL spaces.

    Search results (any ?q=) and the quote basket (a redirect plus POST endpoints)
    are listed per language rather than with `*` wildcards, which not every
    crawler reads and which would also match a page whose slug is "search".
    """
    site = Site.find_for_request(request)  # falls back to the default site
    if site is None:
        raise Http404("No site is configured.")
    localized_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            localized_paths += [reverse("search"), reverse("quote_basket")]
    context = {
        "disallowed": [reverse("wagtailadmin_home"), "/stripe/", *localized_paths],
        "sitemap_url": site.root_url + reverse("sitemap"),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
