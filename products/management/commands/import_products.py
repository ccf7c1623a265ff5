import csv
import logging
import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from products.importer import (
    COLUMNS,
    CREATED,
    FAILED,
    UNCHANGED,
    UPDATED,
    ImportFileError,
    ProductImporter,
    describe_category,
    find_category,
    read_table,
)

DONE = {CREATED: "created", UPDATED: "updated", UNCHANGED: "unchanged", FAILED: "failed"}
WOULD = {
    CREATED: "would be created",
    UPDATED: "would be updated",
    UNCHANGED: "unchanged",
    FAILED: "failed",
}


class Command(BaseCommand):
    help = (
        "Create or update products from a spreadsheet (.xlsx or .csv), matched by SKU "
        "within the category's language. Row 1 holds the column headings, in any order: "
        f"{', '.join(COLUMNS)}, and spec:<key> for each specification (value, or value|unit "
        "when the unit is not the attribute's default). Only sku, title and summary are "
        "required; a column left out leaves that field of existing products as it is. New "
        "products are created under --category and published; changed products get one new "
        "revision, published; unchanged products are not touched, so importing the same "
        "file twice changes nothing. Each row is saved on its own: a row with errors is "
        "skipped and reported (row, column, reason) while the valid rows are still imported, "
        "and the command then exits with a non-zero status. "
        "Sample files: products/sample_data/."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The spreadsheet to import: .xlsx (first sheet) or .csv.")
        parser.add_argument(
            "--category",
            required=True,
            help="The category new products go into (and whose language is imported): "
            "its page id, its URL path such as /en/products/high-bay-lights/, or its slug.",
        )
        parser.add_argument(
            "--locale",
            help="Language code (en, es...): import into the category's translation in "
            "this language.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check every row and report what would be created, updated or left "
            "unchanged, without saving anything.",
        )
        parser.add_argument(
            "--report",
            metavar="ERRORS.csv",
            help="Also write the errors to this CSV file (row, column, sku, error).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, **options):
        # Wagtail logs every page edit and publication at INFO: one import would bury
        # the progress bar and the report under hundreds of lines (-v 3 shows them).
        wagtail_logger = logging.getLogger("wagtail")
        level = wagtail_logger.level
        if options["verbosity"] < 3:
            wagtail_logger.setLevel(logging.WARNING)
        try:
            self._import(options)
        finally:
            wagtail_logger.setLevel(level)

    def _import(self, options):
        self.verbosity = options["verbosity"]
        dry_run = options["dry_run"]
        report = Path(options["report"]) if options["report"] else None
        path = Path(options["file"])
        try:
            category = find_category(options["category"], options["locale"])
            importer = ProductImporter(category, read_table(path), dry_run=dry_run)
        except ImportFileError as exc:
            if report:
                self._write_report(report, [("", "", "", str(exc))])
            raise CommandError(str(exc)) from exc

        if self.verbosity:
            note = " (dry run: nothing will be saved)" if dry_run else ""
            self.stdout.write(
                f"Importing {_rows(len(importer))} from {path.name} into "
                f"{describe_category(category)}{note}."
            )
        result = importer.run(progress=self._progress_bar(options["no_progress"], len(importer)))

        labels = WOULD if dry_run else DONE
        for row in result.rows:
            self._write_row(row, labels, show=dry_run or self.verbosity >= 2)
        for error in result.errors:
            self.stderr.write(str(error), style_func=self.style.ERROR)

        counts = {action: result.count(action) for action in DONE}
        summary = ", ".join(f"{counts[action]} {labels[action]}" for action in DONE)
        summary = f"{'Dry run, nothing was saved' if dry_run else 'Done'}: {summary}."
        if not result.rows:
            summary += " The file has no product rows below the headings."
        style = self.style.WARNING if counts[FAILED] else self.style.SUCCESS
        if self.verbosity:
            self.stdout.write(summary, style_func=style)
        if report:
            skus = {row.number: row.sku for row in result.rows}
            self._write_report(
                report,
                [(e.row, e.column, skus.get(e.row, ""), e.message) for e in result.errors],
            )
        if counts[FAILED]:
            rows = _rows(counts[FAILED])
            rest = (
                "nothing was saved (dry run)."
                if dry_run
                else "the other rows were imported. Fix the rows and import the file again."
            )
            raise CommandError(f"{rows} could not be imported (see the errors above); {rest}")

    def _progress_bar(self, disabled: bool, total: int):
        stream = getattr(self.stderr, "_out", sys.stderr)
        visible = not disabled and self.verbosity > 0 and stream.isatty()
        try:  # a terminal that reports no size (some ptys) would get no bar at all
            size = os.get_terminal_size(stream.fileno())
            ncols, nrows = (size.columns or 80), (size.lines or 20)
        except (OSError, ValueError, AttributeError):
            ncols, nrows = 80, 20

        def progress(rows):
            return tqdm(
                rows,
                total=total,
                desc="Importing",
                unit="row",
                file=stream,
                ncols=ncols,
                nrows=nrows,
                disable=not visible,
            )

        return progress

    def _write_row(self, row, labels, show: bool) -> None:
        if row.action == FAILED or not (show or row.notes) or not self.verbosity:
            return
        line = f"row {row.number}, {row.sku}: {labels[row.action]}"
        if row.action == UPDATED and row.changes:
            line += f" ({', '.join(row.changes)})"
        self.stdout.write(line)
        for note in row.notes:
            self.stdout.write(f"  note: {note}", style_func=self.style.WARNING)

    def _write_report(self, path: Path, lines: list[tuple]) -> None:
        """The errors as CSV (row, column, sku, error), for a spreadsheet or a script."""
        try:
            with path.open("w", encoding="utf-8-sig", newline="") as output:
                writer = csv.writer(output)
                writer.writerow(["row", "column", "sku", "error"])
                writer.writerows(lines)
        except OSError as exc:
            raise CommandError(
                f'Could not write the error report "{path}": {exc.strerror or exc}.'
            ) from exc
        if self.verbosity:
            self.stdout.write(f"Error report written to {path}.")


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count} rows"
