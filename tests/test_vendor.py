"""Vendored browser assets match the versions and checksums recorded in vendor.lock.json."""

import hashlib
import json

from tests.helpers import ROOT


def test_vendored_files_match_lock():
    lock = json.loads((ROOT / "vendor.lock.json").read_text(encoding="utf-8"))
    assert set(lock) == {"mermaid", "axe-core"}
    for name, entry in lock.items():
        data = (ROOT / entry["dest"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], f"{name} differs from vendor.lock.json"


def test_mermaid_is_version_11():
    lock = json.loads((ROOT / "vendor.lock.json").read_text(encoding="utf-8"))
    assert lock["mermaid"]["version"].startswith("11.")
