"""Missing pages, files, anchors and nav entries are reported with file:line and a fix (not MkDocs' line-less form)."""

from __future__ import annotations

from pathlib import Path

from wikitools.links import SiteIndex, markdown_link_problems, site_file_of
from wikitools.nav_check import nav_problems

SITE = SiteIndex(
    ids={
        "sagemaker/train/index.html": {"overview"},
        "sagemaker/tune/index.html": {"overview", "strategies"},
        "en/sagemaker/tune/index.html": {"overview"},
        "assets/images/arch.svg": set(),
    }
)


def test_site_file_of():
    assert site_file_of("", "sagemaker/train.md") == "sagemaker/train/index.html"
    assert site_file_of("en/", "sagemaker/index.md") == "en/sagemaker/index.html"
    assert site_file_of("en/", "index.md") == "en/index.html"


def test_good_links_pass_and_bad_ones_name_the_line():
    text = (
        "# Train\n\n[tune](tune.md#strategies) [here](#overview) ![図](../../assets/images/arch.svg)\n"
        "[other language](../../en/sagemaker/tune.md) [web](https://docs.aws.amazon.com/x)\n"
        "[gone](tuning.md)\n[anchor](tune.md#strategy)\n![missing](../../assets/images/nope.svg)\n"
    )
    problems = markdown_link_problems(text, "docs/ja/sagemaker/train.md", "sagemaker/train.md", "", ("ja", "en"), SITE)
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (5, "broken link 'tuning.md'"),
        (6, "broken anchor 'tune.md#strategy'"),
        (7, "broken link '../../assets/images/nope.svg'"),
    ]
    assert "did you mean '#strategies'?" in problems[1].fix


def test_links_in_code_are_not_links():
    text = "# t\n\n```\n[gone](tuning.md)\n```\n`[gone](tuning.md)`\n"
    assert markdown_link_problems(text, "x", "sagemaker/train.md", "", ("ja", "en"), SITE) == []


def test_nav_entries_name_the_line_and_the_form_to_write(tmp_path: Path):
    for language in ("ja", "en"):
        (tmp_path / language / "sagemaker").mkdir(parents=True)
        (tmp_path / language / "sagemaker" / "train.md").write_text("# t\n", encoding="utf-8")
    (tmp_path / "ja" / "sagemaker" / "tune.md").write_text("# t\n", encoding="utf-8")
    config = "site_name: x\nnav:\n  - Train: sagemaker/train.md\n  - sagemaker/tune.md\n  - ja/sagemaker/train.md\n"
    nav = [{"Train": "sagemaker/train.md"}, "sagemaker/tune.md", "ja/sagemaker/train.md"]
    problems = nav_problems(config, nav, tmp_path, ("ja", "en"))
    assert [(p.file, p.line) for p in problems] == [("mkdocs.yml", 4), ("mkdocs.yml", 5), ("mkdocs.yml", 5)]
    assert "docs/en/sagemaker/tune.md" in problems[0].message
    assert "write 'sagemaker/train.md'" in problems[1].fix
