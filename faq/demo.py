"""Demo FAQ: six topics, thirty questions of an LED lighting exporter, in en/es/ar."""

from wagtail.models import Locale, Site

from exportsite.demo import get_or_create_child_page, translate_page
from products.models import ProductPage

from .models import FAQIndexPage, FAQItem, FAQPage

INDEX = {
    "title": "FAQ",
    "slug": "faq",
    "intro": "Answers to the questions importers, distributors and contractors ask us most often.",
}

# Questions marked with SKUs are also shown on those product pages.
PRODUCT_QUESTIONS = {
    "Can I order a sample before a bulk order?": ["LM-HB-100", "LM-HB-150", "LM-FL-100"],
    "How are the lights packed?": ["LM-HB-100", "LM-HB-150", "LM-FL-100"],
    "What warranty do you give?": ["LM-HB-100", "LM-FL-100"],
}

TOPICS = [
    {
        "slug": "ordering",
        "title": "Ordering",
        "intro": "Minimum quantities, lead times and custom branding.",
        "items": [
            (
                "What is your minimum order quantity?",
                "Most models start at 50 pieces per model. Panel lights start at 100 pieces; mixed models in one order are welcome.",
            ),
            (
                "How long is the lead time?",
                "Standard models ship in 15 to 25 days after the deposit. Custom colours or packaging add about one week.",
            ),
            (
                "Can you print our logo on the lights and boxes?",
                "Yes, from 200 pieces per model we laser-print your logo on the housing and print your design on the gift box at no extra cost.",
            ),
            (
                "Do you make custom designs?",
                "Our engineers develop custom optics, housings and drivers for projects from 1,000 pieces. Tooling costs are refunded after 5,000 pieces.",
            ),
            (
                "How do I get a quotation?",
                "Send us the models, quantities and destination port through the enquiry form; a sales engineer replies within one business day.",
            ),
        ],
    },
    {
        "slug": "samples",
        "title": "Samples",
        "intro": "Test our fixtures before you place a bulk order.",
        "items": [
            (
                "Can I order a sample before a bulk order?",
                "Yes. Most models can be ordered as samples online with a deposit, shipped within 7 days.",
            ),
            (
                "How much does a sample cost?",
                "You pay a deposit shown on each product page. It is deducted from your first bulk order.",
            ),
            (
                "How are samples shipped?",
                "By express courier (DHL, FedEx or UPS), usually 3 to 6 days door to door. We send you the tracking number the day the sample leaves.",
            ),
            (
                "Can I get samples with my logo?",
                "Yes, logo samples take about 5 extra days. We send photos for your approval before shipping.",
            ),
            (
                "Can I test the sample in my own laboratory?",
                "Of course. We also send the photometric file (IES and LDT) and the test reports with every sample.",
            ),
        ],
    },
    {
        "slug": "payment",
        "title": "Payment",
        "intro": "Payment terms, currencies and deposits.",
        "items": [
            (
                "Which payment terms do you accept?",
                "T/T with a 30% deposit and the balance against the copy of the bill of lading, or an irrevocable L/C at sight for orders above USD 20,000.",
            ),
            (
                "Which currencies can I pay in?",
                "US dollars, euros and Chinese yuan. Quotations are in US dollars unless you ask otherwise.",
            ),
            (
                "Can I pay the sample deposit by card?",
                "Yes, sample deposits are paid online by card through a secure payment page.",
            ),
            (
                "Do you offer credit terms?",
                "After three orders we offer 30 or 60 days open account, subject to credit insurance approval.",
            ),
            (
                "Is the deposit refundable?",
                "The order deposit is refunded in full if we cannot meet the confirmed lead time.",
            ),
        ],
    },
    {
        "slug": "shipping-and-customs",
        "title": "Shipping and customs",
        "intro": "Incoterms, packaging and import documents.",
        "items": [
            (
                "Which incoterms do you offer?",
                "EXW, FOB Ningbo, CIF and DDP to most countries in Europe and the Middle East.",
            ),
            (
                "How are the lights packed?",
                "Each light is packed in a brown or printed inner box, then in five-layer export cartons on fumigation-free pallets.",
            ),
            (
                "Which documents do you provide for customs?",
                "Commercial invoice, packing list, bill of lading, certificate of origin and, on request, Form A or Form E.",
            ),
            (
                "What is the HS code of LED lights?",
                "Most of our luminaires fall under HS 9405.42; the exact code is printed on every product page and invoice.",
            ),
            (
                "Can you ship to my freight forwarder in China?",
                "Yes, we deliver free of charge to any warehouse in Ningbo or Shanghai.",
            ),
        ],
    },
    {
        "slug": "certifications",
        "title": "Certifications",
        "intro": "CE, RoHS, ISO 9001 and test reports.",
        "items": [
            (
                "Are your products CE and RoHS certified?",
                "Yes, every model sold in Europe has CE (EMC and LVD) and RoHS test reports from an accredited laboratory.",
            ),
            (
                "Can I see the certificates?",
                "All certificates are published on our certifications page with their numbers and expiry dates.",
            ),
            (
                "Is your factory ISO 9001 certified?",
                "Yes, our quality management system has been ISO 9001 certified since 2012 and is audited every year.",
            ),
            (
                "Can you certify products for my market?",
                "We arrange SASO, UKCA, INMETRO and other national certifications for projects; the cost depends on the market.",
            ),
            (
                "Do you provide photometric reports?",
                "Yes, LM-79 reports and IES files are available for every model.",
            ),
        ],
    },
    {
        "slug": "after-sales-and-returns",
        "title": "After-sales and returns",
        "intro": "Warranty, spare parts and defective units.",
        "items": [
            (
                "What warranty do you give?",
                "Five years on high bays and floodlights, three years on panel lights, from the date of shipment.",
            ),
            (
                "What happens if a light fails?",
                "Send us a photo or video and the batch number. We replace the driver or the whole light in your next order, or ship it free of charge.",
            ),
            (
                "Do you supply spare parts?",
                "We add 1% spare drivers free of charge to every order and keep parts for each model for ten years.",
            ),
            (
                "Can I return unsold stock?",
                "Standard products can be returned within 60 days of arrival if unused and in their original packing; return freight is paid by the buyer.",
            ),
            (
                "How fast do you answer a complaint?",
                "Within 24 hours on business days, with a written root-cause report within seven days.",
            ),
        ],
    },
]

TRANSLATIONS = {
    "es": {
        "FAQ": "Preguntas frecuentes",
        "faq": "preguntas-frecuentes",
        "Answers to the questions importers, distributors and contractors ask us most often.": "Respuestas a las preguntas que más nos hacen importadores, distribuidores e instaladores.",
        "Ordering": "Pedidos",
        "ordering": "pedidos",
        "Minimum quantities, lead times and custom branding.": "Cantidades mínimas, plazos de entrega y personalización de marca.",
        "What is your minimum order quantity?": "¿Cuál es su cantidad mínima de pedido?",
        "Most models start at 50 pieces per model. Panel lights start at 100 pieces; mixed models in one order are welcome.": "La mayoría de los modelos parten de 50 piezas por modelo. Los paneles parten de 100 piezas; se admiten varios modelos en un mismo pedido.",
        "How long is the lead time?": "¿Cuál es el plazo de entrega?",
        "Standard models ship in 15 to 25 days after the deposit. Custom colours or packaging add about one week.": "Los modelos estándar se envían de 15 a 25 días después del depósito. Los colores o embalajes personalizados añaden una semana aproximadamente.",
        "Can you print our logo on the lights and boxes?": "¿Pueden imprimir nuestro logotipo en las luminarias y las cajas?",
        "Yes, from 200 pieces per model we laser-print your logo on the housing and print your design on the gift box at no extra cost.": "Sí, a partir de 200 piezas por modelo grabamos su logotipo con láser en la carcasa e imprimimos su diseño en la caja sin coste adicional.",
        "Do you make custom designs?": "¿Hacen diseños a medida?",
        "Our engineers develop custom optics, housings and drivers for projects from 1,000 pieces. Tooling costs are refunded after 5,000 pieces.": "Nuestros ingenieros desarrollan ópticas, carcasas y drivers a medida para proyectos a partir de 1.000 piezas. El coste de los moldes se reembolsa a partir de 5.000 piezas.",
        "How do I get a quotation?": "¿Cómo obtengo una cotización?",
        "Send us the models, quantities and destination port through the enquiry form; a sales engineer replies within one business day.": "Envíenos los modelos, las cantidades y el puerto de destino mediante el formulario de consulta; un ingeniero de ventas le responderá en un día hábil.",
        "Samples": "Muestras",
        "samples": "muestras",
        "Test our fixtures before you place a bulk order.": "Pruebe nuestras luminarias antes de hacer un pedido grande.",
        "Can I order a sample before a bulk order?": "¿Puedo pedir una muestra antes de un pedido grande?",
        "Yes. Most models can be ordered as samples online with a deposit, shipped within 7 days.": "Sí. La mayoría de los modelos se pueden pedir como muestra en línea con un depósito y se envían en 7 días.",
        "How much does a sample cost?": "¿Cuánto cuesta una muestra?",
        "You pay a deposit shown on each product page. It is deducted from your first bulk order.": "Usted paga el depósito indicado en cada página de producto, que se descuenta de su primer pedido.",
        "How are samples shipped?": "¿Cómo se envían las muestras?",
        "By express courier (DHL, FedEx or UPS), usually 3 to 6 days door to door. We send you the tracking number the day the sample leaves.": "Por mensajería urgente (DHL, FedEx o UPS), normalmente de 3 a 6 días puerta a puerta. Le enviamos el número de seguimiento el mismo día de la salida.",
        "Can I get samples with my logo?": "¿Puedo recibir muestras con mi logotipo?",
        "Yes, logo samples take about 5 extra days. We send photos for your approval before shipping.": "Sí, las muestras con logotipo tardan unos 5 días más. Le enviamos fotos para su aprobación antes del envío.",
        "Can I test the sample in my own laboratory?": "¿Puedo probar la muestra en mi propio laboratorio?",
        "Of course. We also send the photometric file (IES and LDT) and the test reports with every sample.": "Por supuesto. Con cada muestra enviamos también el archivo fotométrico (IES y LDT) y los informes de ensayo.",
        "Payment": "Pago",
        "payment": "pago",
        "Payment terms, currencies and deposits.": "Condiciones de pago, divisas y depósitos.",
        "Which payment terms do you accept?": "¿Qué condiciones de pago aceptan?",
        "T/T with a 30% deposit and the balance against the copy of the bill of lading, or an irrevocable L/C at sight for orders above USD 20,000.": "Transferencia con un 30 % de depósito y el resto contra copia del conocimiento de embarque, o carta de crédito irrevocable a la vista para pedidos de más de 20.000 USD.",
        "Which currencies can I pay in?": "¿En qué divisas puedo pagar?",
        "US dollars, euros and Chinese yuan. Quotations are in US dollars unless you ask otherwise.": "Dólares estadounidenses, euros y yuanes. Las cotizaciones se hacen en dólares salvo que nos pida otra divisa.",
        "Can I pay the sample deposit by card?": "¿Puedo pagar el depósito de la muestra con tarjeta?",
        "Yes, sample deposits are paid online by card through a secure payment page.": "Sí, los depósitos de muestras se pagan en línea con tarjeta en una página de pago segura.",
        "Do you offer credit terms?": "¿Ofrecen pago aplazado?",
        "After three orders we offer 30 or 60 days open account, subject to credit insurance approval.": "A partir del tercer pedido ofrecemos pago a 30 o 60 días, sujeto a la aprobación del seguro de crédito.",
        "Is the deposit refundable?": "¿Se devuelve el depósito?",
        "The order deposit is refunded in full if we cannot meet the confirmed lead time.": "El depósito del pedido se devuelve íntegramente si no cumplimos el plazo confirmado.",
        "Shipping and customs": "Envío y aduanas",
        "shipping-and-customs": "envio-y-aduanas",
        "Incoterms, packaging and import documents.": "Incoterms, embalaje y documentos de importación.",
        "Which incoterms do you offer?": "¿Qué incoterms ofrecen?",
        "EXW, FOB Ningbo, CIF and DDP to most countries in Europe and the Middle East.": "EXW, FOB Ningbo, CIF y DDP a la mayoría de los países de Europa y Oriente Medio.",
        "How are the lights packed?": "¿Cómo se embalan las luminarias?",
        "Each light is packed in a brown or printed inner box, then in five-layer export cartons on fumigation-free pallets.": "Cada luminaria va en una caja interior marrón o impresa y después en cajas de exportación de cinco capas sobre palés que no requieren fumigación.",
        "Which documents do you provide for customs?": "¿Qué documentos entregan para la aduana?",
        "Commercial invoice, packing list, bill of lading, certificate of origin and, on request, Form A or Form E.": "Factura comercial, lista de embalaje, conocimiento de embarque, certificado de origen y, si lo solicita, Form A o Form E.",
        "What is the HS code of LED lights?": "¿Cuál es el código HS de las luminarias LED?",
        "Most of our luminaires fall under HS 9405.42; the exact code is printed on every product page and invoice.": "La mayoría de nuestras luminarias corresponden al código HS 9405.42; el código exacto figura en cada página de producto y en la factura.",
        "Can you ship to my freight forwarder in China?": "¿Pueden entregar a mi transitario en China?",
        "Yes, we deliver free of charge to any warehouse in Ningbo or Shanghai.": "Sí, entregamos sin coste en cualquier almacén de Ningbo o Shanghái.",
        "Certifications": "Certificaciones",
        "certifications": "certificaciones",
        "CE, RoHS, ISO 9001 and test reports.": "CE, RoHS, ISO 9001 e informes de ensayo.",
        "Are your products CE and RoHS certified?": "¿Sus productos tienen certificación CE y RoHS?",
        "Yes, every model sold in Europe has CE (EMC and LVD) and RoHS test reports from an accredited laboratory.": "Sí, todos los modelos vendidos en Europa tienen informes CE (EMC y LVD) y RoHS de un laboratorio acreditado.",
        "Can I see the certificates?": "¿Puedo ver los certificados?",
        "All certificates are published on our certifications page with their numbers and expiry dates.": "Todos los certificados están publicados en nuestra página de certificaciones con su número y fecha de caducidad.",
        "Is your factory ISO 9001 certified?": "¿Su fábrica tiene la certificación ISO 9001?",
        "Yes, our quality management system has been ISO 9001 certified since 2012 and is audited every year.": "Sí, nuestro sistema de gestión de la calidad está certificado ISO 9001 desde 2012 y se audita cada año.",
        "Can you certify products for my market?": "¿Pueden certificar los productos para mi mercado?",
        "We arrange SASO, UKCA, INMETRO and other national certifications for projects; the cost depends on the market.": "Gestionamos certificaciones SASO, UKCA, INMETRO y otras nacionales para proyectos; el coste depende del mercado.",
        "Do you provide photometric reports?": "¿Facilitan informes fotométricos?",
        "Yes, LM-79 reports and IES files are available for every model.": "Sí, hay informes LM-79 y archivos IES para todos los modelos.",
        "After-sales and returns": "Posventa y devoluciones",
        "after-sales-and-returns": "posventa-y-devoluciones",
        "Warranty, spare parts and defective units.": "Garantía, repuestos y unidades defectuosas.",
        "What warranty do you give?": "¿Qué garantía ofrecen?",
        "Five years on high bays and floodlights, three years on panel lights, from the date of shipment.": "Cinco años en campanas y proyectores y tres años en paneles, desde la fecha de envío.",
        "What happens if a light fails?": "¿Qué ocurre si falla una luminaria?",
        "Send us a photo or video and the batch number. We replace the driver or the whole light in your next order, or ship it free of charge.": "Envíenos una foto o un vídeo y el número de lote. Sustituimos el driver o la luminaria completa en su próximo pedido o la enviamos sin coste.",
        "Do you supply spare parts?": "¿Suministran repuestos?",
        "We add 1% spare drivers free of charge to every order and keep parts for each model for ten years.": "Añadimos sin coste un 1 % de drivers de repuesto a cada pedido y guardamos repuestos de cada modelo durante diez años.",
        "Can I return unsold stock?": "¿Puedo devolver el stock no vendido?",
        "Standard products can be returned within 60 days of arrival if unused and in their original packing; return freight is paid by the buyer.": "Los productos estándar se pueden devolver en los 60 días siguientes a la llegada si no se han usado y están en su embalaje original; el flete de vuelta lo paga el comprador.",
        "How fast do you answer a complaint?": "¿Con qué rapidez responden a una reclamación?",
        "Within 24 hours on business days, with a written root-cause report within seven days.": "En 24 horas en días hábiles, con un informe escrito de la causa en un plazo de siete días.",
    },
    "ar": {
        "FAQ": "الأسئلة الشائعة",
        "Answers to the questions importers, distributors and contractors ask us most often.": "إجابات عن الأسئلة التي يطرحها علينا المستوردون والموزعون والمقاولون أكثر من غيرها.",
        "Ordering": "الطلبات",
        "Minimum quantities, lead times and custom branding.": "الحد الأدنى للكميات ومدد التسليم والعلامة التجارية الخاصة.",
        "What is your minimum order quantity?": "ما الحد الأدنى لكمية الطلب؟",
        "Most models start at 50 pieces per model. Panel lights start at 100 pieces; mixed models in one order are welcome.": "يبدأ معظم الطرازات من 50 قطعة لكل طراز، وألواح الإضاءة من 100 قطعة، ويمكن الجمع بين عدة طرازات في طلب واحد.",
        "How long is the lead time?": "ما مدة التسليم؟",
        "Standard models ship in 15 to 25 days after the deposit. Custom colours or packaging add about one week.": "تُشحن الطرازات القياسية خلال 15 إلى 25 يوماً من استلام الدفعة المقدمة، وتضيف الألوان أو التعبئة الخاصة نحو أسبوع.",
        "Can you print our logo on the lights and boxes?": "هل يمكنكم طباعة شعارنا على الوحدات والعلب؟",
        "Yes, from 200 pieces per model we laser-print your logo on the housing and print your design on the gift box at no extra cost.": "نعم، ابتداءً من 200 قطعة لكل طراز نحفر شعارك بالليزر على الهيكل ونطبع تصميمك على العلبة دون تكلفة إضافية.",
        "Do you make custom designs?": "هل تصنعون تصاميم خاصة؟",
        "Our engineers develop custom optics, housings and drivers for projects from 1,000 pieces. Tooling costs are refunded after 5,000 pieces.": "يطوّر مهندسونا عدسات وهياكل ومشغلات خاصة للمشاريع ابتداءً من 1,000 قطعة، وتُسترد تكلفة القوالب بعد 5,000 قطعة.",
        "How do I get a quotation?": "كيف أحصل على عرض سعر؟",
        "Send us the models, quantities and destination port through the enquiry form; a sales engineer replies within one business day.": "أرسل إلينا الطرازات والكميات وميناء الوصول عبر نموذج الاستفسار، وسيرد عليك مهندس مبيعات خلال يوم عمل واحد.",
        "Samples": "العينات",
        "Test our fixtures before you place a bulk order.": "جرّب وحداتنا قبل أن تطلب كمية كبيرة.",
        "Can I order a sample before a bulk order?": "هل يمكنني طلب عينة قبل الطلب الكبير؟",
        "Yes. Most models can be ordered as samples online with a deposit, shipped within 7 days.": "نعم، يمكن طلب معظم الطرازات كعينات عبر الإنترنت مقابل تأمين، وتُشحن خلال 7 أيام.",
        "How much does a sample cost?": "كم تكلفة العينة؟",
        "You pay a deposit shown on each product page. It is deducted from your first bulk order.": "تدفع تأميناً مبيناً في صفحة كل منتج، ويُخصم من أول طلب كبير لك.",
        "How are samples shipped?": "كيف تُشحن العينات؟",
        "By express courier (DHL, FedEx or UPS), usually 3 to 6 days door to door. We send you the tracking number the day the sample leaves.": "بالبريد السريع (DHL أو FedEx أو UPS)، عادةً خلال 3 إلى 6 أيام من الباب إلى الباب، ونرسل إليك رقم التتبع يوم الشحن.",
        "Can I get samples with my logo?": "هل يمكنني الحصول على عينات تحمل شعاري؟",
        "Yes, logo samples take about 5 extra days. We send photos for your approval before shipping.": "نعم، تحتاج العينات المطبوع عليها الشعار إلى نحو 5 أيام إضافية، ونرسل إليك صوراً للموافقة قبل الشحن.",
        "Can I test the sample in my own laboratory?": "هل يمكنني اختبار العينة في مختبري؟",
        "Of course. We also send the photometric file (IES and LDT) and the test reports with every sample.": "بالتأكيد، ونرسل مع كل عينة الملف الضوئي (IES وLDT) وتقارير الاختبار.",
        "Payment": "الدفع",
        "Payment terms, currencies and deposits.": "شروط الدفع والعملات والدفعات المقدمة.",
        "Which payment terms do you accept?": "ما شروط الدفع التي تقبلونها؟",
        "T/T with a 30% deposit and the balance against the copy of the bill of lading, or an irrevocable L/C at sight for orders above USD 20,000.": "تحويل بنكي بدفعة مقدمة 30% والباقي مقابل نسخة بوليصة الشحن، أو اعتماد مستندي غير قابل للإلغاء عند الاطلاع للطلبات التي تتجاوز 20,000 دولار.",
        "Which currencies can I pay in?": "بأي العملات يمكنني الدفع؟",
        "US dollars, euros and Chinese yuan. Quotations are in US dollars unless you ask otherwise.": "بالدولار الأمريكي واليورو واليوان الصيني، وتكون عروض الأسعار بالدولار ما لم تطلب غير ذلك.",
        "Can I pay the sample deposit by card?": "هل يمكنني دفع تأمين العينة بالبطاقة؟",
        "Yes, sample deposits are paid online by card through a secure payment page.": "نعم، يُدفع تأمين العينات عبر الإنترنت بالبطاقة من خلال صفحة دفع آمنة.",
        "Do you offer credit terms?": "هل تقدمون الدفع الآجل؟",
        "After three orders we offer 30 or 60 days open account, subject to credit insurance approval.": "بعد ثلاثة طلبات نقدم الدفع الآجل لمدة 30 أو 60 يوماً، بشرط موافقة تأمين الائتمان.",
        "Is the deposit refundable?": "هل الدفعة المقدمة قابلة للاسترداد؟",
        "The order deposit is refunded in full if we cannot meet the confirmed lead time.": "تُرد الدفعة المقدمة كاملة إذا لم نلتزم بمدة التسليم المؤكدة.",
        "Shipping and customs": "الشحن والجمارك",
        "Incoterms, packaging and import documents.": "شروط التسليم والتعبئة ومستندات الاستيراد.",
        "Which incoterms do you offer?": "ما شروط التسليم التي تقدمونها؟",
        "EXW, FOB Ningbo, CIF and DDP to most countries in Europe and the Middle East.": "EXW وFOB نينغبو وCIF وDDP إلى معظم دول أوروبا والشرق الأوسط.",
        "How are the lights packed?": "كيف تُعبأ وحدات الإضاءة؟",
        "Each light is packed in a brown or printed inner box, then in five-layer export cartons on fumigation-free pallets.": "تُعبأ كل وحدة في علبة داخلية بنية أو مطبوعة، ثم في كراتين تصدير من خمس طبقات على منصات لا تحتاج إلى تبخير.",
        "Which documents do you provide for customs?": "ما المستندات التي تقدمونها للجمارك؟",
        "Commercial invoice, packing list, bill of lading, certificate of origin and, on request, Form A or Form E.": "الفاتورة التجارية وقائمة التعبئة وبوليصة الشحن وشهادة المنشأ، ونموذج A أو نموذج E عند الطلب.",
        "What is the HS code of LED lights?": "ما رمز النظام المنسق لوحدات إضاءة LED؟",
        "Most of our luminaires fall under HS 9405.42; the exact code is printed on every product page and invoice.": "تندرج معظم وحداتنا تحت الرمز 9405.42، والرمز الدقيق مذكور في صفحة كل منتج وفي الفاتورة.",
        "Can you ship to my freight forwarder in China?": "هل يمكنكم التسليم إلى وكيل الشحن الخاص بي في الصين؟",
        "Yes, we deliver free of charge to any warehouse in Ningbo or Shanghai.": "نعم، نسلّم مجاناً إلى أي مستودع في نينغبو أو شنغهاي.",
        "Certifications": "الشهادات",
        "CE, RoHS, ISO 9001 and test reports.": "CE وRoHS وISO 9001 وتقارير الاختبار.",
        "Are your products CE and RoHS certified?": "هل منتجاتكم حاصلة على شهادتي CE وRoHS؟",
        "Yes, every model sold in Europe has CE (EMC and LVD) and RoHS test reports from an accredited laboratory.": "نعم، لكل طراز يُباع في أوروبا تقارير CE (EMC وLVD) وRoHS صادرة عن مختبر معتمد.",
        "Can I see the certificates?": "هل يمكنني الاطلاع على الشهادات؟",
        "All certificates are published on our certifications page with their numbers and expiry dates.": "جميع الشهادات منشورة في صفحة الشهادات مع أرقامها وتواريخ انتهائها.",
        "Is your factory ISO 9001 certified?": "هل مصنعكم حاصل على شهادة ISO 9001؟",
        "Yes, our quality management system has been ISO 9001 certified since 2012 and is audited every year.": "نعم، نظام إدارة الجودة لدينا حاصل على شهادة ISO 9001 منذ 2012 ويخضع للتدقيق سنوياً.",
        "Can you certify products for my market?": "هل يمكنكم اعتماد المنتجات لسوقي؟",
        "We arrange SASO, UKCA, INMETRO and other national certifications for projects; the cost depends on the market.": "نتولى شهادات SASO وUKCA وINMETRO وغيرها من الشهادات الوطنية للمشاريع، وتعتمد التكلفة على السوق.",
        "Do you provide photometric reports?": "هل تقدمون تقارير ضوئية؟",
        "Yes, LM-79 reports and IES files are available for every model.": "نعم، تتوفر تقارير LM-79 وملفات IES لكل طراز.",
        "After-sales and returns": "خدمة ما بعد البيع والإرجاع",
        "Warranty, spare parts and defective units.": "الضمان وقطع الغيار والوحدات المعيبة.",
        "What warranty do you give?": "ما الضمان الذي تقدمونه؟",
        "Five years on high bays and floodlights, three years on panel lights, from the date of shipment.": "خمس سنوات على الكشافات العلوية والكشافات الخارجية، وثلاث سنوات على ألواح الإضاءة، من تاريخ الشحن.",
        "What happens if a light fails?": "ماذا يحدث إذا تعطلت وحدة؟",
        "Send us a photo or video and the batch number. We replace the driver or the whole light in your next order, or ship it free of charge.": "أرسل إلينا صورة أو مقطع فيديو ورقم الدفعة، وسنستبدل المشغل أو الوحدة كاملة في طلبك التالي أو نشحنها مجاناً.",
        "Do you supply spare parts?": "هل توفرون قطع غيار؟",
        "We add 1% spare drivers free of charge to every order and keep parts for each model for ten years.": "نضيف مجاناً 1% من المشغلات الاحتياطية إلى كل طلب، ونحتفظ بقطع غيار كل طراز لمدة عشر سنوات.",
        "Can I return unsold stock?": "هل يمكنني إرجاع المخزون غير المباع؟",
        "Standard products can be returned within 60 days of arrival if unused and in their original packing; return freight is paid by the buyer.": "يمكن إرجاع المنتجات القياسية خلال 60 يوماً من وصولها إذا لم تُستخدم وكانت في عبوتها الأصلية، ويتحمل المشتري تكلفة شحن الإرجاع.",
        "How fast do you answer a complaint?": "ما سرعة ردكم على الشكاوى؟",
        "Within 24 hours on business days, with a written root-cause report within seven days.": "خلال 24 ساعة في أيام العمل، مع تقرير مكتوب عن السبب الجذري خلال سبعة أيام.",
    },
}


def seed(stdout, languages: list[str]) -> None:
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    index = get_or_create_child_page(home, FAQIndexPage, **INDEX, show_in_menus=True)
    products = {p.sku: p for p in ProductPage.objects.filter(locale=index.locale).only("id", "sku")}
    topics = [_seed_topic(index, data, products) for data in TOPICS]
    for language in languages:
        locale = Locale.objects.get(language_code=language)
        catalog = TRANSLATIONS.get(language, {})
        translate_page(index, locale, catalog)
        for topic in topics:
            translate_page(topic, locale, catalog)
    questions = sum(len(data["items"]) for data in TOPICS)
    stdout.write(
        f"  faq: {len(topics)} topics, {questions} questions in en, {', '.join(languages)}"
    )


def _seed_topic(index: FAQIndexPage, data: dict, products: dict) -> FAQPage:
    existing = FAQPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing:
        return existing
    topic = FAQPage(slug=data["slug"], title=data["title"], intro=data["intro"])
    items = []
    for order, (question, answer) in enumerate(data["items"]):
        item = FAQItem(question=question, answer=f"<p>{answer}</p>", sort_order=order)
        skus = PRODUCT_QUESTIONS.get(question, [])
        item.products = [products[sku] for sku in skus if sku in products]
        items.append(item)
    topic.items = items
    index.add_child(instance=topic)
    topic.save_revision().publish()
    return topic
