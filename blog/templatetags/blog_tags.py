from django import template
from wagtail.models import Locale, Page

from blog.models import BlogIndexPage

register = template.Library()


@register.inclusion_tag("blog/includes/latest_posts.html", takes_context=True)
def latest_posts(context, count: int = 3):
    """The newest live posts in the current page's language (the home page section)."""
    page = context.get("page")
    locale = page.locale if isinstance(page, Page) else Locale.get_active()
    index = BlogIndexPage.objects.live().filter(locale=locale).first()
    posts = []
    if index is not None:
        posts = list(index.posts()[:count])
    return {"blog_index": index, "posts": posts, "request": context.get("request")}
