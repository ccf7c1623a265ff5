import pytest

from tests.conftest import translate
from tests.factories import EnquiryPageFactory
from tests.faq.factories import FAQIndexPageFactory, add_topic, faq_items


@pytest.fixture
def faq(site_tree, locales):
    """Home > FAQ > Samples (3 questions), Payment (2); all in es and ar; enquiry pages."""
    home = site_tree["home"]
    enquiry = EnquiryPageFactory(parent=home["en"], slug="contact", title="Contact")
    enquiry_es = translate(enquiry, locales["es"], slug="contacto", title="Contacto")
    index = FAQIndexPageFactory(parent=home["en"], slug="faq", title="FAQ")
    samples = add_topic(
        index,
        title="Samples",
        slug="samples",
        intro="Test our fixtures before you order.",
        items=faq_items(
            ("Can I order a sample?", "<p>Yes, most models ship as samples within 5 days.</p>"),
            ("How much does a sample cost?", "<p>A refundable deposit of USD 45.</p>"),
            ("Can I order a sample?", "<p>Asked twice on purpose: anchors stay unique.</p>"),
        ),
    )
    payment = add_topic(
        index,
        title="Payment",
        slug="payment",
        items=faq_items(
            ("Which payment terms do you accept?", "<p>T/T 30% deposit, L/C at sight.</p>"),
            ("Do you accept PayPal?", "<p>For samples only.</p>", "paypal"),
        ),
    )
    pages = {"en": {"index": index, "samples": samples, "payment": payment}}
    for code, title in {"es": "Preguntas frecuentes", "ar": "الأسئلة الشائعة"}.items():
        pages[code] = {
            "index": translate(index, locales[code], title=title),
            "samples": translate(samples, locales[code]),
            "payment": translate(payment, locales[code]),
        }
    return {**pages, "enquiry": {"en": enquiry, "es": enquiry_es}}
