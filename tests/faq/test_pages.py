"""FAQ page types: tree rules, rendering in three languages, anchors, JSON-LD, Ask us."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from faq.models import FAQIndexPage, FAQPage
from home.models import HomePage
from tests.faq.factories import add_topic, faq_items
from tests.helpers import html_attrs, json_ld_objects, links

pytestmark = pytest.mark.django_db


class TestFAQPageTypeRules(WagtailPageTestCase):
    def test_faq_tree(self):
        self.assertAllowedParentPageTypes(FAQIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(FAQIndexPage, {FAQPage})
        self.assertAllowedParentPageTypes(FAQPage, {FAQIndexPage})
        self.assertAllowedSubpageTypes(FAQPage, set())


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("es", "ltr"), ("ar", "rtl")])
@pytest.mark.parametrize("page_name", ["index", "samples"])
def test_every_faq_page_type_renders_in_each_language(client, faq, language, direction, page_name):
    page = faq[language][page_name]

    response = client.get(page.url)

    assert response.status_code == 200, page.url
    assert page.url.startswith(f"/{language}/")
    assert html_attrs(response.content, "html") == {"lang": language, "dir": direction}
    assert f"<h1>{page.title}</h1>" in response.content.decode()


def test_questions_get_unique_anchors_from_their_text(faq):
    anchors = [item.anchor for item in faq["en"]["samples"].ordered_items()]

    assert anchors == [
        "can-i-order-a-sample",
        "how-much-does-a-sample-cost",
        "can-i-order-a-sample-2",
    ]
    assert [item.anchor for item in faq["en"]["payment"].ordered_items()] == [
        "which-payment-terms-do-you-accept",
        "paypal",  # set by the editor: kept
    ]


def test_anchors_are_stable_when_a_question_is_reworded(faq):
    samples = faq["en"]["samples"]
    item = samples.ordered_items()[1]
    item.question = "What does a sample cost, and is the deposit refunded?"
    item.save()
    samples.save_revision().publish()

    item.refresh_from_db()
    assert item.anchor == "how-much-does-a-sample-cost"


def test_translations_keep_the_anchors(faq):
    english = [item.anchor for item in faq["en"]["samples"].ordered_items()]

    assert [item.anchor for item in faq["ar"]["samples"].ordered_items()] == english
    assert [item.anchor for item in faq["es"]["samples"].ordered_items()] == english
    assert {item.locale.language_code for item in faq["es"]["samples"].items.all()} == {"es"}


def test_arabic_questions_get_arabic_anchors(faq, locales):
    topic = add_topic(
        faq["ar"]["index"],
        title="الشحن",
        slug="shipping",
        items=faq_items(("هل تشحنون إلى دبي؟", "<p>نعم.</p>")),
    )

    assert topic.items.get().anchor == "هل-تشحنون-إلى-دبي"


def test_editor_duplicate_anchors_are_rejected(faq):
    topic = faq["en"]["payment"]
    topic.items = faq_items(("A?", "<p>a</p>", "same"), ("B?", "<p>b</p>", "same"))

    with pytest.raises(ValidationError):
        topic.full_clean()


def test_faq_page_links_every_question_to_its_anchor(client, faq):
    html = client.get(faq["en"]["samples"].url).content.decode()

    assert '<section class="faq-entry" id="can-i-order-a-sample"' in html
    assert '<section class="faq-entry" id="can-i-order-a-sample-2"' in html
    toc = html.split('<nav class="toc"')[1].split("</nav>")[0]
    assert [a["href"] for a in links(toc)] == [
        "#can-i-order-a-sample",
        "#how-much-does-a-sample-cost",
        "#can-i-order-a-sample-2",
    ]
    assert "A refundable deposit of USD 45." in html


def test_faq_index_lists_topics_with_their_questions(client, faq):
    html = client.get(faq["en"]["index"].url).content.decode()

    hrefs = [a["href"] for a in links(html) if "/#" in a.get("href", "")]
    assert hrefs[:5] == [
        "/en/faq/samples/#can-i-order-a-sample",
        "/en/faq/samples/#how-much-does-a-sample-cost",
        "/en/faq/samples/#can-i-order-a-sample-2",
        "/en/faq/payment/#which-payment-terms-do-you-accept",
        "/en/faq/payment/#paypal",
    ]
    # The filter is JavaScript-only: hidden in the HTML, shown by faq.js.
    assert '<div class="faq-filter" data-faq-filter hidden>' in html
    assert '<label for="faq-filter-input">' in html
    assert "/static/js/faq.js" in html


def test_faq_index_in_spanish_lists_spanish_topics(client, faq):
    html = client.get(faq["es"]["index"].url).content.decode()

    assert faq["es"]["samples"].url + "#can-i-order-a-sample" in html
    assert "/en/faq/" not in html.split("<main")[1].split("</main>")[0]


def test_faq_page_json_ld(client, faq):
    objects = json_ld_objects(client.get(faq["en"]["samples"].url).content)

    data = next(obj for obj in objects if obj["@type"] == "FAQPage")
    assert [q["name"] for q in data["mainEntity"]] == [
        "Can I order a sample?",
        "How much does a sample cost?",
        "Can I order a sample?",
    ]
    first = data["mainEntity"][0]
    assert first["@type"] == "Question"
    assert first["acceptedAnswer"] == {
        "@type": "Answer",
        "text": "<p>Yes, most models ship as samples within 5 days.</p>",
    }
    assert first["url"] == "http://localhost/en/faq/samples/#can-i-order-a-sample"
    assert data["inLanguage"] == "en"


def test_arabic_faq_page_json_ld_is_in_arabic(client, faq):
    objects = json_ld_objects(client.get(faq["ar"]["samples"].url).content)

    data = next(obj for obj in objects if obj["@type"] == "FAQPage")
    assert data["inLanguage"] == "ar"
    assert len(data["mainEntity"]) == 3


def test_ask_us_link_carries_the_topic_to_the_enquiry_form_of_the_language(client, faq):
    english = client.get(faq["en"]["samples"].url).content.decode()
    spanish = client.get(faq["es"]["samples"].url).content.decode()

    link = links(english, id="faq-ask-us")[0]["href"]
    assert urlsplit(link).path == faq["enquiry"]["en"].url
    assert parse_qs(urlsplit(link).query) == {"topic": ["Samples"]}
    spanish_link = links(spanish, id="faq-ask-us")[0]["href"]
    assert urlsplit(spanish_link).path == faq["enquiry"]["es"].url

    form = client.get(link).content.decode()
    assert 'value="Samples"' in form


def test_no_ask_us_link_without_an_enquiry_page(client, faq):
    # Arabic has no enquiry page in this tree.
    assert 'id="faq-ask-us"' not in client.get(faq["ar"]["samples"].url).content.decode()


def test_editors_can_open_the_faq_forms(admin_client, faq):
    index, topic = faq["en"]["index"], faq["en"]["samples"]

    assert admin_client.get(f"/admin/pages/add/faq/faqpage/{index.pk}/").status_code == 200
    html = admin_client.get(f"/admin/pages/{topic.pk}/edit/").content.decode()
    assert "Can I order a sample?" in html
    assert admin_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200


def test_editor_adds_a_topic_and_empty_anchors_are_filled(admin_client, faq):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    index = faq["en"]["index"]
    data = nested_form_data(
        {
            "title": "Warranty",
            "slug": "warranty",
            "intro": "",
            "items": inline_formset(
                [
                    {
                        "question": "How long is the warranty?",
                        "answer": rich_text("<p>Five years.</p>"),
                        "anchor": "",
                    },
                    {
                        "question": "Who pays return freight?",
                        "answer": rich_text("<p>We do.</p>"),
                        "anchor": "freight",
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/add/faq/faqpage/{index.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    topic = FAQPage.objects.get(slug="warranty")
    assert topic.live
    assert [item.anchor for item in topic.ordered_items()] == [
        "how-long-is-the-warranty",
        "freight",
    ]
