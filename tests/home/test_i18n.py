"""Language prefixes, <html lang/dir>, the language switcher and the `/` redirect."""

import pytest

from home.views import pick_language
from tests.enquiries.conftest import shop  # noqa: F401 - fixture
from tests.helpers import html_attrs, links
from tests.products.conftest import (  # noqa: F401 - fixtures
    attributes,
    catalog,
    images,
    translated_catalog,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [
        ("en", "ltr", "LED lighting made in Ningbo"),
        ("es", "ltr", "Iluminación LED"),
        ("ar", "rtl", "إضاءة LED"),
    ],
)
def test_home_page_has_lang_and_dir_of_its_locale(client, site_tree, language, direction, heading):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert html_attrs(response.content, "html") == {"lang": language, "dir": direction}
    assert heading in response.content.decode()


def test_switcher_links_to_translations_of_the_current_page(client, site_tree):
    response = client.get("/es/quienes-somos/")

    assert response.status_code == 200
    switcher = {
        link["hreflang"]: link["href"] for link in links(response.content) if link.get("hreflang")
    }
    # The About page exists in English and Spanish only: no Arabic link, and never
    # a link to the Arabic home page instead.
    assert switcher == {"en": "/en/about-us/", "es": "/es/quienes-somos/"}


def test_switcher_marks_the_current_language(client, site_tree):
    response = client.get("/ar/")

    current = links(response.content, **{"aria-current": "true"})
    assert [link["hreflang"] for link in current] == ["ar"]


def test_switcher_hides_draft_translations(client, site_tree):
    site_tree["about"]["es"].unpublish()

    response = client.get("/en/about-us/")

    hreflangs = {link["hreflang"] for link in links(response.content) if link.get("hreflang")}
    assert "es" not in hreflangs
    # A page with a single language needs no switcher at all.
    assert hreflangs == set()


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("es-MX,es;q=0.9,en;q=0.8", "/es/"),
        ("ar", "/ar/"),
        ("fr-FR,fr;q=0.9", "/en/"),  # no French home page: English, not a 404
        ("de;q=0.9, ar;q=0.5", "/ar/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_best_available_language(client, site_tree, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_pick_language_skips_languages_the_site_lacks():
    assert pick_language("pt-BR,fr;q=0.8,es;q=0.5", {"en", "es"}) == "es"
    assert pick_language("zh-CN", {"en"}) is None
    assert pick_language("*", {"en"}) is None


def test_unprefixed_page_url_redirects_into_a_language(client, site_tree):
    response = client.get("/about-us/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == "/en/about-us/"


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/fr/", "/en/"), ("/ar/about-us/", "/en/about-us/"), ("/de/about-us/", "/en/about-us/")],
)
def test_missing_translation_redirects_to_the_page_that_exists(client, site_tree, path, expected):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == expected


# Each alphabet in its own order; the hamza and madda forms of alif file under alif,
# ё under е, as in Arabic and Russian dictionaries.
ALPHABETS = {
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "ru": "абвгдежзийклмнопрстуфхцчшщъыьэюя",
}
LETTER_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ё": "е"})


def country_names(language: str) -> list[str]:
    from django.utils import translation

    from enquiries.forms import country_choices

    with translation.override(language):
        choices = country_choices()
        return [str(name) for code, name in choices if code]


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_country_list_follows_the_alphabet_of_the_language(language):
    alphabet = ALPHABETS[language]
    names = country_names(language)

    initials = [name.casefold().translate(LETTER_VARIANTS)[0] for name in names]
    positions = [alphabet.index(letter) for letter in initials if letter in alphabet]

    assert len(positions) > 200  # the names are in that alphabet
    assert positions == sorted(positions)


def test_arabic_country_list_sorts_within_words_too():
    names = country_names("ar")

    # "الإمارات" (the Emirates) and "الأرجنتين" (Argentina): the same after "ال",
    # then ر before م.
    assert names.index("الأرجنتين") < names.index("الإمارات العربية المتحدة")
    assert names.index("اليمن") < names.index("اليونان")


def test_german_country_list_files_umlauts_with_their_vowel():
    names = country_names("de")

    assert names.index("Norwegen") < names.index("Österreich") < names.index("Pakistan")
    assert names.index("Oman") < names.index("Österreich")
    assert names.index("Afghanistan") < names.index("Ägypten") < names.index("Albanien")


def test_reviews_form_lists_countries_in_the_same_order():
    from django.utils import translation

    from reviews.forms import ReviewForm

    with translation.override("ar"):
        choices = [str(name) for code, name in ReviewForm().fields["country"].choices if code]

    assert choices == country_names("ar")


def test_spanish_sorts_enye_as_its_own_letter_after_n():
    from home.collation import collation_key

    words = ["oso", "ñandú", "Nube", "nz", "niño", "nina", "nio"]

    assert sorted(words, key=lambda word: collation_key(word, "es")) == [
        "nina",
        "niño",
        "nio",
        "Nube",
        "nz",
        "ñandú",
        "oso",
    ]


def switcher_links(response) -> dict[str, str]:
    assert response.status_code == 200
    return {
        link["hreflang"]: link["href"] for link in links(response.content) if link.get("hreflang")
    }


def test_switcher_keeps_the_prefilled_product(client, shop, translated_catalog):  # noqa: F811 - fixtures
    product = shop["products"][0]
    spanish_product = translated_catalog["es"]["product"]
    enquiry = shop["enquiry"]

    english = client.get(enquiry["en"].url, {"product": product.pk, "topic": "Precios y plazos"})
    spanish_url = switcher_links(english)["es"]

    assert spanish_url == f"{enquiry['es'].url}?product={product.pk}&topic=Precios+y+plazos"
    # Product ids differ per language: the English id finds the Spanish product.
    spanish = client.get(spanish_url).content.decode()
    assert f'name="lines-0-product" value="{spanish_product.pk}"' in spanish
    assert 'value="Precios y plazos"' in spanish


def test_switcher_keeps_the_sample_order_form(client, shop):  # noqa: F811 - fixtures
    product = shop["products"][0]
    enquiry = shop["enquiry"]
    samples = enquiry["en"].reverse_subpage("sample_order")

    response = client.get(enquiry["en"].url + samples, {"product": product.pk})

    assert switcher_links(response)["ar"] == f"{enquiry['ar'].url}{samples}?product={product.pk}"
    assert product.sku in client.get(switcher_links(response)["ar"]).content.decode()


def test_switcher_keeps_category_filters_but_not_the_page_number(client, translated_catalog):  # noqa: F811 - fixtures
    category = translated_catalog["en"]["category"]
    query = {"cert": "CE", "spec-material": "Steel", "sort": "newest", "page": "2"}

    switcher = switcher_links(client.get(category.url, query))

    spanish = translated_catalog["es"]["category"].url
    assert switcher["es"] == f"{spanish}?cert=CE&spec-material=Steel&sort=newest"


def test_switcher_keeps_search_words(client, site_tree):
    switcher = switcher_links(client.get("/en/search/", {"q": "high bay", "page": "3"}))

    assert switcher["es"] == "/es/search/?q=high+bay"
    assert switcher["en"] == "/en/search/?q=high+bay"


def test_switcher_never_reflects_markup_from_the_query(client, site_tree):
    from urllib.parse import parse_qs, urlsplit

    attack = '"><script>alert(1)</script><a href="x'

    response = client.get("/en/search/", {"q": attack, 'x"<b>': "<i>"})

    html = response.content.decode()
    assert "<script>alert(1)" not in html and "<b>" not in html and "<i>" not in html
    spanish = urlsplit(switcher_links(response)["es"])
    assert spanish.path == "/es/search/"
    assert parse_qs(spanish.query) == {"q": [attack], 'x"<b>': ["<i>"]}
