"""Opening the print preview from any page: by kind and number, or for PDF bytes in hand.

    from app.ui.printing_ui import preview_document
    preview_document(self.session, self, "voucher", voucher.number)

Both go through :class:`PrintPreviewDialog`, so every document has the same preview, the
same remembered printers and the same record of prints on the audit trail: the preview
writes nothing; each copy printed or saved is recorded (``recorder``) and the next one is
marked as a reprint. A page printing several documents of a kind in one PDF (a day's survey
cards) uses :func:`batch_job`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError
from app.printing import papers, registry
from app.printing.direct import printer_named
from app.printing.output import PrintError
from app.printing.registry import PrinterGroup, PrintKind, Rendered
from app.printing.text import pt
from app.printouts import trail
from app.printouts.direct import PrintedCopy, print_numbered
from app.services.context import ServiceContext
from app.ui.dialogs.print_preview_dialog import OutputCallback, PrintJob, PrintPreviewDialog
from app.ui.errors import show_user_error, user_message
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore

TEST_FORMATS = {PrinterGroup.FORMS: "a4", PrinterGroup.RECEIPTS: "thermal",
                PrinterGroup.TAGS: "label"}


def recorder(ctx: ServiceContext, kind: str, numbers: Sequence[str], *,
             printed: Collection[str] = ()) -> OutputCallback:
    """The ``on_output`` of a job showing documents ``numbers`` of ``kind``: each copy is
    recorded per document, a reprint if the copy shown is (``printed``: those marked so)."""
    def record(action: str, reprint: bool, detail: str) -> None:
        trail.record_prints(ctx, kind, numbers,
                            reprinted=numbers if reprint else printed,
                            action=action, detail=detail)

    return record


def _test_page(ctx: ServiceContext, group: PrinterGroup) -> Rendered:
    return registry.render(ctx, "test-page", TEST_FORMATS[group], reprint=False)


def document_job(ctx: ServiceContext, kind_name: PrintKind, number: str) -> PrintJob:
    """The print job of a numbered document: reprint if a copy left before, recorded."""
    kind = registry.get_kind(kind_name)
    return PrintJob(
        title=f"{pt(kind.title)} {number}", group=kind.group,
        render=lambda again: kind.render(ctx, number, again),
        reprint=trail.was_printed(ctx, kind.name, number),
        on_output=recorder(ctx, kind.name, [number]))


def batch_job(ctx: ServiceContext, kind_name: PrintKind, numbers: Sequence[str],
              render: Callable[[Collection[str]], bytes], *, title: str,
              filename: str) -> PrintJob:
    """Documents ``numbers`` of one kind in one PDF: ``render(reprinted)`` marks the ones
    in ``reprinted`` as reprints (those a copy of which left before; after a copy, all)."""
    kind = registry.get_kind(kind_name)
    printed = trail.printed_before(ctx, kind.name, numbers)

    def marked(again: bool) -> Collection[str]:
        return numbers if again else printed

    return PrintJob(title=title, group=kind.group,
                    render=lambda again: Rendered(render(marked(again)), filename),
                    reprint=printed.issuperset(numbers),
                    on_output=recorder(ctx, kind.name, numbers, printed=printed))


def preview_document(session: AppSession, parent: QWidget | None, kind: PrintKind,
                     number: str, *,
                     settings: SettingsStore | None = None) -> PrintPreviewDialog | None:
    """Open the preview of document ``number`` of ``kind`` (non-modal); None on a UserError."""
    ctx = session.ctx
    try:
        job = document_job(ctx, kind, number)
        dialog = PrintPreviewDialog(job, parent, settings=settings,
                                    test_page=lambda: _test_page(ctx, job.group))
    except UserError as err:
        show_user_error(err, {}, parent=parent)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def pdf_job(rendered: Rendered, *, title: str, group: PrinterGroup = PrinterGroup.FORMS,
            on_output: OutputCallback | None = None) -> PrintJob:
    """The job of PDF bytes made elsewhere (a report on screen); ``on_output`` records copies."""
    return PrintJob(title=title, group=group, render=lambda _reprint: rendered,
                    on_output=on_output, rerender_after_output=False)


@dataclass(frozen=True)
class CounterChoice:
    """How this PC prints one document: which kind and number (the paper chosen), on which
    printer ("" = ask), and whether in one keystroke."""

    kind: PrintKind
    number: str
    printer: str
    silent: bool


def counter_choice(settings: SettingsStore, document: PrintKind, number: str) -> CounterChoice:
    """This PC's choice for ``document``: its paper, its printer (else its group's), and
    silent (receipts and tags by default) or the dialog."""
    kind, on = papers.on_paper(document, number, settings.document_paper(document))
    printer = (settings.document_printer(document)
               or settings.printer_for(registry.get_kind(kind).group.value) or "")
    silent = settings.silent(document)
    return CounterChoice(kind, on, printer,
                         papers.silent_by_default(document) if silent is None else silent)


Preview = Callable[[PrintJob], object]


def print_document(session: AppSession, parent: QWidget | None, document: PrintKind,
                   number: str, *,
                   settings: SettingsStore | None = None,
                   preview: Preview | None = None) -> PrintedCopy | None:
    """The counter's print key: document ``number`` on this PC's paper and printer, in one
    keystroke where the PC prints it silently and its printer is there, else through the
    preview (``preview(job)``; default: the non-modal preview dialog). Returns the copy
    printed silently (None when the preview opened or nothing could be printed)."""
    ctx = session.ctx
    settings = settings or SettingsStore()
    try:
        choice = counter_choice(settings, document, number)
        if choice.silent and choice.printer in available_printers():
            return print_numbered(ctx, choice.kind, choice.number,
                                  printer_named(choice.printer))
        job = document_job(ctx, choice.kind, choice.number)
    except UserError as err:
        show_user_error(err, {}, parent=parent)
        return None
    except PrintError as err:  # the printer refused: the preview still lets them print
        QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Printing failed"),
                            QCoreApplication.translate(
                                "Printing", "The document was not printed: {detail}")
                            .format(detail=err))
        job = document_job(ctx, choice.kind, choice.number)
    if preview is not None:
        preview(job)
        return None
    dialog = PrintPreviewDialog(job, parent, settings=settings,
                                test_page=lambda: _test_page(ctx, job.group))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return None


def available_printers() -> list[str]:
    """The printers of this PC (tests replace it, with ``printer_named``, by files)."""
    return list(QPrinterInfo.availablePrinterNames())


@dataclass(frozen=True)
class SavePrint:
    """One document printed (``copy``) or not (``problem``, in the user's language) at once
    when a record is saved; ``no_printer``: this PC has no printer chosen for it."""

    document: PrintKind
    number: str
    copy: PrintedCopy | None = None
    problem: str = ""
    no_printer: bool = False

    @property
    def printed(self) -> bool:
        return self.copy is not None


def document_title(document: PrintKind) -> str:
    """The document's name in the user's language (收件单, 维修标签…)."""
    return pt(registry.get_kind(document).title)


def print_on_save(session: AppSession, documents: Sequence[PrintKind], number: str, *,
                  settings: SettingsStore | None = None) -> list[SavePrint]:
    """Print each of ``documents`` for record ``number`` straight to this PC's printer for it
    (its paper, its printer, no dialog): what a saved take-in hands over at once. The record
    is already saved; a copy that cannot be printed is reported, never raised, and the next
    copy (a reprint) is marked 补打 by the print trail."""
    settings = settings or SettingsStore()
    known = available_printers()
    results = []
    for document in documents:
        choice = counter_choice(settings, document, number)
        if not choice.printer:
            problem = QCoreApplication.translate(
                "Printing", "This computer has no printer chosen for it (Settings, Printing).")
            results.append(SavePrint(document, number, no_printer=True, problem=problem))
            continue
        if choice.printer not in known:
            results.append(SavePrint(document, number, problem=QCoreApplication.translate(
                "Printing", "The printer {name} is not found on this computer.").format(
                name=choice.printer)))
            continue
        try:
            copy = print_numbered(session.ctx, choice.kind, choice.number,
                                  printer_named(choice.printer))
        except (PrintError, UserError) as err:
            detail = str(err) if isinstance(err, PrintError) else user_message(err)
            results.append(SavePrint(document, number, problem=QCoreApplication.translate(
                "Printing", "The printer refused it: {detail}").format(detail=detail)))
            continue
        results.append(SavePrint(document, number, copy=copy))
    return results


def preview_pdf(parent: QWidget | None, rendered: Rendered, *, title: str,
                group: PrinterGroup = PrinterGroup.FORMS, on_output: OutputCallback | None = None,
                settings: SettingsStore | None = None) -> PrintPreviewDialog:
    """Preview PDF bytes made elsewhere (a report on screen); ``on_output`` records copies."""
    dialog = PrintPreviewDialog(pdf_job(rendered, title=title, group=group, on_output=on_output),
                                parent, settings=settings)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def preview_test_page(session: AppSession, parent: QWidget | None, group: PrinterGroup, *,
                      settings: SettingsStore | None = None) -> PrintPreviewDialog:
    """The printer test page (打印测试页) for a group's printer: helps set up a new PC."""
    ctx = session.ctx
    title = QCoreApplication.translate("Printing", "Printer test page")
    dialog = PrintPreviewDialog(
        PrintJob(title=title, group=group, render=lambda _r: _test_page(ctx, group),
                 rerender_after_output=False), parent, settings=settings)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    return dialog


def printer_test_pages(ctx: ServiceContext) -> Callable[[PrinterGroup], bytes]:
    """For PrinterSetupWidget: the store's test page in the format of each group's paper."""
    return lambda group: _test_page(ctx, group).pdf
