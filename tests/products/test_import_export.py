"""import_products / export_products: spreadsheets in, spreadsheets out, nothing lost."""

import csv
from decimal import Decimal
from io import StringIO
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from products.demo import ATTRIBUTES
from products.importer import (
    CellError,
    build_layout,
    clean_rich_text,
    parse_boolean,
    parse_incoterms,
    parse_rich_text,
    parse_row,
    parse_whole_number,
    read_table,
    rich_text_cell,
    specification_attributes,
)
from products.models import ProductPage, ProductSpecification, SpecificationAttribute
from tests.conftest import translate
from tests.factories import ProductCategoryPageFactory, ProductIndexPageFactory

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "products" / "sample_data"

HB_100 = {
    "sku": "LM-HB-100",
    "title": "UFO LED high bay 100 W",
    "summary": "100 W UFO high bay with 15,000 lm.",
    "description": "Built with Lumileds LEDs.\n\nAged for 8 hours before packing.",
    "featured": "yes",
    "moq": "50",
    "moq_unit": "pieces",
    "lead_time_min_days": "15",
    "lead_time_max_days": "25",
    "supply_capacity": "30,000 pieces per month",
    "packaging": "1 piece per carton.",
    "port_of_loading": "Ningbo, China",
    "incoterms": "FOB, CIF",
    "hs_code": "9405.42",
    "price_policy": "range",
    "price_min": "34.50",
    "price_max": "43.10",
    "price_currency": "USD",
    "price_unit": "piece",
    "samples_available": "yes",
    "sample_deposit": "69",
    "sample_currency": "USD",
    "spec:power": "100",
    "spec:cct": "5000|K",
    "spec:material": "Die-cast aluminium",
    "spec:voltage": "12-24|V DC",
}
HB_150 = {
    **HB_100,
    "sku": "LM-HB-150",
    "title": "UFO LED high bay 150 W",
    "summary": "150 W UFO high bay with 22,500 lm.",
    "description": "<p>Flicker-free driver.</p><ul><li>IP65</li><li>1-10 V dimming</li></ul>",
    "featured": "no",
    "incoterms": "EXW FOB CFR",
    "price_policy": "",
    "price_min": "",
    "price_max": "",
    "samples_available": "no",
    "sample_deposit": "",
    "spec:power": "150",
    "spec:voltage": "",
}


# --- helpers ---------------------------------------------------------------------------


def write_file(path: Path, rows: list[dict], *, delimiter=",", encoding="utf-8") -> Path:
    headings = list(dict.fromkeys(key for row in rows for key in row))
    if path.suffix == ".xlsx":
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(headings)
        for row in rows:
            sheet.append([row.get(key) for key in headings])
        workbook.save(path)
    else:
        with path.open("w", encoding=encoding, newline="") as output:
            writer = csv.writer(output, delimiter=delimiter)
            writer.writerow(headings)
            for row in rows:
                writer.writerow([row.get(key, "") for key in headings])
    return path


class Run:
    def __init__(self, *args, **options):
        self.stdout, self.stderr = StringIO(), StringIO()
        self.error = None
        try:
            call_command(*args, stdout=self.stdout, stderr=self.stderr, **options)
        except CommandError as exc:
            self.error = exc

    @property
    def out(self) -> str:
        return self.stdout.getvalue()

    @property
    def err_lines(self) -> list[str]:
        return self.stderr.getvalue().splitlines()


def import_file(path, category, **options) -> Run:
    return Run("import_products", str(path), category=str(category.pk), no_progress=True, **options)


def snapshot():
    """Everything an import may write; equal snapshots mean nothing was written."""
    return {
        "revisions": Revision.objects.count(),
        "latest": sorted(
            ProductPage.objects.values_list(
                "id", "latest_revision_id", "last_published_at", "live", "has_unpublished_changes"
            )
        ),
        "specs": sorted(
            ProductSpecification.objects.values_list(
                "id", "product_id", "attribute_id", "value", "unit"
            )
        ),
    }


def specs_of(product) -> dict[str, tuple[str, str]]:
    return {spec.attribute.key: (spec.value, spec.unit) for spec in product.specifications.all()}


@pytest.fixture
def tree(site_tree, locales):
    """Home > Products > LED high bay lights, LED floodlights; the demo's specification keys."""
    home = site_tree["home"]["en"]
    index = ProductIndexPageFactory(parent=home, slug="products")
    high_bays = ProductCategoryPageFactory(
        parent=index, slug="high-bay-lights", title="LED high bay lights"
    )
    floodlights = ProductCategoryPageFactory(parent=index, slug="floodlights", title="Floodlights")
    for order, (key, (name, unit, filterable, _names)) in enumerate(ATTRIBUTES.items()):
        SpecificationAttribute.objects.create(
            key=key,
            name=name,
            default_unit=unit,
            filterable=filterable,
            sort_order=order * 10,
            locale=locales["en"],
        )
    return {"home": home, "index": index, "category": high_bays, "floodlights": floodlights}


# --- importing -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("extension", [".csv", ".xlsx"])
def test_import_creates_published_products_under_the_category(tree, tmp_path, extension):
    path = write_file(tmp_path / f"products{extension}", [HB_100, HB_150])

    run = import_file(path, tree["category"])

    assert run.error is None, run.stderr.getvalue()
    assert "Done: 2 created, 0 updated, 0 unchanged, 0 failed." in run.out
    hb100 = ProductPage.objects.get(sku="LM-HB-100")
    hb150 = ProductPage.objects.get(sku="LM-HB-150")
    for product in (hb100, hb150):
        assert product.get_parent().pk == tree["category"].pk
        assert product.live and not product.has_unpublished_changes
        assert product.locale == tree["category"].locale
        assert product.revisions.count() == 1
    assert hb100.slug == "lm-hb-100"
    assert hb100.title == "UFO LED high bay 100 W"
    assert (
        hb100.description
        == "<p>Built with Lumileds LEDs.</p><p>Aged for 8 hours before packing.</p>"
    )
    assert hb100.featured is True
    assert (hb100.moq, hb100.lead_time_min_days, hb100.lead_time_max_days) == (50, 15, 25)
    assert hb100.incoterms == ["FOB", "CIF"]
    assert hb100.price_policy == ProductPage.PRICE_RANGE
    assert (hb100.price_min, hb100.price_max) == (Decimal("34.50"), Decimal("43.10"))
    assert hb100.samples_available and hb100.sample_deposit == Decimal("69")
    assert specs_of(hb100) == {
        "power": ("100", "W"),  # the attribute's default unit
        "cct": ("5000", "K"),
        "material": ("Die-cast aluminium", ""),
        "voltage": ("12-24", "V DC"),  # value|unit overrides the default
    }
    assert hb150.description == (
        "<p>Flicker-free driver.</p><ul><li>IP65</li><li>1-10 V dimming</li></ul>"
    )
    assert hb150.incoterms == ["EXW", "FOB", "CFR"]
    # No price given: the price policy falls back to "on request".
    assert hb150.price_policy == ProductPage.PRICE_ON_REQUEST
    assert hb150.price_min is None
    assert specs_of(hb150) == {
        "power": ("150", "W"),
        "cct": ("5000", "K"),
        "material": ("Die-cast aluminium", ""),
    }


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing(tree, tmp_path):
    path = write_file(tmp_path / "products.xlsx", [HB_100, HB_150])
    assert import_file(path, tree["category"]).error is None
    before = snapshot()

    run = import_file(path, tree["category"], verbosity=2)

    assert run.error is None
    assert "Done: 0 created, 0 updated, 2 unchanged, 0 failed." in run.out
    assert "row 2, LM-HB-100: unchanged" in run.out
    assert snapshot() == before


@pytest.mark.django_db
def test_a_changed_price_saves_and_publishes_one_new_revision(tree, tmp_path):
    assert (
        import_file(write_file(tmp_path / "a.csv", [HB_100, HB_150]), tree["category"]).error
        is None
    )
    hb100 = ProductPage.objects.get(sku="LM-HB-100")
    hb150 = ProductPage.objects.get(sku="LM-HB-150")
    revisions, untouched_revision = hb100.revisions.count(), hb150.latest_revision_id

    changed = {**HB_100, "sku": "lm-hb-100", "price_min": "32.00", "spec:cct": "4000"}
    run = import_file(
        write_file(tmp_path / "b.csv", [changed, HB_150]), tree["category"], verbosity=2
    )

    assert run.error is None
    assert "Done: 0 created, 1 updated, 1 unchanged, 0 failed." in run.out
    assert "row 2, lm-hb-100: updated (sku, price_min, spec:cct)" in run.out
    hb100.refresh_from_db()
    assert hb100.revisions.count() == revisions + 1
    assert hb100.live and not hb100.has_unpublished_changes
    assert hb100.price_min == Decimal("32.00")
    assert hb100.sku == "lm-hb-100"
    assert specs_of(hb100)["cct"] == ("4000", "K")
    assert ProductPage.objects.get(pk=hb150.pk).latest_revision_id == untouched_revision


@pytest.mark.django_db
def test_columns_left_out_of_the_file_are_left_alone(tree, tmp_path):
    assert import_file(write_file(tmp_path / "a.csv", [HB_100]), tree["category"]).error is None
    prices = [
        {
            "sku": "LM-HB-100",
            "title": HB_100["title"],
            "summary": HB_100["summary"],
            "price_max": "45",
        }
    ]

    run = import_file(write_file(tmp_path / "prices.csv", prices), tree["category"], verbosity=2)

    assert run.error is None
    assert "updated (price_max)" in run.out
    product = ProductPage.objects.get(sku="LM-HB-100")
    assert product.price_max == Decimal("45.00")
    assert product.price_min == Decimal("34.50")
    assert product.description.startswith("<p>Built with")
    assert len(specs_of(product)) == 4


@pytest.mark.django_db
def test_bad_rows_are_reported_by_row_and_column_and_the_others_imported(tree, tmp_path):
    rows = [
        HB_100,  # row 2
        {**HB_100, "sku": "BAD-MOQ", "moq": "ten"},  # row 3
        {**HB_100, "sku": "BAD-INCOTERM", "incoterms": "FOB, FOBB"},  # row 4
        {**HB_100, "sku": "BAD-RANGE", "price_min": "50", "price_max": "40"},  # row 5
        {**HB_100, "sku": ""},  # row 6
        {**HB_100, "sku": "lm-hb-100", "title": "Same SKU again"},  # row 7
        {**HB_100, "sku": "BAD-CURRENCY", "price_currency": "XYZ"},  # row 8
        {**HB_100, "sku": "BAD-LEAD", "lead_time_min_days": "30", "lead_time_max_days": "10"},
        {**HB_100, "sku": "BAD-PRICE", "price_min": "18,50"},  # row 10
        HB_150,  # row 11
    ]
    path = write_file(tmp_path / "products.csv", rows)
    report = tmp_path / "errors.csv"

    run = import_file(path, tree["category"], report=str(report))

    assert isinstance(run.error, CommandError)
    assert "8 rows could not be imported" in str(run.error)
    assert "the other rows were imported" in str(run.error)
    assert run.err_lines == [
        'row 3, column moq: "ten" is not a whole number.',
        'row 4, column incoterms: "FOBB" is not an Incoterm. Use any of: EXW, FCA, FOB, CFR, CIF, DAP, DDP.',
        "row 5, column price_max: The highest price cannot be lower than the lowest.",
        "row 6, column sku: Every product needs a sku; the cell is empty.",
        'row 7, column sku: The SKU "lm-hb-100" is already used in row 2; each product must appear only once.',
        'row 8, column price_currency: "XYZ" is not a supported currency. Use one of: USD, EUR, GBP, CNY, JPY, AED, SAR, RUB, BRL, MXN.',
        "row 9, column lead_time_max_days: The longest lead time cannot be shorter than the shortest.",
        'row 10, column price_min: "18,50" is not a number: use a dot for decimals and no thousands separator, e.g. 1234.50.',
    ]
    assert "Done: 2 created, 0 updated, 0 unchanged, 8 failed." in run.out
    assert set(ProductPage.objects.values_list("sku", flat=True)) == {"LM-HB-100", "LM-HB-150"}
    with report.open(encoding="utf-8-sig") as errors:
        lines = list(csv.DictReader(errors))
    assert [(line["row"], line["column"], line["sku"]) for line in lines][:3] == [
        ("3", "moq", "BAD-MOQ"),
        ("4", "incoterms", "BAD-INCOTERM"),
        ("5", "price_max", "BAD-RANGE"),
    ]
    assert lines[0]["error"] == '"ten" is not a whole number.'


@pytest.mark.django_db
def test_a_failed_update_leaves_the_product_exactly_as_it_was(tree, tmp_path):
    assert import_file(write_file(tmp_path / "a.csv", [HB_100]), tree["category"]).error is None
    before = snapshot()
    bad = {**HB_100, "title": "New title", "spec:power": "120", "sample_deposit": ""}

    run = import_file(write_file(tmp_path / "b.csv", [bad]), tree["category"])

    assert run.err_lines == [
        "row 2, column sample_deposit: Enter the sample deposit buyers pay, or mark samples unavailable."
    ]
    assert snapshot() == before
    assert ProductPage.objects.get(sku="LM-HB-100").title == HB_100["title"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("headings", "message"),
    [
        (
            {"colour": "red"},
            'row 1 (headings): unknown column "colour". The columns are: sku, title, summary,',
        ),
        (
            {"Spec:Weight": "2 kg"},
            'row 1 (headings): unknown specification column "Spec:Weight" (no specification '
            'attribute has the key "weight").',
        ),
    ],
)
def test_unknown_columns_stop_the_import_before_any_row(tree, tmp_path, headings, message):
    path = write_file(tmp_path / "products.csv", [{**HB_100, **headings}, HB_150])

    run = import_file(path, tree["category"])

    assert isinstance(run.error, CommandError)
    assert str(run.error).startswith(message)
    assert "\n" not in str(run.error)
    assert str(run.error).endswith("No product was imported.")
    assert not ProductPage.objects.exists()


@pytest.mark.django_db
def test_missing_required_columns_and_duplicated_headings_are_reported(tree, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text("SKU,Title,title,price_min\nA-1,One,One,5\n", encoding="utf-8")

    run = import_file(path, tree["category"])

    assert str(run.error) == (
        'row 1 (headings): column "title" appears more than once; the required column '
        '"summary" is missing. No product was imported.'
    )


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(tree, tmp_path):
    assert import_file(write_file(tmp_path / "a.csv", [HB_100]), tree["category"]).error is None
    before = snapshot()
    rows = [{**HB_100, "price_min": "30"}, HB_150, {**HB_100, "sku": "X", "moq": "-1"}]

    run = import_file(write_file(tmp_path / "b.xlsx", rows), tree["category"], dry_run=True)

    assert snapshot() == before
    assert not ProductPage.objects.filter(sku="LM-HB-150").exists()
    assert "row 2, LM-HB-100: would be updated (price_min)" in run.out
    assert "row 3, LM-HB-150: would be created" in run.out
    assert run.err_lines == ['row 4, column moq: "-1" must be 0 or more.']
    assert (
        "Dry run, nothing was saved: 1 would be created, 1 would be updated, 0 unchanged, 1 failed."
        in run.out
    )
    assert "nothing was saved (dry run)" in str(run.error)


@pytest.mark.django_db
def test_csv_with_semicolons_and_a_byte_order_mark(tree, tmp_path):
    path = write_file(tmp_path / "excel.csv", [HB_100], delimiter=";", encoding="utf-8-sig")

    run = import_file(path, tree["category"])

    assert run.error is None, run.stderr.getvalue()
    assert ProductPage.objects.get(sku="LM-HB-100").incoterms == ["FOB", "CIF"]


@pytest.mark.django_db
def test_xlsx_numbers_booleans_and_formulas_read_as_the_editor_sees_them(tree, tmp_path):
    row = {**HB_100, "moq": 50.0, "price_min": 34.5, "featured": True, "hs_code": 9405.42}
    path = write_file(tmp_path / "typed.xlsx", [row])

    assert import_file(path, tree["category"]).error is None
    product = ProductPage.objects.get(sku="LM-HB-100")
    assert (product.moq, product.price_min, product.featured) == (50, Decimal("34.50"), True)
    assert product.hs_code == "9405.42"


@pytest.mark.django_db
def test_unpublished_changes_are_kept_and_not_published(tree, tmp_path):
    assert import_file(write_file(tmp_path / "a.csv", [HB_100]), tree["category"]).error is None
    product = ProductPage.objects.get(sku="LM-HB-100")
    product.packaging = "Editor's draft packaging"
    product.save_revision()

    # The file has no packaging column: the editor's draft keeps its packaging.
    row = {key: value for key, value in HB_100.items() if key != "packaging"}
    run = import_file(write_file(tmp_path / "b.csv", [{**row, "moq": "60"}]), tree["category"])

    assert run.error is None
    assert "saved as a draft, not published" in run.out
    product.refresh_from_db()
    assert product.moq == 50  # the live page is unchanged
    draft = product.get_latest_revision_as_object()
    assert (draft.moq, draft.packaging) == (60, "Editor's draft packaging")


@pytest.mark.django_db
def test_skus_are_matched_within_the_category_language(tree, tmp_path, locales):
    assert import_file(write_file(tmp_path / "en.csv", [HB_100]), tree["category"]).error is None
    translate(tree["index"], locales["es"], title="Productos")
    category_es = translate(tree["category"], locales["es"], title="Campanas LED")

    run = Run(
        "import_products",
        str(write_file(tmp_path / "es.csv", [{**HB_100, "title": "Campana UFO 100 W"}])),
        category="/es/products/high-bay-lights/",
    )

    assert run.error is None, run.stderr.getvalue()
    assert 'into "Campanas LED" (Spanish' in run.out
    assert ProductPage.objects.filter(sku="LM-HB-100").count() == 2
    spanish = ProductPage.objects.get(sku="LM-HB-100", locale=locales["es"])
    assert spanish.get_parent().pk == category_es.pk
    assert ProductPage.objects.get(sku="LM-HB-100", locale=locales["en"]).title == HB_100["title"]


@pytest.mark.django_db
@pytest.mark.parametrize("given", ["slug", "path", "url", "id"])
def test_the_category_can_be_given_by_id_url_path_or_slug(tree, tmp_path, given):
    category = tree["category"]
    value = {
        "slug": "high-bay-lights",
        "path": "/en/products/high-bay-lights/",
        "url": "https://www.example.com/en/products/high-bay-lights/",
        "id": str(category.pk),
    }[given]

    run = Run("import_products", str(write_file(tmp_path / "a.csv", [HB_100])), category=value)

    assert run.error is None, run.stderr.getvalue()
    assert ProductPage.objects.get(sku="LM-HB-100").get_parent().pk == category.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("category", "message"),
    [
        ("no-such-category", 'No product category has the slug "no-such-category".'),
        ("/en/products/nothing/", 'No page has the URL path "/en/products/nothing/".'),
        (
            "/en/products/",
            '"/en/products/" is the page "Products" (product index page), not a product category.',
        ),
        ("999999", "There is no page with the id 999999."),
        (
            "products",
            '"products" is the page "Products" (product index page), not a product category.',
        ),
    ],
)
def test_a_wrong_category_is_explained(tree, tmp_path, category, message):
    run = Run("import_products", str(write_file(tmp_path / "a.csv", [HB_100])), category=category)

    assert str(run.error) == message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("products.xls", b"", "Unsupported file type .xls"),
        ("products.xlsx", b"not a zip", "could not be opened as an Excel workbook"),
        ("products.csv", "sku;title\n".encode("utf-16"), "is not UTF-8 text"),
        ("products.csv", b"\n\n", "must hold the column headings"),
    ],
)
def test_unreadable_files_are_explained(tree, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    run = import_file(path, tree["category"])

    assert message in str(run.error)


@pytest.mark.django_db
def test_cells_without_a_heading_and_bad_spec_values_fail_their_row(tree, tmp_path):
    path = tmp_path / "products.csv"
    path.write_text(
        "sku,title,summary,,spec:power\n"
        "A-1,One,First,stray value,100\n"
        "A-2,Two,Second,,|W\n"
        "A-3,Three,Third,,\n",
        encoding="utf-8",
    )

    run = import_file(path, tree["category"])

    assert run.err_lines == [
        "row 2, column D: This cell has a value but its column has no heading.",
        'row 3, column spec:power: "|W" has a unit but no value.',
    ]
    assert list(ProductPage.objects.values_list("sku", flat=True)) == ["A-3"]


@pytest.mark.django_db
def test_html_in_descriptions_is_cleaned(tree, tmp_path):
    description = (
        '<h1>Title</h1><p data-block-key="x1" style="color:red">Safe <strong>bold</strong>'
        '<script>alert(1)</script></p><a href="javascript:alert(1)">click</a>'
        '<p><a href="https://example.com/?a=1&b=2">link</a></p>'
    )
    path = write_file(tmp_path / "a.csv", [{**HB_100, "description": description}])

    assert import_file(path, tree["category"]).error is None

    assert ProductPage.objects.get(sku="LM-HB-100").description == (
        '<h2>Title</h2><p>Safe <b>bold</b></p><p>click</p><p><a href="https://example.com/?a=1&amp;b=2">link</a></p>'
    )


# --- exporting -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("extension", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(tree, tmp_path, extension):
    assert (
        import_file(write_file(tmp_path / "a.csv", [HB_100, HB_150]), tree["category"]).error
        is None
    )
    # What editors do in the admin: Draftail block keys, a unit that is not the default,
    # a value with the separator in it, text that looks like a formula.
    product = ProductPage.objects.get(sku="LM-HB-150")
    product.description = (
        '<p data-block-key="a1b2c">Rock &amp; roll &lt;3</p><p data-block-key="d3">Two</p>'
    )
    product.summary = "=SUM(A1:A2) is not a formula"
    product.specifications = [
        *product.specifications.all(),
        ProductSpecification(
            attribute=SpecificationAttribute.objects.get(key="beam"), value="30|60", unit="°"
        ),
        ProductSpecification(
            attribute=SpecificationAttribute.objects.get(key="lifetime"),
            value="50,000",
            unit="hours",
        ),
    ]
    product.save_revision().publish()
    path = tmp_path / f"export{extension}"
    before = snapshot()

    export = Run("export_products", str(path), category="/en/products/high-bay-lights/")
    run = import_file(path, tree["category"])

    assert export.error is None
    assert (
        f'Exported 2 products from "LED high bay lights" (English, /en/products/high-bay-lights/) to {path}.'
        in export.out
    )
    assert run.error is None, run.stderr.getvalue()
    assert "Done: 0 created, 0 updated, 2 unchanged, 0 failed." in run.out
    assert snapshot() == before
    table = read_table(path)
    assert table.headings[:3] == ["sku", "title", "summary"]
    assert table.headings[22:] == [f"spec:{key}" for key in ATTRIBUTES]
    exported = dict(zip(table.headings, table.rows[1][1], strict=True))
    assert exported["description"] == "Rock & roll <3\n\nTwo"
    assert exported["spec:beam"] == "30|60|°"
    assert exported["spec:lifetime"] == "50,000|hours"
    assert exported["spec:power"] == "150"
    assert exported["spec:efficacy"] == ""


@pytest.mark.django_db
def test_export_without_category_lists_the_language_products_only(tree, tmp_path, locales):
    assert import_file(write_file(tmp_path / "a.csv", [HB_100]), tree["category"]).error is None
    assert import_file(write_file(tmp_path / "b.csv", [HB_150]), tree["floodlights"]).error is None
    path = tmp_path / "all.csv"

    run = Run("export_products", str(path))
    spanish = Run("export_products", str(tmp_path / "es.csv"), locale="es")

    assert "Exported 2 products from all categories (English)" in run.out
    assert [cells[0] for _number, cells in read_table(path).rows] == ["LM-HB-100", "LM-HB-150"]
    assert "Exported 0 products" in spanish.out


@pytest.mark.django_db
def test_arabic_exports_read_right_to_left(tree, tmp_path, locales):
    path = tmp_path / "ar.xlsx"

    run = Run("export_products", str(path), locale="ar")

    assert run.error is None
    assert openpyxl.load_workbook(path).active.sheet_view.rightToLeft


@pytest.mark.django_db
def test_export_rejects_an_unsupported_file_type(tree, tmp_path):
    run = Run("export_products", str(tmp_path / "products.ods"))

    assert "Unsupported file type .ods" in str(run.error)


# --- the sample spreadsheets -------------------------------------------------------------


@pytest.mark.django_db
def test_the_sample_csv_and_xlsx_hold_the_same_products(tree):
    layout = build_layout(
        read_table(SAMPLE_DIR / "products_sample.csv").headings,
        specification_attributes(tree["category"].locale),
    )

    def parsed(name):
        table = read_table(SAMPLE_DIR / name)
        assert layout == build_layout(
            table.headings, specification_attributes(tree["category"].locale)
        )
        return [
            (row.number, row.values, row.specs, row.errors)
            for row in (parse_row(number, cells, layout) for number, cells in table.rows)
        ]

    csv_rows = parsed("products_sample.csv")
    assert len(csv_rows) == 5
    assert all(not errors for *_rest, errors in csv_rows)
    assert csv_rows == parsed("products_sample.xlsx")
    assert sum(values["price_min"] is None for _n, values, _s, _e in csv_rows) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(("first", "second"), [("csv", "xlsx"), ("xlsx", "csv")])
def test_the_sample_files_import_cleanly(tree, first, second):
    run = import_file(SAMPLE_DIR / f"products_sample.{first}", tree["category"])

    assert run.error is None, run.stderr.getvalue()
    assert "Done: 5 created, 0 updated, 0 unchanged, 0 failed." in run.out
    assert ProductPage.objects.live().child_of(tree["category"]).count() == 5
    solar = ProductPage.objects.get(sku="LM-SS-060")
    assert specs_of(solar)["voltage"] == ("12.8", "V DC")
    again = import_file(SAMPLE_DIR / f"products_sample.{second}", tree["category"])
    assert "Done: 0 created, 0 updated, 5 unchanged, 0 failed." in again.out


# --- cell parsing (no database) ----------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("50", 50), ("50.0", 50), ("0", 0), ("", None)])
def test_whole_numbers(text, expected):
    assert parse_whole_number(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ten", '"ten" is not a whole number.'),
        ("1.5", '"1.5" is not a whole number.'),
        ("1,000", '"1,000" is not a whole number: leave out the thousands separator, e.g. 1000.'),
        ("1.000", '"1.000" is not a whole number: leave out the thousands separator, e.g. 1000.'),
        ("-3", '"-3" must be 0 or more.'),
    ],
)
def test_whole_number_errors(text, message):
    with pytest.raises(CellError) as error:
        parse_whole_number(text)
    assert str(error.value) == message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", True),
        ("Y", True),
        ("TRUE", True),
        ("1", True),
        ("no", False),
        ("", False),
        ("0", False),
    ],
)
def test_booleans(text, expected):
    assert parse_boolean(text) is expected


def test_incoterms_are_normalised_to_the_choices_order():
    assert parse_incoterms("cif; fob,FOB  exw") == ["EXW", "FOB", "CIF"]
    with pytest.raises(CellError, match='"XX", "FOBB" are not Incoterms'):
        parse_incoterms("XX FOBB")


@pytest.mark.parametrize(
    "description",
    [
        "Plain text\nwith a line break.\n\nAnd a second paragraph: 5 < 6 & 7 > 3.",
        '<p data-block-key="k1">One</p><ul><li>Two</li></ul>',
        "<div>First</div><div>Second</div>",
        'Loose <b>inline</b> text<embed embedtype="image" id="3" format="left" alt="A"/>',
    ],
)
def test_rich_text_cleaning_is_stable_and_round_trips_through_a_cell(description):
    cleaned = parse_rich_text(description)
    assert clean_rich_text(cleaned) == cleaned
    assert parse_rich_text(rich_text_cell(cleaned)) == cleaned
