"""Demo content for the home app: the exporter's site, company settings and pages."""

import datetime

from django.conf import settings
from wagtail.models import Page, Site

from exportsite.demo import get_or_create_image, get_or_create_locale, translate_page

from .models import CompanySettings, HomePage, StandardPage

COMPANY_NAME = "Lumetra Lighting Co., Ltd."
WHATSAPP = "+86 138 5741 2290"

HOME = {
    "title": "Home",
    "slug": "home",
    "seo_title": "Lumetra Lighting | LED lighting manufacturer and exporter",
    "search_description": (
        "Factory-direct LED lighting from Ningbo, China: industrial high bays, "
        "floodlights and panels with CE, RoHS and ISO 9001 certification."
    ),
    "hero_heading": "LED lighting made in Ningbo, shipped to 60 countries",
    "hero_text": (
        "We design and manufacture industrial and commercial LED lighting, with certified "
        "quality, samples in 7 days and FOB Ningbo pricing."
    ),
    "hero_cta_label": "Chat with our sales team",
}

HOME_BODY = [
    (
        "value_propositions",
        {
            "heading": "Why buyers choose Lumetra",
            "items": [
                {
                    "title": "Factory-direct prices",
                    "text": "Our own 12,000 m² factory: no trading company in between.",
                },
                {
                    "title": "Certified quality",
                    "text": "CE, RoHS and ISO 9001 certified, with every certificate online.",
                },
                {
                    "title": "Samples in 7 days",
                    "text": "Order a sample with a small deposit, deducted from your first order.",
                },
                {
                    "title": "Answers within 24 hours",
                    "text": "A named sales engineer replies to every enquiry in your language.",
                },
            ],
        },
    ),
    (
        "rich_text",
        "<p>Since 2009 Lumetra has supplied distributors, contractors and brands in Europe, "
        "the Middle East and Latin America. Every luminaire is aged for 8 hours and tested "
        "before packing.</p>",
    ),
    (
        "image",
        {
            "image": None,
            "alt_text": "Assembly line in the Lumetra factory",
            "caption": "Our assembly line in Ningbo.",
        },
    ),
    (
        "call_to_action",
        {
            "heading": "Planning a project?",
            "text": "Send us your drawings or quantities and get a quotation within one business day.",
            "button_label": "Contact sales on WhatsApp",
            "page": None,
            "external_url": "https://wa.me/8613857412290",
        },
    ),
]

ABOUT = {
    "title": "About us",
    "slug": "about-us",
    "search_description": "Who we are: an LED lighting factory in Ningbo with 180 employees and 15 years of export experience.",
    "intro": "An LED lighting factory in Ningbo with 180 employees and 15 years of export experience.",
    "body": [
        (
            "rich_text",
            "<p>Lumetra was founded in 2009 by two lighting engineers. Today our factory runs "
            "six SMT and assembly lines and ships more than 400 containers a year.</p>",
        ),
    ],
}

PRIVACY = {
    "title": "Privacy policy",
    "slug": "privacy-policy",
    "search_description": "How Lumetra Lighting collects, uses and protects the personal data of buyers.",
    "intro": "How we collect, use and protect the personal data you send us.",
    "body": [
        (
            "rich_text",
            "<p>We use the details you send through our forms only to answer your enquiry and "
            "to process sample orders. You can ask us to export or erase your data at any time.</p>",
        ),
    ],
}

TRANSLATIONS = {
    "es": {
        "Home": "Inicio",
        "home": "inicio",
        "Lumetra Lighting | LED lighting manufacturer and exporter": "Lumetra Lighting | Fabricante y exportador de iluminación LED",
        "Factory-direct LED lighting from Ningbo, China: industrial high bays, floodlights and panels with CE, RoHS and ISO 9001 certification.": "Iluminación LED directa de fábrica desde Ningbo, China: campanas industriales, proyectores y paneles con certificación CE, RoHS e ISO 9001.",
        "LED lighting made in Ningbo, shipped to 60 countries": "Iluminación LED fabricada en Ningbo y enviada a 60 países",
        "We design and manufacture industrial and commercial LED lighting, with certified quality, samples in 7 days and FOB Ningbo pricing.": "Diseñamos y fabricamos iluminación LED industrial y comercial, con calidad certificada, muestras en 7 días y precios FOB Ningbo.",
        "Chat with our sales team": "Hable con nuestro equipo de ventas",
        "Why buyers choose Lumetra": "Por qué los compradores eligen Lumetra",
        "Factory-direct prices": "Precios directos de fábrica",
        "Our own 12,000 m² factory: no trading company in between.": "Nuestra propia fábrica de 12.000 m²: sin intermediarios.",
        "Certified quality": "Calidad certificada",
        "CE, RoHS and ISO 9001 certified, with every certificate online.": "Certificados CE, RoHS e ISO 9001, todos disponibles en línea.",
        "Samples in 7 days": "Muestras en 7 días",
        "Order a sample with a small deposit, deducted from your first order.": "Pida una muestra con un pequeño depósito, que se descuenta de su primer pedido.",
        "Answers within 24 hours": "Respuesta en menos de 24 horas",
        "A named sales engineer replies to every enquiry in your language.": "Un ingeniero de ventas asignado responde a cada consulta en su idioma.",
        "Since 2009 Lumetra has supplied distributors, contractors and brands in Europe, the Middle East and Latin America. Every luminaire is aged for 8 hours and tested before packing.": "Desde 2009 Lumetra abastece a distribuidores, instaladores y marcas de Europa, Oriente Medio y América Latina. Cada luminaria se somete a 8 horas de envejecimiento y se prueba antes del embalaje.",
        "Assembly line in the Lumetra factory": "Línea de montaje en la fábrica de Lumetra",
        "Our assembly line in Ningbo.": "Nuestra línea de montaje en Ningbo.",
        "Planning a project?": "¿Está planificando un proyecto?",
        "Send us your drawings or quantities and get a quotation within one business day.": "Envíenos sus planos o cantidades y reciba una cotización en un día hábil.",
        "Contact sales on WhatsApp": "Contacte con ventas por WhatsApp",
        "About us": "Quiénes somos",
        "about-us": "quienes-somos",
        "Who we are: an LED lighting factory in Ningbo with 180 employees and 15 years of export experience.": "Quiénes somos: una fábrica de iluminación LED en Ningbo con 180 empleados y 15 años de experiencia exportadora.",
        "An LED lighting factory in Ningbo with 180 employees and 15 years of export experience.": "Una fábrica de iluminación LED en Ningbo con 180 empleados y 15 años de experiencia exportadora.",
        "Lumetra was founded in 2009 by two lighting engineers. Today our factory runs six SMT and assembly lines and ships more than 400 containers a year.": "Lumetra fue fundada en 2009 por dos ingenieros de iluminación. Hoy nuestra fábrica opera seis líneas de SMT y montaje y envía más de 400 contenedores al año.",
        "Privacy policy": "Política de privacidad",
        "privacy-policy": "politica-de-privacidad",
        "How Lumetra Lighting collects, uses and protects the personal data of buyers.": "Cómo Lumetra Lighting recopila, utiliza y protege los datos personales de los compradores.",
        "How we collect, use and protect the personal data you send us.": "Cómo recopilamos, utilizamos y protegemos los datos personales que nos envía.",
        "We use the details you send through our forms only to answer your enquiry and to process sample orders. You can ask us to export or erase your data at any time.": "Utilizamos los datos que nos envía a través de nuestros formularios solo para responder a su consulta y tramitar pedidos de muestras. Puede pedirnos que exportemos o borremos sus datos en cualquier momento.",
    },
    "ar": {
        "Home": "الرئيسية",
        "home": "home-ar",
        "Lumetra Lighting | LED lighting manufacturer and exporter": "لوميترا للإضاءة | مصنّع ومصدّر إضاءة LED",
        "Factory-direct LED lighting from Ningbo, China: industrial high bays, floodlights and panels with CE, RoHS and ISO 9001 certification.": "إضاءة LED مباشرة من المصنع في نينغبو، الصين: كشافات صناعية وكشافات غمر وألواح معتمدة بشهادات CE وRoHS وISO 9001.",
        "LED lighting made in Ningbo, shipped to 60 countries": "إضاءة LED مصنوعة في نينغبو ومشحونة إلى 60 دولة",
        "We design and manufacture industrial and commercial LED lighting, with certified quality, samples in 7 days and FOB Ningbo pricing.": "نصمم ونصنع إضاءة LED صناعية وتجارية بجودة معتمدة، مع عينات خلال 7 أيام وأسعار FOB نينغبو.",
        "Chat with our sales team": "تحدث مع فريق المبيعات",
        "Why buyers choose Lumetra": "لماذا يختار المشترون لوميترا",
        "Factory-direct prices": "أسعار مباشرة من المصنع",
        "Our own 12,000 m² factory: no trading company in between.": "مصنعنا الخاص بمساحة 12,000 م²: بلا وسطاء تجاريين.",
        "Certified quality": "جودة معتمدة",
        "CE, RoHS and ISO 9001 certified, with every certificate online.": "معتمدون بشهادات CE وRoHS وISO 9001، وكل شهادة متاحة على الإنترنت.",
        "Samples in 7 days": "عينات خلال 7 أيام",
        "Order a sample with a small deposit, deducted from your first order.": "اطلب عينة بعربون صغير يُخصم من طلبك الأول.",
        "Answers within 24 hours": "رد خلال 24 ساعة",
        "A named sales engineer replies to every enquiry in your language.": "مهندس مبيعات مخصص يرد على كل استفسار بلغتك.",
        "Since 2009 Lumetra has supplied distributors, contractors and brands in Europe, the Middle East and Latin America. Every luminaire is aged for 8 hours and tested before packing.": "منذ عام 2009 تورّد لوميترا للموزعين والمقاولين والعلامات التجارية في أوروبا والشرق الأوسط وأمريكا اللاتينية. يخضع كل مصباح لاختبار تشغيل مدته 8 ساعات قبل التعبئة.",
        "Assembly line in the Lumetra factory": "خط التجميع في مصنع لوميترا",
        "Our assembly line in Ningbo.": "خط التجميع لدينا في نينغبو.",
        "Planning a project?": "هل تخطط لمشروع؟",
        "Send us your drawings or quantities and get a quotation within one business day.": "أرسل لنا مخططاتك أو الكميات المطلوبة واحصل على عرض سعر خلال يوم عمل واحد.",
        "Contact sales on WhatsApp": "تواصل مع المبيعات عبر واتساب",
        "About us": "من نحن",
        "Who we are: an LED lighting factory in Ningbo with 180 employees and 15 years of export experience.": "من نحن: مصنع إضاءة LED في نينغبو يضم 180 موظفًا وخبرة تصدير تمتد 15 عامًا.",
        "An LED lighting factory in Ningbo with 180 employees and 15 years of export experience.": "مصنع إضاءة LED في نينغبو يضم 180 موظفًا وخبرة تصدير تمتد 15 عامًا.",
        "Lumetra was founded in 2009 by two lighting engineers. Today our factory runs six SMT and assembly lines and ships more than 400 containers a year.": "تأسست لوميترا عام 2009 على يد مهندسَي إضاءة. يشغّل مصنعنا اليوم ستة خطوط SMT وتجميع ويشحن أكثر من 400 حاوية سنويًا.",
        "Privacy policy": "سياسة الخصوصية",
        "How Lumetra Lighting collects, uses and protects the personal data of buyers.": "كيف تجمع لوميترا للإضاءة البيانات الشخصية للمشترين وتستخدمها وتحميها.",
        "How we collect, use and protect the personal data you send us.": "كيف نجمع البيانات الشخصية التي ترسلها إلينا ونستخدمها ونحميها.",
        "We use the details you send through our forms only to answer your enquiry and to process sample orders. You can ask us to export or erase your data at any time.": "نستخدم البيانات التي ترسلها عبر نماذجنا فقط للرد على استفسارك ومعالجة طلبات العينات. يمكنك أن تطلب منا تصدير بياناتك أو حذفها في أي وقت.",
    },
}

# Strings that stay as they are in every language: slugs kept Latin for Arabic URLs,
# and the WhatsApp link.
UNTRANSLATED = {"home", "about-us", "privacy-policy", "https://wa.me/8613857412290"}


def seed(stdout, languages: list[str]) -> None:
    for code, _name in settings.LANGUAGES:
        get_or_create_locale(code)
    site = _get_or_create_site()
    _seed_company_settings(site)
    home = site.root_page.specific
    about = _get_or_create_child(home, ABOUT, show_in_menus=True)
    privacy = _get_or_create_child(home, PRIVACY, show_in_menus=False)
    for language in languages:
        locale = get_or_create_locale(language)
        catalog = TRANSLATIONS.get(language, {})
        for page in (home, about, privacy):
            _translated, missing = translate_page(page, locale, catalog)
            missing = [m for m in missing if m not in UNTRANSLATED]
            if missing:
                stdout.write(f"  {language}: no demo translation for {missing!r}")
    stdout.write(
        f"  home: site {site.hostname}:{site.port}, pages in {', '.join(['en', *languages])}"
    )


def _get_or_create_site() -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site

    # Wagtail's "Welcome to your new Wagtail site!" placeholder holds the slug
    # "home" and nothing worth keeping; deleting it also deletes its Site row.
    if site and site.root_page.specific_class is Page:
        site.root_page.delete()

    root = Page.get_first_root_node()
    hero_image = get_or_create_image("Lumetra factory hero", label="Lumetra Lighting")
    factory_image = get_or_create_image(
        "Lumetra assembly line", size=(1440, 810), colors=("#0f7b45", "#0b4f8a")
    )
    body = [
        (kind, {**value, "image": factory_image}) if kind == "image" else (kind, value)
        for kind, value in HOME_BODY
    ]
    home = HomePage(
        **HOME,
        hero_image=hero_image,
        hero_cta_url="https://wa.me/8613857412290",
        body=body,
        show_in_menus=False,
    )
    root.add_child(instance=home)
    home.save_revision().publish()

    # The demo is served by `make run` at http://127.0.0.1:8000; canonical URLs
    # and the sitemap are built from this record (edit it under Settings > Sites).
    return Site.objects.create(
        hostname="127.0.0.1",
        port=8000,
        root_page=home,
        is_default_site=True,
        site_name="Lumetra Lighting",
    )


def _get_or_create_child(parent: Page, data: dict, *, show_in_menus: bool) -> StandardPage:
    existing = parent.get_children().filter(slug=data["slug"]).first()
    if existing:
        return existing.specific
    page = StandardPage(**data, show_in_menus=show_in_menus)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _seed_company_settings(site: Site) -> None:
    company = CompanySettings.for_site(site)
    if company.struct_org_name:
        return
    company.struct_org_name = COMPANY_NAME
    company.struct_org_type = "Organization"
    company.struct_org_logo = get_or_create_image(
        "Lumetra logo", size=(240, 240), colors=("#f2a900", "#0b4f8a"), label="L"
    )
    company.struct_org_phone = "+86-574-8765-4321"
    company.email = "sales@lumetra.example"
    company.whatsapp_number = WHATSAPP
    company.address = "No. 88 Jiangnan Road, Beilun District\nNingbo, Zhejiang 315800\nChina"
    company.struct_org_address_street = "No. 88 Jiangnan Road, Beilun District"
    company.struct_org_address_locality = "Ningbo"
    company.struct_org_address_region = "Zhejiang"
    company.struct_org_address_postal = "315800"
    company.struct_org_address_country = "CN"
    company.business_hours_time_zone = "Asia/Shanghai"
    company.struct_org_hours = [
        (
            "hours",
            {
                "days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                "start_time": datetime.time(8, 30),
                "end_time": datetime.time(18, 0),
            },
        ),
        (
            "hours",
            {
                "days": ["Saturday"],
                "start_time": datetime.time(9, 0),
                "end_time": datetime.time(12, 0),
            },
        ),
    ]
    company.social_links = [
        (
            "link",
            {
                "platform": "linkedin",
                "url": "https://www.linkedin.com/company/lumetra-lighting-demo",
            },
        ),
        ("link", {"platform": "youtube", "url": "https://www.youtube.com/@lumetra-lighting-demo"}),
    ]
    company.save()
