"""Blog page factories."""

import datetime

import factory
import wagtail_factories

from blog.models import BlogIndexPage, BlogPage


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = factory.Sequence(lambda n: f"blog-{n}")
    intro = "News and guides from the factory."

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Post {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    author = "Mei Chen"
    category = "guides"
    intro = "How to choose LED high bays for a warehouse."
    body = factory.LazyFunction(lambda: [("rich_text", "<p>LED high bays save energy.</p>")])

    class Meta:
        model = BlogPage
