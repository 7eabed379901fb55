"""PySide6 widgets. Talks to storage services only; never builds SQL or PDFs."""
