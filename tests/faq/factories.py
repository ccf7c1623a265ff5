"""FAQ page factories."""

import factory
import wagtail_factories

from faq.models import FAQIndexPage, FAQItem, FAQPage


class FAQIndexPageFactory(wagtail_factories.PageFactory):
    title = "FAQ"
    slug = factory.Sequence(lambda n: f"faq-{n}")
    intro = "Answers for importers and distributors."

    class Meta:
        model = FAQIndexPage


class FAQPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = FAQPage


def faq_items(*pairs, products=()) -> list[FAQItem]:
    """Unsaved questions for a topic: (question, answer) pairs, optional anchor third."""
    items = []
    for pair in pairs:
        question, answer, *anchor = pair
        item = FAQItem(question=question, answer=answer, anchor=anchor[0] if anchor else "")
        item.products = list(products)
        items.append(item)
    return items


def add_topic(index, *, title, slug, items, intro=""):
    topic = FAQPageFactory.build(title=title, slug=slug, intro=intro)
    topic.items = items
    index.add_child(instance=topic)
    topic.save_revision().publish()
    topic.refresh_from_db()
    return topic
