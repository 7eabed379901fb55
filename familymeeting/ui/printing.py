"""Printing a PDF the app made: each page drawn onto the printer, fitted to its page.

The plan preview prints the plan it shows; "Udskriv igen" on the family page prints a
kept plan, the bytes exactly as the family got them. Both go through here.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


def print_pdf(document: QPdfDocument, printer: QPrinter) -> bool:
    """Draw every page of ``document`` onto ``printer``; False if the printer would
    not start (nothing was printed)."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        rect = painter.viewport()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            scale = min(rect.width() / points.width(), rect.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(0, 0, document.render(page, size))
    finally:
        painter.end()
    return True
