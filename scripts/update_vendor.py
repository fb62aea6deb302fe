"""Vendor third-party browser assets from the npm registry and record their checksums.

The site must work inside a closed network, so Mermaid is served from our own
build and axe-core (for the accessibility tests) lives in the repository. This
script is the only way those files change: it fetches the exact package
version with ``npm pack``, copies one file out of it and records the version
and SHA-256 in ``vendor.lock.json``; ``tests/test_vendor.py`` checks that the
files still match the lock.

Usage::

    python scripts/update_vendor.py                      # re-fetch the locked versions
    python scripts/update_vendor.py mermaid 11.17.2      # move one package to a new version
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "vendor.lock.json"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(package: str, version: str, member: str, dest: Path) -> str:
    """Copy ``member`` out of the npm tarball of ``package@version`` to ``dest``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = (
            subprocess.run(
                ["npm", "pack", f"{package}@{version}", "--silent"],
                cwd=tmp,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        with tarfile.open(Path(tmp) / out) as tar:
            source = tar.extractfile(f"package/{member}")
            if source is None:
                raise SystemExit(f"{package}@{version} has no file {member}")
            dest.parent.mkdir(parents=True, exist_ok=True)
            with dest.open("wb") as target:
                shutil.copyfileobj(source, target)
    return sha256_of(dest)


def main(argv: list[str]) -> int:
    lock = json.loads(LOCK.read_text(encoding="utf-8"))
    if len(argv) == 2:
        name, version = argv
        if name not in lock:
            print(f"unknown package {name!r}; known: {', '.join(lock)}", file=sys.stderr)
            return 2
        lock[name]["version"] = version
    for name, entry in lock.items():
        digest = fetch(name, entry["version"], entry["file"], ROOT / entry["dest"])
        entry["sha256"] = digest
        print(f"{name}@{entry['version']} -> {entry['dest']} sha256={digest}")
    LOCK.write_text(json.dumps(lock, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
