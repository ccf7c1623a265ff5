from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server, wagtail_roots):
    call_command("seed_demo", stdout=StringIO())
    # Canonical URLs are built from the Site record; point it at the live server.
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server


def test_visitor_switches_the_home_page_to_arabic(page, demo_site, artifacts_dir):
    page.goto(f"{demo_site.url}/", wait_until="load")
    assert page.url == f"{demo_site.url}/en/"
    assert page.locator("html").get_attribute("dir") == "ltr"

    page.get_by_role("navigation", name="Languages").get_by_role("link", name="العربيّة").click()

    page.wait_for_url(f"{demo_site.url}/ar/")
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "إضاءة LED مصنوعة في نينغبو ومشحونة إلى 60 دولة"
    )
    page.screenshot(path=artifacts_dir / "home-ar.png", full_page=True)
