"""HomePage and StandardPage: page type rules, rendering, SEO output, site settings."""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage
from enquiries.models import EnquiryPage
from faq.models import FAQIndexPage
from home.models import CompanySettings, HomePage, StandardPage
from products.models import CertificationIndexPage, ProductIndexPage
from reviews.models import ReviewIndexPage
from tests.helpers import json_ld_objects, links, parse_html

pytestmark = pytest.mark.django_db


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_go_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                ProductIndexPage,
                CertificationIndexPage,
                EnquiryPage,
                BlogIndexPage,
                FAQIndexPage,
                ReviewIndexPage,
            },
        )


def test_home_page_renders_hero_body_and_seo(client, site_tree):
    home = site_tree["home"]["en"]
    home.search_description = "Factory-direct LED lighting from Ningbo for distributors worldwide."
    home.body = [("rich_text", "<p>Since 2009 we ship worldwide.</p>")]
    home.save_revision().publish()

    response = client.get("/en/")
    html = response.content.decode()

    assert "LED lighting made in Ningbo" in html
    assert "Since 2009 we ship worldwide." in html
    document = parse_html(response.content)
    metas = {
        attrs.get("property") or attrs.get("name"): attrs.get("content")
        for tag, attrs in document.elements
        if tag == "meta"
    }
    assert (
        metas["description"]
        == "Factory-direct LED lighting from Ningbo for distributors worldwide."
    )
    assert metas["og:url"] == "http://localhost/en/"
    assert metas["twitter:card"] == "summary"
    canonical = [
        attrs
        for tag, attrs in document.elements
        if tag == "link" and attrs.get("rel") == "canonical"
    ]
    assert canonical == [{"rel": "canonical", "href": "http://localhost/en/"}]


def test_organization_json_ld_comes_from_company_settings(client, site_tree):
    company = CompanySettings.for_site(site_tree["site"])
    company.struct_org_name = "Lumetra </script><script>alert(1)</script> Co."
    company.email = "sales@example.com"
    company.struct_org_phone = "+86-574-1234-5678"
    company.social_links = [
        ("link", {"platform": "linkedin", "url": "https://www.linkedin.com/company/x"})
    ]
    company.save()

    response = client.get("/en/")

    organisation = next(
        obj for obj in json_ld_objects(response.content) if obj["@type"] == "Organization"
    )
    assert organisation["name"] == "Lumetra </script><script>alert(1)</script> Co."
    assert organisation["url"] == "http://localhost/"
    assert organisation["email"] == "sales@example.com"
    assert organisation["sameAs"] == ["https://www.linkedin.com/company/x"]
    assert organisation["contactPoint"][0]["telephone"] == "+86-574-1234-5678"
    # The editor's text must not be able to close the JSON-LD <script>.
    assert "<script>alert(1)" not in response.content.decode()


def test_footer_shows_company_contacts_and_whatsapp_link(client, site_tree):
    company = CompanySettings.for_site(site_tree["site"])
    company.struct_org_name = "Lumetra Lighting Co., Ltd."
    company.whatsapp_number = "+86 (138) 5741-2290"
    company.email = "sales@example.com"
    company.address = "No. 88 Jiangnan Road\nNingbo"
    company.business_hours_time_zone = "Asia/Shanghai"
    company.struct_org_hours = [
        ("hours", {"days": ["Monday", "Friday"], "start_time": "08:30", "end_time": "18:00"})
    ]
    company.save()

    html = client.get("/es/").content.decode()

    assert [a["href"] for a in links(html) if a["href"].startswith("https://wa.me/")] == [
        "https://wa.me/8613857412290",
        "https://wa.me/8613857412290",
    ]
    assert "No. 88 Jiangnan Road<br>Ningbo" in html
    assert "mailto:sales@example.com" in html
    assert "Asia/Shanghai" in html
    assert "08:30–18:00" in html
    assert "lunes" in html  # day names follow the page language


def test_whatsapp_number_is_validated(site_tree):
    company = CompanySettings.for_site(site_tree["site"])
    company.whatsapp_number = "call me"

    with pytest.raises(ValidationError) as error:
        company.full_clean()

    assert "whatsapp_number" in error.value.message_dict


def test_hero_call_to_action_needs_a_target(site_tree):
    home = site_tree["home"]["en"]
    home.hero_cta_label = "Request a quote"

    with pytest.raises(ValidationError) as error:
        home.full_clean()

    assert "hero_cta_page" in error.value.message_dict


def test_hero_call_to_action_links_to_the_page_in_the_visitors_language(client, site_tree):
    home_es = site_tree["home"]["es"]
    home_es.hero_cta_label = "Quiénes somos"
    # A hand-made translation still points at the English page; the link must
    # follow the visitor's language anyway.
    home_es.hero_cta_page = site_tree["about"]["en"]
    home_es.save_revision().publish()

    html = client.get("/es/").content.decode()

    assert '<a class="button button--primary" href="/es/quienes-somos/">Quiénes somos</a>' in html


def test_menu_lists_live_pages_of_the_current_language(client, site_tree):
    response = client.get("/es/")

    menu = [
        a["href"]
        for a in links(response.content)
        if a["href"] in {"/es/quienes-somos/", "/en/about-us/"}
    ]
    assert menu == ["/es/quienes-somos/"]


def test_breadcrumbs_on_sub_pages(client, site_tree):
    html = client.get("/es/quienes-somos/").content.decode()

    assert '<nav class="breadcrumbs"' in html
    assert '<a href="/es/">Inicio</a>' in html
    assert '<span aria-current="page">Quiénes somos</span>' in html


def test_404_is_translated_and_leaks_nothing(client, site_tree):
    response = client.get("/es/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert html_lang(html) == "es"
    assert "Traceback" not in html and "urlpatterns" not in html
    assert 'href="/es/"' in html  # back to the Spanish home page


def test_500_page_is_translated_and_self_contained():
    with translation.override("ar"):
        html = render_to_string("500.html")

    assert 'lang="ar" dir="rtl"' in html
    assert "{%" not in html


def html_lang(html: str) -> str:
    return next(attrs for tag, attrs in parse_html(html).elements if tag == "html")["lang"]
