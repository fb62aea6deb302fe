"""Which Chromium to drive, and how: shared by the diagram renderer, the tests and the benchmarks.

We never download a browser: Debian's Chromium (or the Chrome that CI runners
ship) is found on the machine, and started with the flags that keep it quiet
and off the network.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_browser() -> str | None:
    """CHROMIUM_PATH, then chromium, then google-chrome (GitHub's Ubuntu runners ship Chrome)."""
    candidates = [
        os.environ.get("CHROMIUM_PATH"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
        shutil.which("google-chrome-stable"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)
