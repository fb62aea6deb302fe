"""What the browser benchmarks share: the built site they measure, and the conditions they record."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import build_site  # noqa: E402


def site_or_build(site: Path | None, tmp: str) -> Path | None:
    """``site`` if given, else a fresh build of the project in ``tmp``; None (log printed) if it fails."""
    if site is not None:
        return site
    site = Path(tmp) / "site"
    result = build_site(ROOT, site)
    if result.returncode != 0:
        print((result.stdout + result.stderr)[-3000:])
        return None
    return site


def run_conditions(browser: str, conditions: str) -> dict:
    """When and where a measurement ran: date, browser, cores and machine load, with ``conditions``."""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "browser": browser,
        "cores": os.cpu_count(),
        "load_average": os.getloadavg()[0],
        "conditions": conditions,
    }
