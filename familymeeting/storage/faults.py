"""Named fault-injection points, for tests that kill the process at an exact step.

``FAMILYMEETING_FAULT=<name>`` makes :func:`fault_point` with that name end the process
at once, as a power cut or ``kill -9`` would; without the variable it does nothing.
"""

from __future__ import annotations

import os


def fault_point(name: str) -> None:
    """Kill this process here (exit status 137, no cleanup) when FAMILYMEETING_FAULT is ``name``."""
    if os.environ.get("FAMILYMEETING_FAULT") == name:
        os._exit(137)
