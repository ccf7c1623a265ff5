"""Demo content for reviews: the reviews page in every demo language and ~20 buyer reviews.

Most reviews are approved (published); a few wait in the "Moderators approval"
workflow, as a buyer's review does. Some carry a supplier reply, some come from
an invitation sent from a demo lead and are marked "Verified buyer".
"""

import datetime

from django.utils import timezone
from wagtail.models import Site

from enquiries.models import Lead
from exportsite.demo import (
    get_or_create_child_page,
    get_or_create_image,
    get_or_create_locale,
    translate_page,
)
from products.models import ProductPage

from .models import ReviewIndexPage, ReviewInvitation, ReviewPage, ReviewPhoto
from .services import ensure_moderation

INDEX = {
    "title": "Customer reviews",
    "slug": "reviews",
    "search_description": "What distributors and contractors say about Lumetra Lighting's LED products and service.",
    "intro": "<p>Every review is written by a buyer and read by our team before it is published. Reviews marked “Verified buyer” come from customers who ordered from us.</p>",
    "thank_you_text": "<p>Thank you for your review! Our team reads it and publishes it within two business days.</p>",
}

TRANSLATIONS = {
    "es": {
        "Customer reviews": "Opiniones de clientes",
        "reviews": "opiniones",
        "What distributors and contractors say about Lumetra Lighting's LED products and service.": "Lo que dicen distribuidores e instaladores de los productos LED y el servicio de Lumetra Lighting.",
        "Every review is written by a buyer and read by our team before it is published. Reviews marked “Verified buyer” come from customers who ordered from us.": "Cada opinión la escribe un comprador y nuestro equipo la lee antes de publicarla. Las marcadas como «Comprador verificado» son de clientes que nos compraron.",
        "Thank you for your review! Our team reads it and publishes it within two business days.": "¡Gracias por su opinión! Nuestro equipo la lee y la publica en dos días laborables.",
    },
    "ar": {
        "Customer reviews": "آراء العملاء",
        "reviews": "reviews",
        "What distributors and contractors say about Lumetra Lighting's LED products and service.": "ما يقوله الموزعون والمقاولون عن منتجات LED وخدمة لوميترا للإضاءة.",
        "Every review is written by a buyer and read by our team before it is published. Reviews marked “Verified buyer” come from customers who ordered from us.": "يكتب كل رأي مشترٍ حقيقي ويقرؤه فريقنا قبل نشره. الآراء التي تحمل علامة «مشترٍ موثَّق» من عملاء اشتروا منا.",
        "Thank you for your review! Our team reads it and publishes it within two business days.": "شكرًا لرأيك! يقرؤه فريقنا وينشره خلال يومي عمل.",
    },
}

# (slug, language, product SKU or None for the supplier, rating, title, text, name,
#  company, country, days ago, supplier reply, verified lead name or None, approved)
REVIEWS = [
    ("warehouse-retrofit-hamburg", "en", "LM-HB-150", 5, "Perfect for our warehouse retrofit",
     "We replaced 220 metal-halide fittings in a cold store with the 150 W high bay. Light levels went from 180 to 320 lux and the power bill dropped by more than half. Every fitting arrived tested and labelled.",
     "Jonas Weber", "Lichtwerk GmbH", "DE", 12, "Thank you, Jonas! We are glad the cold-store project went well. The 5-year warranty cards are in your project folder.", "Jonas Weber", True),
    ("samples-in-a-week", "en", "LM-HB-100", 4, "Samples in a week, good quality",
     "The samples reached London in six days. Build quality is solid and the driver runs cool. One star off because the first datasheet had an old lumen figure; sales corrected it the same day.",
     "John Carter", "Carter Electrical Supplies", "GB", 20, "Thanks for the honest feedback, John. The datasheet is fixed for every language.", "John Carter", True),
    ("reliable-supplier", "en", None, 5, "A supplier that answers",
     "Three containers in two years and every question answered within a day. Packing is strong enough for our rough last-mile roads.",
     "Ahmed Khan", "Karachi Lights Pvt Ltd", "PK", 35, "", "Ahmed Khan", True),
    ("floodlights-car-park", "en", "LM-FL-200", 5, "Bright, even light in our car park",
     "Twelve 200 W floodlights on 10 m poles. No glare complaints from the neighbours and the IP66 housings survived a very wet winter.",
     "Sofia Rossi", "Luce Italia S.r.l.", "IT", 48, "", None, True),
    ("panels-office-fitout", "en", "LM-PL-036", 4, "Flicker-free office panels",
     "We used 400 of the 36 W panels in an office fit-out. No flicker on camera, colour consistent from box to box. Delivery took two weeks longer than quoted because of the holiday.",
     "Marie Dubois", "Éclairage Pro SARL", "FR", 60, "Sorry about the delay, Marie. We now plan Golden Week production a month ahead.", None, True),
    ("sports-hall", "en", "LM-HB-240", 5, "Great for our sports hall",
     "Uniform light over the whole court and the 90° lens removed the dark corners we had before.",
     "Lucas Pereira", "Luz Brasil Distribuidora", "BR", 75, "", "Lucas Pereira", True),
    ("custom-logo", "en", None, 4, "Helpful with our private label",
     "They printed our logo on housings and boxes for a small first order of 300 pieces. Artwork approval took a few rounds but the result looks professional.",
     "Nadia Petrova", "SvetTorg OOO", "RU", 90, "", None, True),
    ("stadium-floods-too-heavy", "en", "LM-FL-500", 3, "Powerful, but heavy brackets",
     "Light output is as promised. The mounting brackets are heavier than we expected and our installers needed a second person per fitting.",
     "John Carter", "Carter Electrical Supplies", "GB", 110, "Thank you, John. A lighter bracket for the 400 and 500 W models is in testing now.", None, True),
    ("pending-school", "en", "LM-PL-048", 5, "Quiet, comfortable light in classrooms",
     "We installed the 48 W panels in 30 classrooms. Teachers say the light is calmer and the UGR value helped us pass the inspection.",
     "Emily Watson", "Bright Schools Ltd", "IE", 2, "", None, False),
    ("pending-mining", "en", "LM-HB-400", 2, "Driver failure after three months",
     "Two of forty fittings failed after three months. Replacements were sent quickly, but we expected better in a mine workshop.",
     "Peter Nowak", "Silesia Industrial", "PL", 1, "", None, False),
    ("almacen-valencia", "es", "LM-HB-200", 5, "Excelente para nuestro almacén",
     "Instalamos 80 campanas de 200 W en un almacén logístico en Valencia. La luz es uniforme, el consumo bajó un 60 % y el servicio posventa responde en español.",
     "Ana García", "Iluminación Ibérica S.L.", "ES", 15, "¡Gracias, Ana! Nos alegra que el proyecto de Valencia haya ido tan bien.", "Ana García", True),
    ("proyectores-fachada", "es", "LM-FL-100", 4, "Buenos proyectores para fachadas",
     "Usamos los proyectores de 100 W para iluminar la fachada de un hotel. La calidad de luz es muy buena; el embalaje podría proteger mejor los soportes.",
     "Carlos Méndez", "Constructora del Norte", "MX", 40, "", "Carlos Méndez", True),
    ("proveedor-serio", "es", None, 5, "Un proveedor serio y puntual",
     "Llevamos tres años comprando paneles y campanas. Cumplen los plazos, envían las certificaciones a tiempo y las muestras llegan en una semana.",
     "Lucía Fernández", "ElectroSur Distribución", "AR", 55, "", None, True),
    ("paneles-oficina", "es", "LM-PL-024", 4, "Paneles sin parpadeo",
     "Los paneles de 24 W no parpadean y la temperatura de color es idéntica entre lotes. Tardaron una semana más de lo previsto.",
     "Javier Ortega", "Oficinas Modernas SA", "CL", 80, "Gracias, Javier. Ya ajustamos la planificación para evitar retrasos.", None, True),
    ("pendiente-muestras", "es", "LM-FL-050", 3, "Muestras correctas, manual mejorable",
     "Las muestras funcionan bien, pero el manual de instalación solo venía en inglés.",
     "Marta López", "Luminarias del Pacífico", "PE", 3, "", None, False),
    ("jebel-ali-warehouse", "ar", "LM-HB-150", 5, "إضاءة ممتازة لمستودعنا في جبل علي",
     "ركّبنا ١٢٠ كشافًا بقدرة ١٥٠ واط في مستودع بجبل علي. الإضاءة متساوية، وتحمّلت الحرارة العالية في الصيف دون أي عطل، وانخفضت فاتورة الكهرباء بشكل واضح.",
     "Omar Al-Sayed", "Gulf Lighting Trading LLC", "AE", 18, "شكرًا لك يا عمر! يسعدنا نجاح مشروع جبل علي.", "Omar Al-Sayed", True),
    ("riyadh-stadium-floodlights", "ar", "LM-FL-300", 4, "كشافات قوية للملعب",
     "استخدمنا الكشافات بقدرة ٣٠٠ واط لإنارة ملعب كرة قدم. الإضاءة قوية وموزعة جيدًا، لكن الشحن تأخر أسبوعًا.",
     "Khalid Mansour", "Riyadh Contracting", "SA", 45, "", "Khalid Mansour", True),
    ("trusted-supplier-beirut", "ar", None, 5, "مورد موثوق وسريع الرد",
     "فريق المبيعات يرد بالعربية خلال ساعات، والشهادات متوفرة على الموقع. نتعامل معهم منذ سنتين دون مشاكل.",
     "Fatima Haddad", "Beirut Electric Co.", "LB", 70, "", "Fatima Haddad", True),
    ("amman-office-panels", "ar", "LM-PL-060", 4, "ألواح مريحة للعين",
     "ركّبنا الألواح في مبنى مكاتب، والموظفون لاحظوا راحة أكبر للعين. اللون ثابت بين الدفعات.",
     "Yousef Nasser", "Amman Smart Buildings", "JO", 95, "", None, True),
    ("doha-samples-pending", "ar", "LM-HB-080", 4, "جودة جيدة وسعر مناسب",
     "العينات وصلت سليمة والجودة جيدة مقارنة بالسعر. ننتظر الطلب الأول.",
     "Hassan Ali", "Doha Electrical Trading", "QA", 4, "", None, False),
    # Buyers in the other demo languages write in theirs (seeded only when that
    # language is part of the demo).
    ("entrepot-lyon", "fr", "LM-HB-150", 5, "Très bon éclairage pour notre entrepôt",
     "Nous avons remplacé 60 lampes à iodures métalliques par les cloches de 150 W. L'éclairement est homogène et le service commercial répond en français sous 24 heures.",
     "Julien Moreau", "Rhône Éclairage SAS", "FR", 22, "", None, True),
    ("hallenbeleuchtung-stuttgart", "de", "LM-HB-200", 4, "Solide Hallenstrahler, gute Dokumentation",
     "120 Hallenstrahler mit 200 W für eine Produktionshalle. Lichtwerte wie im Datenblatt, CE-Unterlagen vollständig. Die Lieferung kam eine Woche später als geplant.",
     "Katrin Weber", "Weber Elektrotechnik GmbH", "DE", 33, "Danke, Frau Weber. Wir planen die Produktion für Ihre nächste Bestellung früher ein.", None, True),
    ("refletores-estacionamento", "pt", "LM-FL-150", 5, "Refletores robustos e econômicos",
     "Instalamos 40 refletores de 150 W no estacionamento de um shopping em Curitiba. Luz uniforme, consumo 55 % menor e nenhuma falha após as chuvas de verão.",
     "Rafael Costa", "Costa Iluminação Ltda.", "BR", 27, "", None, True),
    ("sklad-novosibirsk", "ru", "LM-HB-100", 5, "Надёжные светильники для холодного склада",
     "Поставили 90 светильников по 100 Вт на неотапливаемый склад. Работают без сбоев при −30 °C, документы для таможни пришли вовремя.",
     "Алексей Смирнов", "СибСвет ООО", "RU", 41, "", None, True),
    ("singapore-office-panels", "zh-hans", "LM-PL-036", 4, "面板灯无频闪，交期准时",
     "我们在新加坡的办公楼项目采购了300套36 W面板灯。光线柔和无频闪，色温一致。包装可以再加强一些。",
     "王磊", "狮城明亮照明工程私人有限公司", "SG", 52, "感谢王先生的反馈，我们已改进外箱包装。", None, True),
]  # fmt: skip

PHOTO_REVIEWS = {"warehouse-retrofit-hamburg", "almacen-valencia", "jebel-ali-warehouse"}


def seed(stdout, languages: list[str]) -> None:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    index_en = _get_or_create_index(home)
    indexes = {"en": index_en}
    for language in languages:
        indexes[language], _missing = translate_page(
            index_en, get_or_create_locale(language), TRANSLATIONS.get(language, {})
        )
    for index in indexes.values():
        ensure_moderation(index)
    created = _seed_reviews(indexes)
    stdout.write(f"  reviews: reviews page in en, {', '.join(languages)}; {created} demo reviews")


def _get_or_create_index(home) -> ReviewIndexPage:
    return get_or_create_child_page(home, ReviewIndexPage, **INDEX, show_in_menus=True)


def _seed_reviews(indexes: dict) -> int:
    existing = set(
        ReviewPage.objects.filter(locale__language_code__in=list(indexes)).values_list(
            "slug", flat=True
        )
    )
    products = {
        (p.sku, p.locale.language_code): p
        for p in ProductPage.objects.live().select_related("locale")
    }
    leads = {}
    demo_leads = Lead.objects.filter(email__endswith="@example.com").exclude(status="spam")
    for lead in demo_leads.order_by("created_at"):
        leads.setdefault(lead.name, lead)
    photo = None
    now = timezone.now()
    created = 0
    for row in REVIEWS:
        (slug, language, sku, rating, title, text, name, company, country, days_ago, reply,
         lead_name, approved) = row  # fmt: skip
        if slug in existing or language not in indexes:
            continue
        index = indexes[language]
        product = products.get((sku, language)) or products.get((sku, "en")) if sku else None
        lead = leads.get(lead_name) if lead_name else None
        when = now - datetime.timedelta(days=days_ago, hours=3)
        review = ReviewPage(
            title=title,
            slug=slug,
            rating=rating,
            text=text,
            reviewer_name=name,
            company=company,
            country=country,
            product=product,
            purchase_date=(when - datetime.timedelta(days=45)).date(),
            supplier_reply=reply,
            supplier_reply_date=(when + datetime.timedelta(days=1)).date() if reply else None,
            verified_buyer=lead is not None,
            lead=lead,
            submitted_at=when,
            live=False,
        )
        if slug in PHOTO_REVIEWS:
            photo = photo or get_or_create_image(
                "Review photo: warehouse installation",
                size=(800, 600),
                colors=("#f4f1e8", "#8a9bb0"),
            )
            review.photos.add(
                ReviewPhoto(image=photo, alt_text=f"{name}: the lights installed on site")
            )
        index.add_child(instance=review)
        revision = review.save_revision(log_action=False)
        if approved:
            revision.publish()
            ReviewPage.objects.filter(pk=review.pk).update(
                first_published_at=when, last_published_at=when
            )
        else:
            ensure_moderation(index).start(review, None)
        if lead is not None:
            ReviewInvitation.objects.create(
                lead=lead,
                created_at=when - datetime.timedelta(days=7),
                used_at=when,
                review=review,
            )
        created += 1
    return created
