"""Code on the pages runs on today's libraries: it parses, and its SDK calls bind to real signatures."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wikitools.markdown_scan import classify_lines
from wikitools.snippets import python_blocks, site_snippets

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_PYTHON = ROOT / ".venv-snippets" / "bin" / "python"
BINDER = ROOT / "tests" / "snippet_binding.py"
SNIPPETS = site_snippets(ROOT)
FLOATING_TAG = re.compile(r"""[\w./-]+:(?:latest|1)(?=["'\s]|$)""")


def _bind(snippets: list[dict]) -> list[dict]:
    assert SNIPPETS_PYTHON.exists(), (
        "no .venv-snippets: run bash scripts/setup.sh (it installs requirements-snippets.txt)"
    )
    env = {**os.environ, "AWS_DEFAULT_REGION": "us-east-1"}  # some SDK modules want a Region at import; no AWS call
    result = subprocess.run(
        [str(SNIPPETS_PYTHON), str(BINDER)],
        input=json.dumps(snippets),
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_pages_have_python_snippets():
    assert len(SNIPPETS) >= 10


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda s: f"{s.file}:{s.line}")
def test_every_python_block_parses(snippet):
    try:
        ast.parse(snippet.code)
    except SyntaxError as error:
        pytest.fail(f"{snippet.file}:{snippet.line + (error.lineno or 1) - 1}: {error.msg}")


def test_sdk_and_boto3_calls_bind_to_the_pinned_libraries():
    problems = _bind([s.__dict__ for s in SNIPPETS])
    assert not problems, "\n".join(f"{p['file']}:{p['line']}: {p['message']}" for p in problems)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("from sagemaker.estimator import Estimator\n", "sagemaker.estimator"),
        ("from sagemaker.train import ModelTrainer\nModelTrainer(no_such_argument=1)\n", "no_such_argument"),
        ("from sagemaker.train import ModelTrainer\nt = ModelTrainer()\nt.fit_everything()\n", "fit_everything"),
        (
            "import boto3\nsm = boto3.client('sagemaker')\nsm.create_training_job(TrainingJobName='x')\n",
            "misses required",
        ),
        ("import boto3\nsm = boto3.client('sagemaker')\nsm.describe_endpoint(EndpointName='x', Bogus=1)\n", "Bogus"),
    ],
)
def test_the_binder_finds_wrong_calls(code, expected):
    problems = _bind([{"file": "x.md", "line": 1, "code": code}])
    assert any(expected in p["message"] for p in problems), problems


def test_the_binder_accepts_right_calls():
    code = (
        "import boto3\n"
        "from sagemaker.train import ModelTrainer\n"
        "from sagemaker.train.configs import Compute\n"
        "compute = Compute(instance_type='ml.m5.xlarge', instance_count=1)\n"
        "sm = boto3.client('sagemaker')\n"
        "sm.describe_endpoint(EndpointName='x')\n"
    )
    assert _bind([{"file": "x.md", "line": 1, "code": code}]) == []


def test_code_blocks_pin_image_tags():
    """A container image tag of `latest` or `1` changes under the reader's feet."""
    found = []
    for file in sorted((ROOT / "docs").rglob("*.md")):
        lines = file.read_text(encoding="utf-8").splitlines()
        for index, line, kind, _ in classify_lines(lines):
            if kind == "code" and FLOATING_TAG.search(line):
                found.append(f"{file.relative_to(ROOT)}:{index + 1}: {line.strip()}")
    assert not found, "\n".join(found)


def test_python_blocks_are_found_inside_tabs_and_admonitions():
    text = '=== "v3"\n\n    ```python\n    import boto3\n    ```\n\n```py\nx = 1\n```\n'
    blocks = python_blocks(text, "t.md")
    assert [(b.line, b.code) for b in blocks] == [(4, "import boto3\n"), (8, "x = 1\n")]


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
