import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from products.importer import (
    ImportFileError,
    check_extension,
    default_locale,
    describe_category,
    export_table,
    find_category,
    find_locale,
    products_for_export,
    write_table,
)


class Command(BaseCommand):
    help = (
        "Write the live products to a spreadsheet (.xlsx or .csv) in the format "
        "import_products reads: one row per product, every column, and spec:<key> for "
        "every specification attribute. Importing the file unchanged changes nothing; "
        "edit it and import it to update the catalog. Without --category, every product "
        "of the language (--locale, default: the site's default language)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "output", help="The file to write: .xlsx or .csv (replaced if it exists)."
        )
        parser.add_argument(
            "--category",
            help="Only the products under this category (and its subcategories): its page id, "
            "its URL path such as /en/products/high-bay-lights/, or its slug.",
        )
        parser.add_argument(
            "--locale",
            help="Language code (en, es...): the products in this language. With --category, "
            "the category's translation in this language.",
        )

    def handle(self, *args, **options):
        output = Path(options["output"])
        try:
            check_extension(output)
            if options["category"]:
                category = find_category(options["category"], options["locale"])
                locale = category.locale
            else:
                category = None
                locale = find_locale(options["locale"]) if options["locale"] else default_locale()
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        if not output.parent.is_dir():
            raise CommandError(f'The folder "{output.parent}" does not exist.')

        table = export_table(products_for_export(category, locale), locale)
        self._write(output, table)

        for warning in table.warnings:
            self.stderr.write(f"warning: {warning}", style_func=self.style.WARNING)
        source = (
            describe_category(category)
            if category
            else f"all categories ({locale.get_display_name()})"
        )
        count = len(table.rows)
        products = "1 product" if count == 1 else f"{count} products"
        self.stdout.write(self.style.SUCCESS(f"Exported {products} from {source} to {output}."))

    @staticmethod
    def _write(output: Path, table) -> None:
        # Write next to the target, then rename: an interrupted export never leaves a
        # half-written file where the previous one was.
        handle, temporary = tempfile.mkstemp(
            prefix=".export-", suffix=output.suffix, dir=output.parent
        )
        os.close(handle)
        try:
            write_table(Path(temporary), table)
            os.replace(temporary, output)
        except OSError as exc:
            raise CommandError(f'Could not write "{output}": {exc.strerror or exc}.') from exc
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
