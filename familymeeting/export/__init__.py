"""The plan PDF (ReportLab). No Qt."""
