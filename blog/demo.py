"""Demo blog: six posts of an LED lighting exporter, in en/es/ar (through wagtail-localize)."""

import datetime

from wagtail.models import Locale, Site

from exportsite.demo import get_or_create_child_page, get_or_create_image, translate_page
from products.models import ProductPage

from .models import BlogIndexPage, BlogPage

INDEX = {
    "title": "Blog",
    "slug": "blog",
    "intro": "Buying guides, factory news and export know-how from the Lumetra engineering and sales teams.",
}

# (slug, date, author, category, tags, title, intro, body); body items are
# ("h2"|"h3", text), ("p", text), ("quote", text, attribution),
# ("table", caption, rows) or ("product", sku, text).
POSTS = [
    {
        "slug": "choosing-led-high-bays-for-warehouses",
        "date": datetime.date(2026, 3, 12),
        "author": "Mei Chen",
        "category": "guides",
        "tags": ["high bay", "warehouse", "buying guide"],
        "title": "How to choose LED high bays for a warehouse",
        "intro": "Mounting height, lumen output and beam angle decide whether a warehouse is evenly lit. A five-step method our engineers use for every quotation.",
        "related": ["LM-HB-100", "LM-HB-150"],
        "body": [
            ("h2", "Start from the mounting height"),
            (
                "p",
                "Below 6 metres a 100 W high bay with a 120° beam is usually enough; between 8 and 12 metres choose 150 to 200 W with a 90° beam so the light reaches the floor instead of the walls.",
            ),
            ("h2", "Target lux levels by area"),
            (
                "table",
                "Recommended average illuminance (EN 12464-1)",
                [
                    ["Area", "Lux"],
                    ["Bulk storage", "100"],
                    ["Picking aisles", "200"],
                    ["Packing and dispatch", "300"],
                ],
            ),
            ("h3", "Do not forget the aisles"),
            (
                "p",
                "Narrow aisles between tall racks need narrow optics: a 60° lens keeps the light on the rack faces where pickers read the labels.",
            ),
            (
                "product",
                "LM-HB-150",
                "Our 150 W high bay with 60°, 90° and 120° lenses covers most warehouse layouts.",
            ),
            ("h2", "Ask for a lighting simulation"),
            (
                "p",
                "Send us the floor plan and rack heights: we return a DIALux simulation with the number of fixtures and the expected uniformity within two business days.",
            ),
        ],
    },
    {
        "slug": "ip65-vs-ip66-floodlights",
        "date": datetime.date(2026, 2, 3),
        "author": "Omar Haddad",
        "category": "technology",
        "tags": ["floodlight", "IP rating"],
        "title": "IP65 or IP66: what the rating means for floodlights",
        "intro": "Both ratings are dust-tight; the difference is the water. Where each one is the right choice, and how we test them.",
        "related": ["LM-FL-100"],
        "body": [
            ("h2", "Two digits, two tests"),
            (
                "p",
                "The first digit rates protection against dust, the second against water. IP65 resists water jets from any direction; IP66 resists powerful jets, like a heavy storm on a coastal site.",
            ),
            ("h2", "How we test every batch"),
            (
                "p",
                "One fixture per batch goes through a 30-minute jet test and an 8-hour ageing run before the batch is packed.",
            ),
            (
                "quote",
                "Since switching to IP66 floodlights our port terminal has had no water-related failures in three rainy seasons.",
                "Maintenance manager, container terminal in Oman",
            ),
        ],
    },
    {
        "slug": "our-new-smt-line",
        "date": datetime.date(2026, 1, 20),
        "author": "Li Wei",
        "category": "news",
        "tags": ["factory", "quality"],
        "title": "Our new SMT line doubles LED board capacity",
        "intro": "A second high-speed SMT line in Ningbo shortens lead times for panel lights and high bays from 25 to 15 days.",
        "related": [],
        "body": [
            ("h2", "What changes for buyers"),
            (
                "p",
                "With two lines we place the LED boards for a 40-foot container of panel lights in three days, and we keep a line free for urgent repeat orders.",
            ),
            ("h2", "Automatic optical inspection"),
            (
                "p",
                "Every board now passes an automatic optical inspection after reflow soldering, so solder defects are caught before assembly.",
            ),
        ],
    },
    {
        "slug": "fob-cif-ddp-explained",
        "date": datetime.date(2025, 12, 8),
        "author": "Sofia Martínez",
        "category": "trade",
        "tags": ["shipping", "incoterms"],
        "title": "FOB, CIF or DDP: choosing incoterms for LED lighting",
        "intro": "Who pays the freight, who insures the cargo and who clears customs: the three incoterms our buyers use most, compared.",
        "related": [],
        "body": [
            ("h2", "The short version"),
            (
                "table",
                "Who does what",
                [
                    ["Incoterm", "Freight", "Insurance", "Import customs"],
                    ["FOB Ningbo", "Buyer", "Buyer", "Buyer"],
                    ["CIF", "Seller", "Seller", "Buyer"],
                    ["DDP", "Seller", "Seller", "Seller"],
                ],
            ),
            ("h2", "When FOB is the better deal"),
            (
                "p",
                "If you already work with a freight forwarder, FOB Ningbo usually gives the lowest landed cost and full control of the shipping schedule.",
            ),
            ("h2", "When to ask for DDP"),
            (
                "p",
                "For a first order or a small shipment, DDP means one price to your door: we handle freight, insurance and import duties.",
            ),
        ],
    },
    {
        "slug": "case-study-valencia-logistics-centre",
        "date": datetime.date(2025, 11, 14),
        "author": "Sofia Martínez",
        "category": "case-studies",
        "tags": ["case study", "high bay", "warehouse"],
        "title": "Case study: 64% less energy in a Valencia logistics centre",
        "intro": "How a Spanish distributor replaced 420 metal-halide lamps with LED high bays and paid the project back in 19 months.",
        "related": ["LM-HB-200"],
        "body": [
            ("h2", "The project"),
            (
                "p",
                "The 20,000 m² warehouse used 400 W metal-halide lamps at 11 metres. We proposed 200 W LED high bays with motion sensors in the storage zones.",
            ),
            ("h2", "The results"),
            (
                "p",
                "Energy use for lighting fell by 64%, the average illuminance rose from 160 to 240 lux, and the lamps no longer need a warm-up after a power cut.",
            ),
            (
                "quote",
                "The lighting simulation matched the site measurements within 5%. That is why we order again.",
                "Project manager, Valencia",
            ),
            ("product", "LM-HB-200", "The 200 W high bay used in this project."),
        ],
    },
    {
        "slug": "reading-led-supplier-certificates",
        "date": datetime.date(2025, 10, 2),
        "author": "Mei Chen",
        "category": "guides",
        "tags": ["certification", "buying guide"],
        "title": "CE, RoHS and ISO 9001: how to read an LED supplier's certificates",
        "intro": "A certificate is only as good as its scope. Four checks that take five minutes and protect your shipment at customs.",
        "related": [],
        "body": [
            ("h2", "Check the name and the models"),
            (
                "p",
                "The company name on the certificate must match the exporter on your invoice, and the model numbers you buy must be listed in the scope.",
            ),
            ("h2", "Check the laboratory"),
            (
                "p",
                "Test reports from an accredited laboratory carry the accreditation mark and number; look the laboratory up in the accreditation body's public register.",
            ),
            ("h2", "Check the dates"),
            (
                "p",
                "ISO 9001 certificates are valid for three years with yearly surveillance audits; ask for the latest audit report, not only the certificate.",
            ),
        ],
    },
]

TRANSLATIONS = {
    "es": {
        "Blog": "Blog",
        "blog": "blog",
        "Buying guides, factory news and export know-how from the Lumetra engineering and sales teams.": "Guías de compra, noticias de la fábrica y experiencia exportadora de los equipos de ingeniería y ventas de Lumetra.",
        # 1
        "choosing-led-high-bays-for-warehouses": "elegir-campanas-led-para-almacenes",
        "How to choose LED high bays for a warehouse": "Cómo elegir campanas LED para un almacén",
        "Mounting height, lumen output and beam angle decide whether a warehouse is evenly lit. A five-step method our engineers use for every quotation.": "La altura de montaje, el flujo luminoso y el ángulo de haz deciden si un almacén queda bien iluminado. El método en cinco pasos que nuestros ingenieros usan en cada cotización.",
        "Start from the mounting height": "Empiece por la altura de montaje",
        "Below 6 metres a 100 W high bay with a 120° beam is usually enough; between 8 and 12 metres choose 150 to 200 W with a 90° beam so the light reaches the floor instead of the walls.": "Por debajo de 6 metros suele bastar una campana de 100 W con haz de 120°; entre 8 y 12 metros elija de 150 a 200 W con haz de 90° para que la luz llegue al suelo y no a las paredes.",
        "Target lux levels by area": "Niveles de lux recomendados por zona",
        "Recommended average illuminance (EN 12464-1)": "Iluminancia media recomendada (EN 12464-1)",
        "Area": "Zona",
        "Lux": "Lux",
        "Bulk storage": "Almacenamiento a granel",
        "Picking aisles": "Pasillos de preparación de pedidos",
        "Packing and dispatch": "Embalaje y expedición",
        "Do not forget the aisles": "No olvide los pasillos",
        "Narrow aisles between tall racks need narrow optics: a 60° lens keeps the light on the rack faces where pickers read the labels.": "Los pasillos estrechos entre estanterías altas necesitan ópticas estrechas: una lente de 60° mantiene la luz en las caras de las estanterías, donde los operarios leen las etiquetas.",
        "Our 150 W high bay with 60°, 90° and 120° lenses covers most warehouse layouts.": "Nuestra campana de 150 W con lentes de 60°, 90° y 120° cubre la mayoría de los almacenes.",
        "Ask for a lighting simulation": "Pida una simulación de iluminación",
        "Send us the floor plan and rack heights: we return a DIALux simulation with the number of fixtures and the expected uniformity within two business days.": "Envíenos el plano y la altura de las estanterías: en dos días hábiles le devolvemos una simulación DIALux con el número de luminarias y la uniformidad prevista.",
        # 2
        "ip65-vs-ip66-floodlights": "proyectores-ip65-o-ip66",
        "IP65 or IP66: what the rating means for floodlights": "IP65 o IP66: qué significa el grado de protección en los proyectores",
        "Both ratings are dust-tight; the difference is the water. Where each one is the right choice, and how we test them.": "Ambos grados son estancos al polvo; la diferencia está en el agua. Dónde conviene cada uno y cómo los probamos.",
        "Two digits, two tests": "Dos cifras, dos ensayos",
        "The first digit rates protection against dust, the second against water. IP65 resists water jets from any direction; IP66 resists powerful jets, like a heavy storm on a coastal site.": "La primera cifra indica la protección contra el polvo y la segunda contra el agua. IP65 resiste chorros de agua desde cualquier dirección; IP66 resiste chorros potentes, como un temporal en una instalación costera.",
        "How we test every batch": "Cómo probamos cada lote",
        "One fixture per batch goes through a 30-minute jet test and an 8-hour ageing run before the batch is packed.": "Una luminaria de cada lote pasa un ensayo de chorro de 30 minutos y 8 horas de envejecimiento antes de embalar el lote.",
        "Since switching to IP66 floodlights our port terminal has had no water-related failures in three rainy seasons.": "Desde que cambiamos a proyectores IP66, nuestra terminal portuaria no ha tenido ninguna avería por agua en tres temporadas de lluvias.",
        "Maintenance manager, container terminal in Oman": "Jefe de mantenimiento, terminal de contenedores en Omán",
        # 3
        "our-new-smt-line": "nuestra-nueva-linea-smt",
        "Our new SMT line doubles LED board capacity": "Nuestra nueva línea SMT duplica la capacidad de placas LED",
        "A second high-speed SMT line in Ningbo shortens lead times for panel lights and high bays from 25 to 15 days.": "Una segunda línea SMT de alta velocidad en Ningbo reduce el plazo de entrega de paneles y campanas de 25 a 15 días.",
        "What changes for buyers": "Qué cambia para los compradores",
        "With two lines we place the LED boards for a 40-foot container of panel lights in three days, and we keep a line free for urgent repeat orders.": "Con dos líneas montamos las placas LED de un contenedor de 40 pies de paneles en tres días y dejamos una línea libre para repeticiones urgentes.",
        "Automatic optical inspection": "Inspección óptica automática",
        "Every board now passes an automatic optical inspection after reflow soldering, so solder defects are caught before assembly.": "Cada placa pasa ahora una inspección óptica automática tras la soldadura por refusión, de modo que los defectos se detectan antes del montaje.",
        # 4
        "fob-cif-ddp-explained": "fob-cif-ddp-explicados",
        "FOB, CIF or DDP: choosing incoterms for LED lighting": "FOB, CIF o DDP: cómo elegir el incoterm para iluminación LED",
        "Who pays the freight, who insures the cargo and who clears customs: the three incoterms our buyers use most, compared.": "Quién paga el flete, quién asegura la carga y quién despacha la aduana: comparamos los tres incoterms que más usan nuestros compradores.",
        "The short version": "En resumen",
        "Who does what": "Quién se encarga de qué",
        "Freight": "Flete",
        "Insurance": "Seguro",
        "Import customs": "Aduana de importación",
        "Buyer": "Comprador",
        "Seller": "Vendedor",
        "When FOB is the better deal": "Cuándo conviene FOB",
        "If you already work with a freight forwarder, FOB Ningbo usually gives the lowest landed cost and full control of the shipping schedule.": "Si ya trabaja con un transitario, FOB Ningbo suele dar el menor coste en destino y el control total del calendario de envío.",
        "When to ask for DDP": "Cuándo pedir DDP",
        "For a first order or a small shipment, DDP means one price to your door: we handle freight, insurance and import duties.": "Para un primer pedido o un envío pequeño, DDP significa un único precio hasta su puerta: nos ocupamos del flete, el seguro y los aranceles de importación.",
        # 5
        "case-study-valencia-logistics-centre": "caso-centro-logistico-valencia",
        "Case study: 64% less energy in a Valencia logistics centre": "Caso práctico: un 64 % menos de energía en un centro logístico de Valencia",
        "How a Spanish distributor replaced 420 metal-halide lamps with LED high bays and paid the project back in 19 months.": "Cómo un distribuidor español sustituyó 420 lámparas de halogenuros metálicos por campanas LED y amortizó el proyecto en 19 meses.",
        "The project": "El proyecto",
        "The 20,000 m² warehouse used 400 W metal-halide lamps at 11 metres. We proposed 200 W LED high bays with motion sensors in the storage zones.": "El almacén de 20.000 m² usaba lámparas de halogenuros metálicos de 400 W a 11 metros. Propusimos campanas LED de 200 W con sensores de movimiento en las zonas de almacenamiento.",
        "The results": "Los resultados",
        "Energy use for lighting fell by 64%, the average illuminance rose from 160 to 240 lux, and the lamps no longer need a warm-up after a power cut.": "El consumo de iluminación bajó un 64 %, la iluminancia media subió de 160 a 240 lux y las lámparas ya no necesitan calentarse tras un corte de luz.",
        "The lighting simulation matched the site measurements within 5%. That is why we order again.": "La simulación de iluminación coincidió con las mediciones en obra con un margen del 5 %. Por eso volvemos a pedir.",
        "Project manager, Valencia": "Jefe de proyecto, Valencia",
        "The 200 W high bay used in this project.": "La campana de 200 W utilizada en este proyecto.",
        # 6
        "reading-led-supplier-certificates": "leer-certificados-proveedor-led",
        "CE, RoHS and ISO 9001: how to read an LED supplier's certificates": "CE, RoHS e ISO 9001: cómo leer los certificados de un proveedor LED",
        "A certificate is only as good as its scope. Four checks that take five minutes and protect your shipment at customs.": "Un certificado vale lo que vale su alcance. Cuatro comprobaciones de cinco minutos que protegen su envío en la aduana.",
        "Check the name and the models": "Compruebe el nombre y los modelos",
        "The company name on the certificate must match the exporter on your invoice, and the model numbers you buy must be listed in the scope.": "El nombre de la empresa en el certificado debe coincidir con el exportador de su factura, y los modelos que compra deben figurar en el alcance.",
        "Check the laboratory": "Compruebe el laboratorio",
        "Test reports from an accredited laboratory carry the accreditation mark and number; look the laboratory up in the accreditation body's public register.": "Los informes de un laboratorio acreditado llevan la marca y el número de acreditación; busque el laboratorio en el registro público de la entidad de acreditación.",
        "Check the dates": "Compruebe las fechas",
        "ISO 9001 certificates are valid for three years with yearly surveillance audits; ask for the latest audit report, not only the certificate.": "Los certificados ISO 9001 son válidos tres años con auditorías de seguimiento anuales; pida el último informe de auditoría, no solo el certificado.",
    },
    "ar": {
        "Blog": "المدونة",
        "Buying guides, factory news and export know-how from the Lumetra engineering and sales teams.": "أدلة الشراء وأخبار المصنع وخبرات التصدير من فريقي الهندسة والمبيعات في لوميترا.",
        # 1
        "How to choose LED high bays for a warehouse": "كيف تختار كشافات LED العلوية للمستودع",
        "Mounting height, lumen output and beam angle decide whether a warehouse is evenly lit. A five-step method our engineers use for every quotation.": "ارتفاع التركيب والتدفق الضوئي وزاوية الشعاع تحدد مدى انتظام إضاءة المستودع. طريقة من خمس خطوات يستخدمها مهندسونا في كل عرض سعر.",
        "Start from the mounting height": "ابدأ بارتفاع التركيب",
        "Below 6 metres a 100 W high bay with a 120° beam is usually enough; between 8 and 12 metres choose 150 to 200 W with a 90° beam so the light reaches the floor instead of the walls.": "تحت 6 أمتار يكفي عادةً كشاف علوي بقدرة 100 واط وزاوية شعاع 120°؛ وبين 8 و12 متراً اختر من 150 إلى 200 واط بزاوية 90° حتى يصل الضوء إلى الأرض لا إلى الجدران.",
        "Target lux levels by area": "مستويات اللوكس الموصى بها حسب المنطقة",
        "Recommended average illuminance (EN 12464-1)": "متوسط شدة الإضاءة الموصى به (EN 12464-1)",
        "Area": "المنطقة",
        "Lux": "لوكس",
        "Bulk storage": "التخزين السائب",
        "Picking aisles": "ممرات تجهيز الطلبات",
        "Packing and dispatch": "التعبئة والشحن",
        "Do not forget the aisles": "لا تنسَ الممرات",
        "Narrow aisles between tall racks need narrow optics: a 60° lens keeps the light on the rack faces where pickers read the labels.": "تحتاج الممرات الضيقة بين الرفوف العالية إلى عدسات ضيقة: عدسة 60° تُبقي الضوء على واجهات الرفوف حيث يقرأ العمال الملصقات.",
        "Our 150 W high bay with 60°, 90° and 120° lenses covers most warehouse layouts.": "كشافنا العلوي بقدرة 150 واط مع عدسات 60° و90° و120° يناسب معظم تصاميم المستودعات.",
        "Ask for a lighting simulation": "اطلب محاكاة للإضاءة",
        "Send us the floor plan and rack heights: we return a DIALux simulation with the number of fixtures and the expected uniformity within two business days.": "أرسل إلينا مخطط الأرضية وارتفاعات الرفوف، وسنرسل لك خلال يومي عمل محاكاة DIALux بعدد الوحدات ونسبة الانتظام المتوقعة.",
        # 2
        "IP65 or IP66: what the rating means for floodlights": "IP65 أم IP66: ماذا تعني درجة الحماية في الكشافات",
        "Both ratings are dust-tight; the difference is the water. Where each one is the right choice, and how we test them.": "كلتا الدرجتين محكمتان ضد الغبار، والفرق في الماء. متى يكون كل منهما الخيار الصحيح، وكيف نختبرهما.",
        "Two digits, two tests": "رقمان واختباران",
        "The first digit rates protection against dust, the second against water. IP65 resists water jets from any direction; IP66 resists powerful jets, like a heavy storm on a coastal site.": "يشير الرقم الأول إلى الحماية من الغبار والثاني إلى الحماية من الماء. تتحمل IP65 نفثات الماء من أي اتجاه، وتتحمل IP66 النفثات القوية مثل عاصفة شديدة في موقع ساحلي.",
        "How we test every batch": "كيف نختبر كل دفعة",
        "One fixture per batch goes through a 30-minute jet test and an 8-hour ageing run before the batch is packed.": "تخضع وحدة من كل دفعة لاختبار نفث لمدة 30 دقيقة وتشغيل تعتيق لمدة 8 ساعات قبل تعبئة الدفعة.",
        "Since switching to IP66 floodlights our port terminal has had no water-related failures in three rainy seasons.": "منذ انتقالنا إلى كشافات IP66 لم تسجل محطتنا في الميناء أي عطل بسبب الماء خلال ثلاثة مواسم أمطار.",
        "Maintenance manager, container terminal in Oman": "مدير الصيانة، محطة حاويات في عُمان",
        # 3
        "Our new SMT line doubles LED board capacity": "خط SMT الجديد يضاعف طاقة إنتاج لوحات LED",
        "A second high-speed SMT line in Ningbo shortens lead times for panel lights and high bays from 25 to 15 days.": "خط SMT ثانٍ عالي السرعة في نينغبو يقلص مدة تسليم ألواح الإضاءة والكشافات العلوية من 25 إلى 15 يوماً.",
        "What changes for buyers": "ما الذي يتغير للمشترين",
        "With two lines we place the LED boards for a 40-foot container of panel lights in three days, and we keep a line free for urgent repeat orders.": "بخطين نجهز لوحات LED لحاوية 40 قدماً من ألواح الإضاءة في ثلاثة أيام، ونُبقي خطاً متاحاً للطلبات المتكررة العاجلة.",
        "Automatic optical inspection": "الفحص البصري الآلي",
        "Every board now passes an automatic optical inspection after reflow soldering, so solder defects are caught before assembly.": "تمر كل لوحة الآن بفحص بصري آلي بعد لحام إعادة الانصهار، فتُكتشف عيوب اللحام قبل التجميع.",
        # 4
        "FOB, CIF or DDP: choosing incoterms for LED lighting": "FOB أم CIF أم DDP: اختيار شروط التسليم لإضاءة LED",
        "Who pays the freight, who insures the cargo and who clears customs: the three incoterms our buyers use most, compared.": "من يدفع الشحن، ومن يؤمّن البضاعة، ومن يتولى التخليص الجمركي: مقارنة بين أكثر ثلاثة شروط تسليم يستخدمها مشترونا.",
        "The short version": "باختصار",
        "Who does what": "من يتولى ماذا",
        "Freight": "الشحن",
        "Insurance": "التأمين",
        "Import customs": "جمارك الاستيراد",
        "Buyer": "المشتري",
        "Seller": "البائع",
        "When FOB is the better deal": "متى يكون FOB الخيار الأفضل",
        "If you already work with a freight forwarder, FOB Ningbo usually gives the lowest landed cost and full control of the shipping schedule.": "إذا كنت تتعامل مع وكيل شحن، فإن FOB نينغبو يمنحك عادةً أقل تكلفة واصلة وتحكماً كاملاً في جدول الشحن.",
        "When to ask for DDP": "متى تطلب DDP",
        "For a first order or a small shipment, DDP means one price to your door: we handle freight, insurance and import duties.": "في الطلب الأول أو الشحنة الصغيرة، يعني DDP سعراً واحداً حتى بابك: نتولى الشحن والتأمين ورسوم الاستيراد.",
        # 5
        "Case study: 64% less energy in a Valencia logistics centre": "دراسة حالة: استهلاك طاقة أقل بنسبة 64% في مركز لوجستي في فالنسيا",
        "How a Spanish distributor replaced 420 metal-halide lamps with LED high bays and paid the project back in 19 months.": "كيف استبدل موزع إسباني 420 مصباح هاليد معدني بكشافات LED علوية واسترد تكلفة المشروع في 19 شهراً.",
        "The project": "المشروع",
        "The 20,000 m² warehouse used 400 W metal-halide lamps at 11 metres. We proposed 200 W LED high bays with motion sensors in the storage zones.": "كان المستودع البالغة مساحته 20,000 م² يستخدم مصابيح هاليد معدني بقدرة 400 واط على ارتفاع 11 متراً. اقترحنا كشافات LED علوية بقدرة 200 واط مع حساسات حركة في مناطق التخزين.",
        "The results": "النتائج",
        "Energy use for lighting fell by 64%, the average illuminance rose from 160 to 240 lux, and the lamps no longer need a warm-up after a power cut.": "انخفض استهلاك الطاقة للإضاءة بنسبة 64%، وارتفع متوسط الإضاءة من 160 إلى 240 لوكس، ولم تعد المصابيح تحتاج إلى وقت تسخين بعد انقطاع الكهرباء.",
        "The lighting simulation matched the site measurements within 5%. That is why we order again.": "طابقت محاكاة الإضاءة القياسات في الموقع بفارق لا يتجاوز 5%. لهذا نطلب منهم مجدداً.",
        "Project manager, Valencia": "مدير المشروع، فالنسيا",
        "The 200 W high bay used in this project.": "الكشاف العلوي بقدرة 200 واط المستخدم في هذا المشروع.",
        # 6
        "CE, RoHS and ISO 9001: how to read an LED supplier's certificates": "CE وRoHS وISO 9001: كيف تقرأ شهادات مورد LED",
        "A certificate is only as good as its scope. Four checks that take five minutes and protect your shipment at customs.": "قيمة الشهادة في نطاقها. أربعة فحوص تستغرق خمس دقائق وتحمي شحنتك في الجمارك.",
        "Check the name and the models": "تحقق من الاسم والطرازات",
        "The company name on the certificate must match the exporter on your invoice, and the model numbers you buy must be listed in the scope.": "يجب أن يطابق اسم الشركة في الشهادة اسم المصدّر في فاتورتك، وأن تكون أرقام الطرازات التي تشتريها مدرجة في نطاقها.",
        "Check the laboratory": "تحقق من المختبر",
        "Test reports from an accredited laboratory carry the accreditation mark and number; look the laboratory up in the accreditation body's public register.": "تحمل تقارير الاختبار الصادرة عن مختبر معتمد علامة الاعتماد ورقمه؛ ابحث عن المختبر في السجل العام لجهة الاعتماد.",
        "Check the dates": "تحقق من التواريخ",
        "ISO 9001 certificates are valid for three years with yearly surveillance audits; ask for the latest audit report, not only the certificate.": "شهادات ISO 9001 صالحة لثلاث سنوات مع تدقيق رقابي سنوي؛ اطلب آخر تقرير تدقيق لا الشهادة وحدها.",
    },
}


def seed(stdout, languages: list[str]) -> None:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    index = get_or_create_child_page(home, BlogIndexPage, **INDEX, show_in_menus=True)
    images = [
        get_or_create_image(
            "Lumetra assembly line", size=(1440, 810), colors=("#0f7b45", "#0b4f8a")
        ),
        get_or_create_image("Lumetra factory hero", label="Lumetra Lighting"),
    ]
    products = {
        p.sku: p for p in ProductPage.objects.filter(locale=index.locale).only("id", "sku", "title")
    }
    posts = [
        _seed_post(index, data, images[n % len(images)], products) for n, data in enumerate(POSTS)
    ]
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        catalog = TRANSLATIONS.get(language, {})
        translate_page(index, locale, catalog)
        for post in posts:
            translate_page(post, locale, catalog)
    stdout.write(f"  blog: {len(posts)} posts in en, {', '.join(languages)}")


def _seed_post(index: BlogIndexPage, data: dict, image, products: dict) -> BlogPage:
    existing = BlogPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing:
        return existing
    post = BlogPage(
        slug=data["slug"],
        title=data["title"],
        date=data["date"],
        author=data["author"],
        category=data["category"],
        intro=data["intro"],
        hero_image=image,
        body=[block for item in data["body"] if (block := _block(item, products))],
    )
    post.related_products = [products[sku] for sku in data["related"] if sku in products]
    index.add_child(instance=post)
    post.tags.add(*data["tags"])
    post.save_revision().publish()
    return post


def _block(item: tuple, products: dict):
    kind = item[0]
    if kind in {"h2", "h3"}:
        return ("heading", {"text": item[1], "level": kind})
    if kind == "p":
        return ("rich_text", f"<p>{item[1]}</p>")
    if kind == "quote":
        return ("quote", {"quote": item[1], "attribution": item[2]})
    if kind == "table":
        return (
            "table",
            {
                "data": item[2],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": item[1],
            },
        )
    if kind == "product":
        product = products.get(item[1])
        return ("product_callout", {"product": product, "text": item[2]}) if product else None
    raise ValueError(kind)
