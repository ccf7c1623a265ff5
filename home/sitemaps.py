"""/sitemap.xml: every live, public page of every language, with its hreflang alternates."""

from collections import defaultdict
from functools import cached_property

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.hreflang import Alternate, hreflang_set, indexable_urls

Entry = tuple[Page, str, list[Alternate]]


class LocalizedPageSitemap(Sitemap):
    """Wagtail's own sitemap covers the site's root page tree only, i.e. one language.

    This one walks the tree of every translation of the site's root page and groups
    the pages by translation key, so each <url> lists its translations (Google wants
    every one, the page itself included) without a query per page.
    """

    def items(self) -> list[Entry]:
        return self._entries

    def location(self, entry: Entry) -> str:
        return entry[1]

    def lastmod(self, entry: Entry):
        return super().lastmod(entry[0])

    @cached_property
    def _entries(self) -> list[Entry]:
        groups = defaultdict(list)
        for page in self._pages():
            groups[page.translation_key].append(page)
        entries = []
        for translations in groups.values():
            # Aliases and pages whose canonical URL is elsewhere are not listed.
            urls = indexable_urls(translations, self.request)
            alternates = hreflang_set(urls)
            for page in translations:
                url = urls.get(page.locale.language_code)
                if url:
                    entries.append((page, url, alternates))
        entries.sort(key=lambda entry: entry[0].path)
        return entries

    def _pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = Q()
        for root_path in roots.values_list("path", flat=True):
            in_a_language_tree |= Q(path__startswith=root_path)
        return (
            Page.objects.filter(in_a_language_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
            .select_related("locale", for_specific_subqueries=True)
        )

    def _urls(self, page, protocol, domain):
        urls = []
        for entry in self.paginator.page(page).object_list:
            urls.append(
                {
                    "item": entry[0],
                    "location": self.location(entry),
                    "lastmod": self.lastmod(entry),
                    "alternates": [
                        {"lang_code": alternate.hreflang, "location": alternate.url}
                        for alternate in entry[2]
                    ],
                }
            )
        last_mods = [url["lastmod"] for url in urls]
        # Django sends Last-Modified only when every URL has a date.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
