"""Contributor timings: the fast check, a preview reload after a one-line edit, and (with --full) the full suite.

Prints the numbers and writes them, with the date and machine, to
benchmarks/results/contributor-timings.{json,md}. Runs on a copy of the
project for the reload measurement, so the working tree is never edited.

    .venv/bin/python benchmarks/contributor_timings.py          # fast check + reload
    .venv/bin/python benchmarks/contributor_timings.py --full   # and the full suite (several minutes)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import copy_project  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str]) -> tuple[float, int]:
    start = time.monotonic()
    result = subprocess.run(
        command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    return time.monotonic() - start, result.returncode


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def reload_times(rounds: int = 3) -> list[float]:
    """Seconds from saving a one-line edit to the served page showing it, with ``mkdocs serve``."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/aws-ml-wiki/sagemaker/train/"
        try:
            deadline = time.monotonic() + 300
            while "<title>" not in _get(url):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("mkdocs serve did not start")
                time.sleep(0.5)
            page = project / "docs" / "ja" / "sagemaker" / "train.md"
            times = []
            for round_ in range(rounds):
                marker = f"reload-probe-{round_}-{time.time_ns()}"
                page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                start = time.monotonic()
                while marker not in _get(url):
                    if time.monotonic() - start > 120:
                        raise SystemExit("the edit never appeared")
                    time.sleep(0.1)
                times.append(time.monotonic() - start)
                time.sleep(2)
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def main(argv: list[str]) -> int:
    numbers: dict[str, object] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "load_average_at_start": os.getloadavg()[0],
    }
    seconds, code = timed(["bash", "scripts/check.sh"])
    numbers["fast_check_seconds"] = round(seconds, 1)
    numbers["fast_check_exit"] = code
    print(f"fast check (bash scripts/check.sh): {seconds:.1f} s (exit {code})")
    reloads = reload_times()
    numbers["serve_reload_seconds"] = [round(t, 2) for t in reloads]
    print(f"mkdocs serve reload after a one-line edit: median {statistics.median(reloads):.2f} s ({reloads})")
    if "--full" in argv:
        seconds, code = timed(["bash", "scripts/test.sh", "-q"])
        numbers["full_suite_seconds"] = round(seconds, 1)
        numbers["full_suite_exit"] = code
        print(f"full suite (bash scripts/test.sh): {seconds:.1f} s (exit {code})")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "contributor-timings.json").write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Contributor timings",
        "",
        f"Measured {numbers['date']} on {numbers['cores']} cores"
        f" (load average at start {numbers['load_average_at_start']:.2f}) by `benchmarks/contributor_timings.py`.",
        "",
        "| what | seconds |",
        "| --- | --- |",
        f"| fast check (`bash scripts/check.sh`) | {numbers['fast_check_seconds']} |",
        f"| `mkdocs serve` reload after a one-line edit (median of {len(reloads)})"
        f" | {statistics.median(reloads):.2f} |",
    ]
    if "full_suite_seconds" in numbers:
        lines.append(f"| full suite (`bash scripts/test.sh`) | {numbers['full_suite_seconds']} |")
    (RESULTS / "contributor-timings.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
