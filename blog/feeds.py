"""RSS 2.0 and Atom feeds of one blog index: that language's live posts only."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_ITEMS = 20


class BlogRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        return f"{index.title} | {index.seo_sitename}"

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.intro or index.title

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def items(self, index):
        return index.posts()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return item.author

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class BlogAtomFeed(BlogRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
