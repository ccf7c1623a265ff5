import json

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, get_language_info
from wagtail.models import Locale, Page, Site
from wagtailseo.utils import StructDataEncoder

from home.hreflang import declares_own_url_canonical, hreflang_set, indexable_urls

register = template.Library()


def _locale_home(context):
    """The home page of the active language for this request's site, looked up once."""
    request = context.get("request")
    cache = getattr(request, "_exportsite_locale_home", None) if request else None
    if cache is not None:
        return cache or None
    home = None
    site = Site.find_for_request(request) if request else None
    if site is not None:
        home = site.root_page.specific_deferred.get_translation_or_none(Locale.get_active())
        if home is not None and not home.live:
            home = None
    if request is not None:
        request._exportsite_locale_home = home or False
    return home


@register.simple_tag(takes_context=True)
def locale_home(context):
    return _locale_home(context)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    home = _locale_home(context)
    current = context.get("page")
    items = list(home.get_children().live().in_menu().public()) if home else []
    current_path = current.path if current else ""
    return {
        "home": home,
        "items": [
            {"page": item, "active": bool(current_path) and current_path.startswith(item.path)}
            for item in items
        ],
        "request": context.get("request"),
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the live translations of the current page, and nothing for missing ones.

    The buyer keeps what they were doing: the form of a routable page (samples/),
    the product being asked about, the search words and the filters.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        by_code = {p.locale.language_code: p for p in translations}
        suffix = _subpage_route(page, request) + _kept_query(request)
        for code, _name in settings.LANGUAGES:
            if code in by_code:
                url = by_code[code].get_url(request)
                if url:
                    links.append(_language_link(code, url + suffix, current))
    elif request is not None:
        # Non-page views (search, forms): Django can translate the URL itself.
        query = _kept_query(request)
        for code, _name in settings.LANGUAGES:
            url = translate_url(request.path, code)
            if url != request.path or code == current:
                links.append(_language_link(code, url + query, current))
    return {"links": links if len(links) > 1 else [], "current": current}


def _kept_query(request) -> str:
    """The query string to carry into another language, without the page number.

    Page N of a translated listing holds other items. The query is re-encoded,
    never copied, so nothing the visitor typed reaches the HTML unescaped.
    """
    if request is None or not request.GET:
        return ""
    query = request.GET.copy()
    query.pop("page", None)
    return f"?{query.urlencode()}" if query else ""


def _language_link(code: str, url: str, current: str) -> dict:
    info = get_language_info(code)
    return {
        "code": code,
        "name_local": info["name_local"],
        "url": url,
        "is_current": code == current,
        "dir": "rtl" if info["bidi"] else "ltr",
    }


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each live translation, itself and x-default included."""
    return {"alternates": _seo_links(context)["alternates"]}


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The absolute URL search engines should index for what is being rendered."""
    return _seo_links(context)["canonical"]


def _seo_links(context) -> dict:
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return {"canonical": "", "alternates": []}
    # The canonical link and the hreflang links are two tags; build them once.
    cached = getattr(request, "_exportsite_seo_links", None)
    if cached is None or cached[0] != page.pk:
        links = _build_seo_links(page, request)
        number = _listing_page_number(context, request)
        if number > 1 and links["canonical"] == (page.get_full_url(request) or ""):
            # Google: each page of a listing is its own document, never canonicalised
            # to page 1. Page N of a translation holds other items: no hreflang.
            links = {"canonical": f"{links['canonical']}?page={number}", "alternates": []}
        cached = (page.pk, links)
        request._exportsite_seo_links = cached
    return cached[1]


def _listing_page_number(context, request) -> int:
    """N on page N of an unfiltered, unsorted paginated listing; 1 otherwise.

    Filtered or sorted views keep the listing's own URL as canonical.
    """
    if set(request.GET) != {"page"}:
        return 1
    for value in context.flatten().values():
        if isinstance(value, PaginatorPage):
            return value.number  # get_page() clamps ?page=99 to the last page
    return 1


def _build_seo_links(page: Page, request) -> dict:
    suffix = _subpage_route(page, request)
    page_url = page.get_full_url(request) or ""
    own_url = page_url + suffix
    if page.alias_of_id:
        canonical = (page.alias_of.get_full_url(request) or "") + suffix
    elif suffix or declares_own_url_canonical(page, page_url):
        # An editor's canonical URL names the page, not its sub-routes (a form
        # at samples/ is its own document).
        canonical = own_url
    else:
        canonical = page.canonical_url
    if canonical != own_url or getattr(request, "is_preview", False):
        return {"canonical": canonical, "alternates": []}
    translations = (
        page.specific_class.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    )
    urls = indexable_urls(translations, request, suffix)
    # A private or draft page must not announce itself as part of the cluster.
    alternates = hreflang_set(urls) if own_url in urls.values() else []
    return {"canonical": canonical, "alternates": alternates}


def _subpage_route(page: Page, request) -> str:
    """`samples/` when a routable page serves /es/solicitar-presupuesto/samples/, else ''."""
    if not getattr(request, "routable_resolver_match", None):
        return ""
    url_parts = page.get_url_parts(request)
    if url_parts is None:
        return ""
    page_path = url_parts[2]
    path = escape_uri_path(request.path)
    return path[len(page_path) :] if path.startswith(page_path) else ""


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": []}
    ancestors = page.get_ancestors().filter(depth__gte=2).live().specific(defer=True)
    return {"crumbs": [*ancestors, page], "request": context.get("request")}


@register.simple_tag
def text_direction() -> str:
    return "rtl" if get_language_bidi() else "ltr"


@register.filter
def json_ld(data) -> str:
    """Serialise a dict into a <script type="application/ld+json"> safely.

    `json.dumps` leaves `</script>` intact; escaping <, > and & keeps an editor's
    text from closing the script element.
    """
    text = data if isinstance(data, str) else json.dumps(data, cls=StructDataEncoder)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def breadcrumb_list_json_ld(context) -> dict | None:
    """schema.org BreadcrumbList for the current page: home first, the page last."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return None
    trail = [*page.get_ancestors().filter(depth__gte=2).live(), page]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }
