from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Page, Site


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
