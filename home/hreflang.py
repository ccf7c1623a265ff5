"""Which translations of a page search engines should see, and under which language code.

The <head> links (`{% hreflang_links %}`) and /sitemap.xml both build their hreflang
sets here, so the two can never disagree: Google drops a cluster whose members
don't point back at each other.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

X_DEFAULT = "x-default"
_LANGUAGE_ORDER = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def declares_own_url_canonical(page: Page, own_url: str) -> bool:
    """False for a page that tells search engines another URL is the original.

    An alias shows another page's content, and an editor's "Canonical URL" (which
    wagtail-localize copies into every translation) names another address; Google
    ignores hreflang on such pages and reports them when a sitemap lists them.
    """
    if page.alias_of_id:
        return False
    override = getattr(page, "canonical_url", "")
    return not override or override.rstrip("/") == own_url.rstrip("/")


def hreflang_set(urls_by_language: dict[str, str]) -> list[Alternate]:
    """One alternate per language, in settings order, then x-default.

    x-default is the default-language version. Without one there is no
    language-neutral page to send other visitors to, and letting each translation
    name itself would give the cluster conflicting x-defaults, so it is left out.
    """
    alternates = [
        Alternate(code, urls_by_language[code])
        for code in sorted(urls_by_language, key=lambda code: _LANGUAGE_ORDER.get(code, 99))
    ]
    default = urls_by_language.get(settings.LANGUAGE_CODE)
    if default:
        alternates.append(Alternate(X_DEFAULT, default))
    return alternates


def indexable_urls(translations: Iterable[Page], request, suffix: str = "") -> dict[str, str]:
    """language code -> absolute URL of each translation that is its own canonical page.

    `translations` must already be live, public and come with their locale (one
    query for the whole set); URLs come from the Site record, not the request's host.
    """
    urls = {}
    for translation in translations:
        url = translation.get_full_url(request)
        if url and declares_own_url_canonical(translation, url):
            urls[translation.locale.language_code] = url + suffix
    return urls
