"""Demo content for enquiries: the enquiry page in every demo language, and a lead inbox."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Site

from exportsite.demo import get_or_create_child_page, get_or_create_locale, translate_page
from products.models import ProductPage

from .models import (
    EnquiryPage,
    Lead,
    LeadActivity,
    LeadLine,
    LeadNote,
    LeadStatus,
    LeadType,
    NotificationStatus,
    Payment,
    PaymentStatus,
)

ENQUIRY = {
    "title": "Request a quote",
    "slug": "request-a-quote",
    "search_description": "Ask Lumetra Lighting for a quotation or order samples: answer within one business day.",
    "intro": "<p>Tell us what you need: products, quantities and destination. A sales engineer answers within one business day, in your language.</p>",
    "sample_intro": "<p>Test our quality before you order. You pay a small deposit per sample, credited against your first order; samples ship within 7 days.</p>",
    "thank_you_text": "<p>Thank you! A sales engineer will answer within one business day.</p>",
    "payment_thank_you_text": "<p>Your deposit is paid. We ship your samples within 7 days and email you the tracking number.</p>",
}

TRANSLATIONS = {
    "es": {
        "Request a quote": "Solicitar presupuesto",
        "request-a-quote": "solicitar-presupuesto",
        "Ask Lumetra Lighting for a quotation or order samples: answer within one business day.": "Pida a Lumetra Lighting un presupuesto o muestras: respuesta en un día laborable.",
        "Tell us what you need: products, quantities and destination. A sales engineer answers within one business day, in your language.": "Díganos qué necesita: productos, cantidades y destino. Un ingeniero de ventas responde en un día laborable, en su idioma.",
        "Test our quality before you order. You pay a small deposit per sample, credited against your first order; samples ship within 7 days.": "Compruebe nuestra calidad antes de comprar. Paga un pequeño depósito por muestra, que se descuenta de su primer pedido; las muestras se envían en 7 días.",
        "Thank you! A sales engineer will answer within one business day.": "¡Gracias! Un ingeniero de ventas le responderá en un día laborable.",
        "Your deposit is paid. We ship your samples within 7 days and email you the tracking number.": "Su depósito está pagado. Enviamos sus muestras en 7 días y le enviamos el número de seguimiento por correo.",
    },
    "ar": {
        "Request a quote": "اطلب عرض سعر",
        "request-a-quote": "request-a-quote",
        "Ask Lumetra Lighting for a quotation or order samples: answer within one business day.": "اطلب من لوميترا للإضاءة عرض سعر أو عينات: نرد خلال يوم عمل واحد.",
        "Tell us what you need: products, quantities and destination. A sales engineer answers within one business day, in your language.": "أخبرنا بما تحتاجه: المنتجات والكميات والوجهة. يرد عليك مهندس مبيعات خلال يوم عمل واحد وبلغتك.",
        "Test our quality before you order. You pay a small deposit per sample, credited against your first order; samples ship within 7 days.": "اختبر جودتنا قبل الطلب. تدفع عربونًا صغيرًا لكل عينة يُخصم من طلبك الأول، وتُشحن العينات خلال 7 أيام.",
        "Thank you! A sales engineer will answer within one business day.": "شكرًا لك! سيرد عليك مهندس مبيعات خلال يوم عمل واحد.",
        "Your deposit is paid. We ship your samples within 7 days and email you the tracking number.": "تم دفع العربون. نشحن عيناتك خلال 7 أيام ونرسل إليك رقم التتبع بالبريد الإلكتروني.",
    },
}

BUYERS = [
    ("Ana García", "Iluminación Ibérica S.L.", "ES", "es"),
    ("Jonas Weber", "Lichtwerk GmbH", "DE", "en"),
    ("Omar Al-Sayed", "Gulf Lighting Trading LLC", "AE", "ar"),
    ("Fatima Haddad", "Beirut Electric Co.", "LB", "ar"),
    ("Lucas Pereira", "Luz Brasil Distribuidora", "BR", "en"),
    ("Marie Dubois", "Éclairage Pro SARL", "FR", "en"),
    ("John Carter", "Carter Electrical Supplies", "GB", "en"),
    ("Carlos Méndez", "Constructora del Norte", "MX", "es"),
    ("Nadia Petrova", "SvetTorg OOO", "RU", "en"),
    ("Ahmed Khan", "Karachi Lights Pvt Ltd", "PK", "en"),
    ("Sofia Rossi", "Luce Italia S.r.l.", "IT", "en"),
    ("Khalid Mansour", "Riyadh Contracting", "SA", "ar"),
]
STATUSES = [
    LeadStatus.NEW, LeadStatus.NEW, LeadStatus.CONTACTED, LeadStatus.QUOTED,
    LeadStatus.SAMPLE_SENT, LeadStatus.WON, LeadStatus.LOST, LeadStatus.SPAM,
]  # fmt: skip
DEMO_LEAD_COUNT = 40
# One lead that came in while Google's reCAPTCHA could not be reached.
UNVERIFIED_INDEX = 9
SALES_PERMISSIONS = ["view_lead", "change_lead", "export_lead"]


def seed(stdout, languages: list[str]) -> None:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    privacy = home.get_children().filter(slug="privacy-policy").first()
    page = _get_or_create_enquiry_page(home, privacy)
    for language in languages:
        translate_page(page, get_or_create_locale(language), TRANSLATIONS.get(language, {}))
    created = _seed_leads()
    stdout.write(f"  enquiries: enquiry page in en, {', '.join(languages)}; {created} demo leads")


def _get_or_create_enquiry_page(home: Page, privacy: Page | None) -> EnquiryPage:
    return get_or_create_child_page(
        home, EnquiryPage, **ENQUIRY, privacy_page=privacy, show_in_menus=True
    )


def _seed_leads() -> int:
    """About 40 leads over the last 60 days: every status, several owners and countries."""
    if Lead.objects.filter(email__endswith="@example.com").exists():
        return 0
    rng = random.Random(2026)  # the same inbox on every machine
    owners = _sales_users()
    products = list(ProductPage.objects.live().filter(locale__language_code="en").order_by("path"))
    now = timezone.now()
    for index in range(DEMO_LEAD_COUNT):
        name, company, country, language = BUYERS[index % len(BUYERS)]
        status = STATUSES[index % len(STATUSES)]
        if index == UNVERIFIED_INDEX:
            status = LeadStatus.UNVERIFIED
        is_sample = index % 5 == 0
        created = now - datetime.timedelta(days=rng.randint(0, 60), hours=rng.randint(0, 23))
        answered = status not in (LeadStatus.NEW, LeadStatus.SPAM) or index % 3 == 0
        lead = Lead.objects.create(
            lead_type=LeadType.SAMPLE if is_sample else LeadType.ENQUIRY,
            status=status,
            owner=owners[index % len(owners)] if status != LeadStatus.NEW else None,
            name=name,
            company=company,
            email=f"{name.split()[0].lower()}.{index}@example.com",
            phone=f"+{rng.randint(30, 98)} {rng.randint(100, 999)} {rng.randint(1000000, 9999999)}",
            country=country,
            language=language,
            message="We are looking for a supplier for a warehouse project. Please send your best price and lead time.",
            shipping_address=f"{company}\n{name}\nIndustrial Park 12\n{country}"
            if is_sample
            else "",
            consent_at=created,
            created_at=created,
            first_response_at=created + datetime.timedelta(hours=rng.randint(1, 30))
            if answered
            else None,
            spam_reason={
                LeadStatus.SPAM: "reCAPTCHA score 0.1 < 0.5",
                LeadStatus.UNVERIFIED: "reCAPTCHA could not be reached: not verified",
            }.get(status, ""),
            notification_status=NotificationStatus.FAILED
            if index == 7
            else NotificationStatus.SENT,
            notification_error="SMTPServerDisconnected: Connection unexpectedly closed"
            if index == 7
            else "",
        )
        chosen = rng.sample(products, k=min(len(products), 1 + index % 3)) if products else []
        LeadLine.objects.bulk_create(
            [
                LeadLine(
                    lead=lead,
                    product=product,
                    product_title=product.title,
                    sku=product.sku,
                    quantity=1 if is_sample else rng.choice([100, 200, 500, 1000, 2000]),
                    unit="pieces",
                    incoterm="" if is_sample else rng.choice(["FOB", "CIF", "EXW", "DAP"]),
                    destination=""
                    if is_sample
                    else rng.choice(["Valencia", "Hamburg", "Jebel Ali", "Santos"]),
                    sample_deposit=product.sample_deposit if is_sample else None,
                    sample_currency=product.sample_currency if is_sample else "",
                )
                for product in chosen
            ]
        )
        if is_sample:
            _seed_payment(lead, index)
        if lead.owner and status != LeadStatus.NEW:
            LeadActivity.objects.create(
                lead=lead, user=lead.owner, action="status", old_value=LeadStatus.NEW,
                new_value=status, created_at=created + datetime.timedelta(hours=2),
            )  # fmt: skip
            LeadNote.objects.create(
                lead=lead, author=lead.owner, created_at=created + datetime.timedelta(hours=3),
                text="Called the buyer; they compare three suppliers and decide this month.",
            )  # fmt: skip
    return DEMO_LEAD_COUNT


def _seed_payment(lead: Lead, index: int) -> None:
    total = sum((line.sample_deposit or Decimal(0)) for line in lead.lines.all())
    if not total:
        return
    status = [PaymentStatus.PAID, PaymentStatus.PAID, PaymentStatus.PENDING, PaymentStatus.EXPIRED][
        (index // 5) % 4
    ]
    Payment.objects.create(
        lead=lead,
        status=status,
        amount=int(total * 100),
        currency=lead.lines.first().sample_currency or "USD",
        idempotency_key=f"demo-deposit-{lead.reference}",
        stripe_session_id=f"cs_test_demo_{lead.reference}",
        stripe_payment_intent_id=f"pi_demo_{lead.reference}"
        if status == PaymentStatus.PAID
        else "",
        paid_at=lead.created_at + datetime.timedelta(minutes=10)
        if status == PaymentStatus.PAID
        else None,
        created_at=lead.created_at,
    )


def _sales_group() -> Group:
    """Sales reps: the admin, and the lead inbox (view, work, export), nothing else."""
    group, _ = Group.objects.get_or_create(name="Sales")
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="enquiries", codename__in=SALES_PERMISSIONS)
            | Q(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    )
    return group


def _sales_users():
    """Two demo sales reps without passwords (they can't log in) to own leads."""
    User = get_user_model()
    group = _sales_group()
    users = []
    for username, first, last in (("mei.chen", "Mei", "Chen"), ("david.li", "David", "Li")):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.com"},
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(group)
        users.append(user)
    return users
