"""Run one ``mkdocs build`` in this process and print its cost as JSON.

Used by benchmarks/build_bench.py, which starts one process per build so that
each reports its own peak memory. Our hooks' event handlers are wrapped with
timers, so the cost of each hook is measured inside the same build.

Usage:  python benchmarks/build_once.py PROJECT_DIR SITE_DIR
"""

from __future__ import annotations

import functools
import json
import logging
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path


def main(project: Path, site: Path) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    spent: dict[str, float] = defaultdict(float)
    plugins = config.plugins
    for methods in plugins.events.values():
        for index, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "")
            if not origin.startswith("hooks/"):
                continue

            def timed(*args, _method=method, _name=Path(origin).stem, **kwargs):
                started = time.perf_counter()
                try:
                    return _method(*args, **kwargs)
                finally:
                    spent[_name] += time.perf_counter() - started

            functools.update_wrapper(timed, method)
            methods[index] = timed
    started = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak_mb, "hooks": dict(spent)}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]))))
