"""FAQ questions and answers are found by the site search, in the visitor's language."""

import pytest
from django.core.management import call_command

from tests.helpers import links

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(faq):
    call_command("update_index", verbosity=0)
    return faq


def result_urls(html: str) -> list[str]:
    results = html.split('<ul class="search-results">')[1].split("</ul>")[0]
    return [a["href"] for a in links(results)]


def test_search_finds_a_topic_by_its_question(client, indexed):
    html = client.get("/en/search/", {"q": "PayPal"}).content.decode()

    assert indexed["en"]["payment"].url in result_urls(html)


def test_search_finds_a_topic_by_its_answer(client, indexed):
    html = client.get("/en/search/", {"q": "refundable deposit"}).content.decode()

    assert result_urls(html) == [indexed["en"]["samples"].url]


def test_search_stays_in_the_visitors_language(client, indexed):
    html = client.get("/es/search/", {"q": "PayPal"}).content.decode()

    assert result_urls(html) == [indexed["es"]["payment"].url]
