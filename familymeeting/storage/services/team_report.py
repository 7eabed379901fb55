"""The team's statistics files for the window's "Team" page: read and saved.

Nothing here touches the case database: the figures come from the files a team's
laptops exported (``storage/team_report_data.py`` reads them with DuckDB), and the
report's PDF is written where the team leader chose. A part of the ``Services``
façade so the window reaches DuckDB and the file system the one way it reaches
storage, and never imports either itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from familymeeting.domain.team_report import TeamReport
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.services.base import ServiceBase

# DuckDB's cap on its own buffers while it reads: the process then stays under 1 GiB
# at national scale (docs/benchmarks.md; at "1GB" Parquet metadata, the allocator and
# Python took it to 1.05-1.16 GiB).
REPORT_MEMORY_LIMIT = "700MB"


class TeamReportServices(ServiceBase):
    def read_team_report(self, paths: Sequence[Path | str]) -> TeamReport:
        """The report's figures over the files (UserError naming a file it cannot use)."""
        # Imported here: DuckDB loads only when someone opens statistics files.
        from familymeeting.storage.team_report_data import read_team_report

        return read_team_report(paths, memory_limit=REPORT_MEMORY_LIMIT)

    def save_team_report(self, path: Path, pdf: bytes) -> None:
        """The report's PDF written atomically (UserError if the folder refuses it)."""
        write_atomic(path, pdf)
