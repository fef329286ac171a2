"""Page setup and properties of every Excel workbook the tool writes (see ``export.page``).

A matrix is printed as often as it is read on screen: every sheet gets the paper (A4 unless
Letter is asked for), landscape, fit to one page wide, the header row repeated on each
printed page (set by the sheet's writer), a running header (study, case, CONCEPT while a
transcript is not approved) and "pagina 3 van 25" in the footer. The core properties are
this export's, not openpyxl's ("openpyxl" as creator).
"""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from interviewer.export.page import PageSetup, language_tag, now
from interviewer.export.text import clean_line
from interviewer.i18n import translate

# openpyxl keeps its paper size codes as text ("9" is A4).
PAPER_SIZES: dict[str, str] = {"a4": Worksheet.PAPERSIZE_A4, "letter": Worksheet.PAPERSIZE_LETTER}


def _escape(text: str) -> str:
    """Header text with Excel's '&' codes taken literally."""
    return text.replace("&", "&&")


def new_workbook() -> Workbook:
    """An empty workbook: openpyxl's default sheet removed, so every sheet is a named one."""
    wb = Workbook()
    default = wb.active
    if default is not None:
        wb.remove(default)
    return wb


def finish_workbook(wb: Any, title: str, lang: str, setup: PageSetup) -> None:
    """Paper, orientation, fit, header and footer of every sheet; the core properties."""
    header, mark = setup.header_parts(lang)
    footer = translate("export.page.footer", lang, page="&P", pages="&N")
    for sheet in wb.worksheets:
        sheet.page_setup.paperSize = PAPER_SIZES.get(setup.paper, Worksheet.PAPERSIZE_A4)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        if header:
            sheet.oddHeader.left.text = _escape(header)
        if mark:
            sheet.oddHeader.right.text = _escape(mark)
        sheet.oddFooter.center.text = footer
    props = wb.properties
    moment = now().replace(tzinfo=None)  # openpyxl writes naive datetimes as UTC
    props.title = clean_line(title)[:250]
    props.language = language_tag(lang)
    props.creator = setup.author or None
    props.lastModifiedBy = None
    props.created = moment
    props.modified = moment
    props.keywords = None
    props.description = None
    props.subject = None
    props.revision = "1"
