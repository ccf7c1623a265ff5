"""Demo catalog: 3 categories, 30 LED lighting products, 4 certifications, in en/es/ar."""

import datetime
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from exportsite.demo import (
    get_or_create_image,
    make_pdf_document,
    translate_page,
    translate_snippet,
)

from .models import (
    CatalogSettings,
    CertificationIndexPage,
    CertificationPage,
    ProductCategoryPage,
    ProductGalleryImage,
    ProductIndexPage,
    ProductPage,
    ProductSpecification,
    SpecificationAttribute,
)

# key: (English name, unit, filterable, {language: name})
ATTRIBUTES = {
    "power": ("Power", "W", True, {"es": "Potencia", "ar": "القدرة"}),
    "efficacy": (
        "Luminous efficacy",
        "lm/W",
        False,
        {"es": "Eficacia luminosa", "ar": "الكفاءة الضوئية"},
    ),
    "cct": (
        "Colour temperature",
        "K",
        True,
        {"es": "Temperatura de color", "ar": "درجة حرارة اللون"},
    ),
    "material": (
        "Housing material",
        "",
        True,
        {"es": "Material de la carcasa", "ar": "مادة الهيكل"},
    ),
    "voltage": ("Input voltage", "V AC", True, {"es": "Tensión de entrada", "ar": "جهد الدخل"}),
    "ip": ("Ingress protection", "", True, {"es": "Grado de protección", "ar": "درجة الحماية"}),
    "beam": ("Beam angle", "°", False, {"es": "Ángulo de haz", "ar": "زاوية الشعاع"}),
    "lifetime": (
        "Lifetime (L70)",
        "h",
        False,
        {"es": "Vida útil (L70)", "ar": "العمر الافتراضي (L70)"},
    ),
    "warranty": ("Warranty", "years", False, {"es": "Garantía", "ar": "الضمان"}),
}

WORDS = {
    "es": {
        "Die-cast aluminium": "Aluminio fundido a presión",
        "Extruded aluminium": "Aluminio extruido",
        "Aluminium frame, PS diffuser": "Marco de aluminio, difusor de PS",
        "years": "años",
        "pieces": "piezas",
        "piece": "pieza",
        "Ningbo, China": "Ningbo, China",
        "Products": "Productos",
        "products": "productos",
        "Certifications": "Certificaciones",
        "certifications": "certificaciones",
    },
    "ar": {
        "Die-cast aluminium": "ألومنيوم مصبوب بالضغط",
        "Extruded aluminium": "ألومنيوم مبثوق",
        "Aluminium frame, PS diffuser": "إطار ألومنيوم وناشر من البوليسترين",
        "years": "سنوات",
        "pieces": "قطعة",
        "piece": "قطعة",
        "Ningbo, China": "نينغبو، الصين",
        "Products": "المنتجات",
        "Certifications": "الشهادات",
    },
}

CATALOG = {
    "title": "Products",
    "slug": "products",
    "intro": "<p>Industrial and commercial LED lighting, designed and built in our Ningbo factory.</p>",
    "search_description": "LED high bays, floodlights and panel lights from a certified Chinese manufacturer.",
}
CATALOG_I18N = {
    "es": {
        "Industrial and commercial LED lighting, designed and built in our Ningbo factory.": "Iluminación LED industrial y comercial, diseñada y fabricada en nuestra fábrica de Ningbo.",
        "LED high bays, floodlights and panel lights from a certified Chinese manufacturer.": "Campanas LED, proyectores y paneles de un fabricante chino certificado.",
    },
    "ar": {
        "Industrial and commercial LED lighting, designed and built in our Ningbo factory.": "إضاءة LED صناعية وتجارية مصممة ومصنعة في مصنعنا في نينغبو.",
        "LED high bays, floodlights and panel lights from a certified Chinese manufacturer.": "كشافات صناعية وكشافات غمر وألواح LED من مصنّع صيني معتمد.",
    },
}

# Each family becomes a category with 10 products (one per power rating).
FAMILIES = [
    {
        "slug": "high-bay-lights",
        "code": "HB",
        "colors": ("#0b4f8a", "#1c2b3a"),
        "title": {
            "en": "LED high bay lights",
            "es": "Campanas LED industriales",
            "ar": "كشافات LED صناعية عالية",
        },
        "intro": {
            "en": "UFO and linear high bays for warehouses, factories and sports halls.",
            "es": "Campanas UFO y lineales para almacenes, fábricas y pabellones deportivos.",
            "ar": "كشافات UFO وخطية للمستودعات والمصانع والصالات الرياضية.",
        },
        "name": {
            "en": "UFO LED high bay {p} W",
            "es": "Campana LED UFO de {p} W",
            "ar": "كشاف LED صناعي UFO بقوة {p} واط",
        },
        "summary": {
            "en": "{p} W UFO high bay with {lm} lm output for ceilings from 6 to 14 m.",
            "es": "Campana UFO de {p} W con {lm} lm para techos de 6 a 14 m.",
            "ar": "كشاف UFO بقوة {p} واط وتدفق ضوئي {lm} لومن للأسقف من 6 إلى 14 م.",
        },
        "powers": [60, 80, 100, 120, 150, 180, 200, 240, 300, 400],
        "material": "Die-cast aluminium",
        "ip": "IP65",
        "beam": "90",
        "moq": 50,
        "price": (Decimal("18.50"), Decimal("0.16")),
    },
    {
        "slug": "floodlights",
        "code": "FL",
        "colors": ("#0f7b45", "#14202e"),
        "title": {"en": "LED floodlights", "es": "Proyectores LED", "ar": "كشافات LED غامرة"},
        "intro": {
            "en": "Floodlights for facades, yards, car parks and sports fields.",
            "es": "Proyectores para fachadas, patios, aparcamientos y campos deportivos.",
            "ar": "كشافات غامرة للواجهات والساحات ومواقف السيارات والملاعب.",
        },
        "name": {
            "en": "Slim LED floodlight {p} W",
            "es": "Proyector LED delgado de {p} W",
            "ar": "كشاف LED غامر نحيف بقوة {p} واط",
        },
        "summary": {
            "en": "{p} W slim floodlight, {lm} lm, for outdoor areas in every climate.",
            "es": "Proyector delgado de {p} W y {lm} lm para exteriores en cualquier clima.",
            "ar": "كشاف غامر نحيف بقوة {p} واط و{lm} لومن للمناطق الخارجية في كل المناخات.",
        },
        "powers": [10, 20, 30, 50, 100, 150, 200, 300, 400, 500],
        "material": "Extruded aluminium",
        "ip": "IP66",
        "beam": "120",
        "moq": 100,
        "price": (Decimal("3.20"), Decimal("0.11")),
    },
    {
        "slug": "panel-lights",
        "code": "PL",
        "colors": ("#f2a900", "#0b4f8a"),
        "title": {"en": "LED panel lights", "es": "Paneles LED", "ar": "ألواح إضاءة LED"},
        "intro": {
            "en": "Flicker-free backlit panels for offices, schools and hospitals.",
            "es": "Paneles retroiluminados sin parpadeo para oficinas, escuelas y hospitales.",
            "ar": "ألواح بإضاءة خلفية خالية من الوميض للمكاتب والمدارس والمستشفيات.",
        },
        "name": {
            "en": "Backlit LED panel {p} W",
            "es": "Panel LED retroiluminado de {p} W",
            "ar": "لوح LED بإضاءة خلفية بقوة {p} واط",
        },
        "summary": {
            "en": "{p} W backlit panel, {lm} lm, UGR<19 for offices and classrooms.",
            "es": "Panel retroiluminado de {p} W y {lm} lm, UGR<19 para oficinas y aulas.",
            "ar": "لوح بإضاءة خلفية بقوة {p} واط و{lm} لومن، UGR<19 للمكاتب والفصول الدراسية.",
        },
        "powers": [12, 18, 24, 30, 36, 40, 45, 48, 54, 60],
        "material": "Aluminium frame, PS diffuser",
        "ip": "IP20",
        "beam": "110",
        "moq": 200,
        "price": (Decimal("4.10"), Decimal("0.09")),
    },
]

DESCRIPTION = {
    "en": "<p>Built with Lumileds LEDs and a flicker-free driver. Every unit is aged for 8 hours before packing.</p>",
    "es": "<p>Fabricado con LED Lumileds y un driver sin parpadeo. Cada unidad se somete a 8 horas de envejecimiento antes del embalaje.</p>",
    "ar": "<p>مصنوع بمصابيح Lumileds ومشغّل خالٍ من الوميض. تخضع كل وحدة لاختبار تشغيل مدته 8 ساعات قبل التعبئة.</p>",
}
PACKAGING = {
    "en": "1 piece per carton, 5-layer export carton with foam inserts.",
    "es": "1 pieza por caja, caja de exportación de 5 capas con protecciones de espuma.",
    "ar": "قطعة واحدة في كل كرتونة، كرتون تصدير من 5 طبقات مع حشوات من الفوم.",
}
CAPACITY = {
    "en": "30,000 pieces per month",
    "es": "30.000 piezas al mes",
    "ar": "30,000 قطعة شهريًا",
}

CERTIFICATIONS_PAGE = {
    "title": {"en": "Certifications", "es": "Certificaciones", "ar": "الشهادات"},
    "intro": {
        "en": "<p>Every certificate we hold, with its number, issuer and validity. Download the PDF or verify it at the issuer.</p>",
        "es": "<p>Todos nuestros certificados, con su número, organismo emisor y validez. Descargue el PDF o verifíquelo en el organismo emisor.</p>",
        "ar": "<p>جميع الشهادات التي نحملها مع رقمها والجهة المصدرة وصلاحيتها. نزّل ملف PDF أو تحقق منها لدى الجهة المصدرة.</p>",
    },
}


def _certificates(today: datetime.date) -> list[dict]:
    return [
        {
            "slug": "ce-emc-lvd",
            "standard": "CE",
            "title": {
                "en": "CE marking (EMC and LVD)",
                "es": "Marcado CE (CEM y BT)",
                "ar": "علامة CE (التوافق الكهرومغناطيسي والجهد المنخفض)",
            },
            "number": "TUV-CE-2024-08812",
            "issuer": "TÜV Rheinland",
            "scope": {
                "en": "LED high bays, floodlights and panels, EN 55015, EN 61547 and EN 60598.",
                "es": "Campanas, proyectores y paneles LED, EN 55015, EN 61547 y EN 60598.",
                "ar": "كشافات صناعية وغامرة وألواح LED، المعايير EN 55015 وEN 61547 وEN 60598.",
            },
            "valid_from": today.replace(year=today.year - 1),
            "valid_until": today.replace(year=today.year + 2),
            "families": ["HB", "FL", "PL"],
        },
        {
            "slug": "rohs",
            "standard": "RoHS",
            "title": {
                "en": "RoHS compliance",
                "es": "Conformidad RoHS",
                "ar": "الامتثال لتوجيه RoHS",
            },
            "number": "SGS-RoHS-GZ24-3310",
            "issuer": "SGS",
            "scope": {
                "en": "Restriction of hazardous substances for all luminaires.",
                "es": "Restricción de sustancias peligrosas en todas las luminarias.",
                "ar": "تقييد المواد الخطرة في جميع وحدات الإضاءة.",
            },
            "valid_from": today - datetime.timedelta(days=700),
            "valid_until": today + datetime.timedelta(days=25),  # expiring soon
            "families": ["HB", "FL", "PL"],
        },
        {
            "slug": "iso-9001",
            "standard": "ISO9001",
            "title": {
                "en": "ISO 9001 quality management",
                "es": "Gestión de calidad ISO 9001",
                "ar": "إدارة الجودة ISO 9001",
            },
            "number": "BV-ISO9001-CN-77120",
            "issuer": "Bureau Veritas",
            "scope": {
                "en": "Design and manufacture of LED lighting products.",
                "es": "Diseño y fabricación de productos de iluminación LED.",
                "ar": "تصميم وتصنيع منتجات إضاءة LED.",
            },
            "valid_from": today.replace(year=today.year - 2),
            "valid_until": today.replace(year=today.year + 1),
            "families": ["HB", "FL", "PL"],
        },
        {
            "slug": "fcc-part-15",
            "standard": "FCC",
            "title": {"en": "FCC Part 15", "es": "FCC Parte 15", "ar": "FCC الجزء 15"},
            "number": "FCC-ID-2AX9L-FL100",
            "issuer": "Intertek",
            "scope": {
                "en": "Radio-frequency emissions of the floodlight drivers.",
                "es": "Emisiones de radiofrecuencia de los drivers de los proyectores.",
                "ar": "انبعاثات الترددات الراديوية لمشغّلات الكشافات الغامرة.",
            },
            "valid_from": today.replace(year=today.year - 4),
            "valid_until": today - datetime.timedelta(days=40),  # expired
            "families": ["FL"],
        },
    ]


def seed(stdout, languages: list[str]) -> None:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    settings = CatalogSettings.for_site(site)
    if not settings.certificate_alert_email:
        settings.certificate_alert_email = "quality@lumetra.example"
        settings.save()

    attributes = _seed_attributes()
    cert_index = _child(
        home,
        CertificationIndexPage,
        "certifications",
        title="Certifications",
        intro=CERTIFICATIONS_PAGE["intro"]["en"],
        show_in_menus=True,
    )
    certs = {
        data["slug"]: (data, _seed_certificate(cert_index, data))
        for data in _certificates(timezone.localdate())
    }
    catalog = _child(
        home,
        ProductIndexPage,
        "products",
        title=CATALOG["title"],
        intro=CATALOG["intro"],
        search_description=CATALOG["search_description"],
        show_in_menus=True,
    )
    products = []
    for family in FAMILIES:
        category = _child(
            catalog,
            ProductCategoryPage,
            family["slug"],
            title=family["title"]["en"],
            intro=f"<p>{family['intro']['en']}</p>",
            image=get_or_create_image(
                f"Category {family['code']}",
                size=(960, 640),
                colors=family["colors"],
                label=family["title"]["en"],
            ),
        )
        family_certs = [cert for data, cert in certs.values() if family["code"] in data["families"]]
        for index, power in enumerate(family["powers"]):
            products.append(
                (
                    family,
                    power,
                    _seed_product(category, family, index, power, attributes, family_certs),
                )
            )
    _link_related(products)

    for language in languages:
        locale = Locale.objects.get(language_code=language)
        catalog_strings = _catalog_strings(language)
        for attribute in attributes.values():
            translate_snippet(attribute, locale, catalog_strings)
        translate_page(cert_index, locale, catalog_strings)
        for data, cert in certs.values():
            translate_page(cert, locale, catalog_strings | _certificate_strings(data, language))
        translate_page(catalog, locale, catalog_strings)
        for family in FAMILIES:
            category = catalog.get_children().get(slug=family["slug"])
            translate_page(category, locale, catalog_strings | _family_strings(family, language))
        for family, power, product in products:
            translate_page(
                product, locale, catalog_strings | _product_strings(family, power, language)
            )
    stdout.write(
        f"  products: {len(products)} products, {len(certs)} certifications in en, {', '.join(languages)}"
    )


def _child(parent: Page, model, slug: str, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _seed_attributes() -> dict[str, SpecificationAttribute]:
    locale = Locale.get_default()
    attributes = {}
    for order, (key, (name, unit, filterable, _i18n)) in enumerate(ATTRIBUTES.items()):
        attributes[key], _ = SpecificationAttribute.objects.get_or_create(
            key=key,
            locale=locale,
            defaults={
                "name": name,
                "default_unit": unit,
                "filterable": filterable,
                "sort_order": order * 10,
            },
        )
    return attributes


def _seed_certificate(index: CertificationIndexPage, data: dict) -> CertificationPage:
    existing = index.get_children().filter(slug=data["slug"]).first()
    if existing:
        return existing.specific
    pdf = make_pdf_document(
        f"Certificate {data['number']}",
        [
            data["title"]["en"],
            f"Certificate number: {data['number']}",
            "Holder: Lumetra Lighting Co., Ltd., Ningbo, China",
            f"Issued by: {data['issuer']}",
            f"Valid from {data['valid_from']:%Y-%m-%d} until {data['valid_until']:%Y-%m-%d}",
            data["scope"]["en"],
        ],
    )
    logo = get_or_create_image(
        f"Logo {data['standard']}",
        size=(240, 240),
        colors=("#ffffff", "#d3d9e0"),
        label=data["standard"],
    )
    return _child(
        index,
        CertificationPage,
        data["slug"],
        title=data["title"]["en"],
        standard=data["standard"],
        certificate_number=data["number"],
        issuer=data["issuer"],
        scope=data["scope"]["en"],
        valid_from=data["valid_from"],
        valid_until=data["valid_until"],
        certificate_pdf=pdf,
        verification_url=f"https://verify.example.com/{data['number']}",
        logo=logo,
    )


def _lumens(family: dict, power: int) -> int:
    efficacy = {"HB": 150, "FL": 120, "PL": 100}[family["code"]]
    return power * efficacy


def _sku(family: dict, power: int) -> str:
    return f"LM-{family['code']}-{power:03d}"


def _seed_product(category, family, index, power, attributes, certifications) -> ProductPage:
    sku = _sku(family, power)
    existing = ProductPage.objects.filter(sku=sku, locale=category.locale).first()
    if existing:
        return existing
    lumens = _lumens(family, power)
    price_low, price_per_watt = family["price"]
    low = (price_low + price_per_watt * power).quantize(Decimal("0.01"))
    on_request = index % 3 == 2  # some products hide their price
    product = ProductPage(
        slug=sku.lower(),
        title=family["name"]["en"].format(p=power),
        sku=sku,
        summary=family["summary"]["en"].format(p=power, lm=f"{lumens:,}"),
        description=DESCRIPTION["en"],
        featured=index in (2, 5),
        moq=family["moq"],
        moq_unit="pieces",
        lead_time_min_days=15 + index,
        lead_time_max_days=25 + index,
        supply_capacity=CAPACITY["en"],
        packaging=PACKAGING["en"],
        port_of_loading="Ningbo, China",
        incoterms=["EXW", "FOB", "CIF"] if index % 2 else ["FOB", "CFR", "CIF", "DAP"],
        hs_code="9405.42",
        price_policy=ProductPage.PRICE_ON_REQUEST if on_request else ProductPage.PRICE_RANGE,
        price_min=None if on_request else low,
        price_max=None if on_request else (low * Decimal("1.25")).quantize(Decimal("0.01")),
        price_currency="USD",
        price_unit="piece",
        samples_available=index % 4 != 3,
        sample_deposit=None if index % 4 == 3 else (low * 2).quantize(Decimal("1")),
        sample_currency="USD",
    )
    image = get_or_create_image(
        f"Product {sku}", size=(1200, 900), colors=family["colors"], label=sku
    )
    detail = get_or_create_image(
        f"Detail {family['code']}",
        size=(1200, 900),
        colors=tuple(reversed(family["colors"])),
        label=family["code"],
    )
    product.gallery_images = [
        ProductGalleryImage(image=image, alt_text=f"{product.title}, front view"),
        ProductGalleryImage(image=detail, alt_text=f"{product.title}, heat sink detail"),
    ]
    values = {
        "power": (str(power), "W"),
        "efficacy": (str(_lumens(family, power) // power), "lm/W"),
        "cct": ("4000" if index % 2 else "5000", "K"),
        "material": (family["material"], ""),
        "voltage": ("100-277" if power <= 240 else "200-480", "V AC"),
        "ip": (family["ip"], ""),
        "beam": (family["beam"], "°"),
        "lifetime": ("50,000", "h"),
        "warranty": ("5" if family["code"] != "PL" else "3", "years"),
    }
    product.specifications = [
        ProductSpecification(attribute=attributes[key], value=value, unit=unit)
        for key, (value, unit) in values.items()
    ]
    product.certifications = certifications
    category.add_child(instance=product)
    product.save_revision().publish()
    return product


def _link_related(products) -> None:
    by_family: dict[str, list[ProductPage]] = {}
    for family, _power, product in products:
        by_family.setdefault(family["code"], []).append(product)
    for siblings in by_family.values():
        for position, product in enumerate(siblings):
            if product.related_products.exists():
                continue
            neighbours = [
                siblings[i] for i in (position - 1, position + 1) if 0 <= i < len(siblings)
            ]
            product.related_products = neighbours
            product.save_revision().publish()


# es and ar are written out here; other languages come from the shared demo
# catalogs (exportsite/demo_translations/), so these helpers give them nothing.
def _catalog_strings(language: str) -> dict[str, str]:
    if language not in CATALOG_I18N:
        return {}
    strings = dict(WORDS[language])
    strings.update(CATALOG_I18N[language])
    for name, _unit, _filterable, i18n in ATTRIBUTES.values():
        strings[name] = i18n[language]
    strings[CERTIFICATIONS_PAGE["intro"]["en"][3:-4]] = CERTIFICATIONS_PAGE["intro"][language][3:-4]
    strings[CERTIFICATIONS_PAGE["title"]["en"]] = CERTIFICATIONS_PAGE["title"][language]
    strings[DESCRIPTION["en"][3:-4]] = DESCRIPTION[language][3:-4]
    strings[PACKAGING["en"]] = PACKAGING[language]
    strings[CAPACITY["en"]] = CAPACITY[language]
    return strings


def _certificate_strings(data: dict, language: str) -> dict[str, str]:
    if language not in CATALOG_I18N:
        return {}
    return {
        data["title"]["en"]: data["title"][language],
        data["scope"]["en"]: data["scope"][language],
    }


def _family_strings(family: dict, language: str) -> dict[str, str]:
    if language not in CATALOG_I18N:
        return {}
    return {
        family["title"]["en"]: family["title"][language],
        family["intro"]["en"]: family["intro"][language],
    }


def _product_strings(family: dict, power: int, language: str) -> dict[str, str]:
    if language not in CATALOG_I18N:
        return {}
    lumens = f"{_lumens(family, power):,}"
    local_lumens = lumens.replace(",", ".") if language == "es" else lumens
    name_en = family["name"]["en"].format(p=power)
    name = family["name"][language].format(p=power)
    view = {
        "es": ("vista frontal", "detalle del disipador"),
        "ar": ("منظر أمامي", "تفاصيل المبدد الحراري"),
    }[language]
    return {
        name_en: name,
        family["summary"]["en"].format(p=power, lm=lumens): family["summary"][language].format(
            p=power, lm=local_lumens
        ),
        f"{name_en}, front view": f"{name}, {view[0]}",
        f"{name_en}, heat sink detail": f"{name}, {view[1]}",
        family["material"]: WORDS[language][family["material"]],
    }
