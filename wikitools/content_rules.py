"""Source checks that keep pages trustworthy: a reader's voice, sources, lifecycle facts from data.

Each function takes one page's Markdown and returns problems with file and
line, so a contributor sees exactly where to fix:

- ``notes_problems``: topic pages speak to the reader, not about the private
  notes they were first written from (those corrections live on one page);
- ``lifecycle_prose_problems``: a lifecycle fact with a date written as prose
  (it must come from the glossary data via ``[[status:id]]``);
- ``source_problems``: every page lists official sources under ``{#references}``,
  and Japanese pages link Japanese AWS pages or say the link is English;
- ``review_age``: how old a page's ``last_reviewed`` is, for the build report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from wikitools.markdown_scan import body_lines, headings, prose_lines, split_front_matter
from wikitools.problems import Problem

NOTES_WORDS = re.compile(
    r"学習メモ|元のメモ|元ノート|元のノート|study notes|the notes\b|these notes\b|our notes\b", re.I
)

_DATE = (
    r"(?:\d{4}-\d{2}-\d{2}|\d{4}\s*年\s*\d{1,2}\s*月|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},\s*)?\d{4})"
)
DATE = re.compile(_DATE)
LIFECYCLE_WORDS = re.compile(
    r"名称(?:を)?変更|名(?:前|称)が変わ|改称|新規(?:の)?(?:お客様|顧客|利用|受付|受け付け|アカウント)|受付(?:を)?終了|"
    r"提供(?:を|が)?終了|サポート(?:を|が)?終了|サービス終了|廃止|販売終了|"
    r"\brenamed\b|closed to new|clos(?:ed|es|ing) permanently|permanently clos|"
    r"no longer (?:available|open) to new|new customers|end of (?:support|life)|"
    r"end-of-(?:support|life)|\bdiscontinued\b|\bretired\b|\bsunset\b",
    re.I,
)
OFFICIAL_HOSTS = re.compile(
    r"https://(?:[a-z0-9.-]+\.)?(?:amazon\.com|amazonaws\.com|aws|awsstatic\.com|"
    r"sagemaker\.readthedocs\.io|github\.com/aws)(?:[/:?#]|$)"
)
_LINK = re.compile(r"\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<url>https?://[^)\s]+)(?:\s+\"[^\"]*\")?\)")
AWS_URL = re.compile(r"^https://(?:docs\.aws\.amazon\.com|aws\.amazon\.com)/")
JAPANESE_AWS_URL = re.compile(r"^https://(?:docs\.aws\.amazon\.com/ja_jp/|aws\.amazon\.com/jp/)")
ENGLISH_MARK = "（英語）"  # or "（…、英語）": the link text ends by saying the page is in English
REFERENCES = "references"
MAX_REVIEW_AGE_DAYS = 180


def notes_problems(text: str, label: str) -> list[Problem]:
    return [
        Problem(
            label,
            number,
            f"the page speaks of the source notes ('{match.group(0)}'); readers never saw them.",
            "state the fact for the reader; record what the notes got wrong in data/corrections/*.yml.",
            "voice",
        )
        for number, line in prose_lines(text)
        if (match := NOTES_WORDS.search(line))
    ]


def lifecycle_prose_problems(text: str, label: str) -> list[Problem]:
    problems = []
    for number, line in prose_lines(text):
        word = LIFECYCLE_WORDS.search(line)
        date = DATE.search(line)
        if word and date:
            problems.append(
                Problem(
                    label,
                    number,
                    f"a lifecycle fact written as prose ('{word.group(0)}' with {date.group(0)}).",
                    "put [[status:TERM-ID]] on its own line; status, date and successor come from glossary/terms.yml.",
                    "lifecycle",
                )
            )
    return problems


def _links(text: str) -> Iterator[tuple[int, str, str]]:
    """(line, link text, URL) of Markdown links outside code."""
    for number, line in body_lines(text):
        for match in _LINK.finditer(re.sub(r"`[^`]*`", "", line)):
            yield number, match.group("text"), match.group("url")


def source_problems(text: str, label: str, language: str) -> list[Problem]:
    problems = []
    meta, body_start, _ = split_front_matter(text)
    if not meta.get("generated") and not meta.get("glossary"):
        refs = [number for number, _, _, anchor in headings(text) if anchor == REFERENCES]
        if not refs:
            problems.append(
                Problem(
                    label,
                    body_start + 1,
                    "the page lists no official sources.",
                    "end it with '## 参考資料 {#references}' (ja) or '## References {#references}' (en) listing "
                    "the AWS pages it rests on.",
                    "sources",
                )
            )
        elif not any(number > refs[0] and OFFICIAL_HOSTS.match(url) for number, _, url in _links(text)):
            problems.append(
                Problem(
                    label,
                    refs[0],
                    "the references section has no official source.",
                    "link the AWS documentation the page rests on.",
                    "sources",
                )
            )
    if language == "ja":
        for number, link_text, url in _links(text):
            if (
                AWS_URL.match(url)
                and not JAPANESE_AWS_URL.match(url)
                and not link_text.rstrip().endswith(ENGLISH_MARK[1:])
            ):
                problems.append(
                    Problem(
                        label,
                        number,
                        f"link to English AWS page on a Japanese page: {url}",
                        "link the Japanese page (docs.aws.amazon.com/ja_jp/…, aws.amazon.com/jp/…); "
                        f"if AWS has none, end the link text with {ENGLISH_MARK}.",
                        "sources",
                    )
                )
    return problems


_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")
IMAGES_DIR = "assets/images/"


def image_problems(text: str, label: str) -> list[Problem]:
    """Images live once in docs/assets/images/ for both languages, and every one has alt text."""
    problems = []
    for number, line in body_lines(text):
        for match in _IMAGE.finditer(re.sub(r"`[^`]*`", "", line)):
            src = match.group("src")
            if not match.group("alt").strip():
                problems.append(
                    Problem(
                        label,
                        number,
                        f"image '{src}' has no alt text.",
                        "describe the image in the page's language: ![説明](…) / ![description](…).",
                        "images",
                    )
                )
            if not src.startswith(("http://", "https://", "data:")) and IMAGES_DIR not in src:
                problems.append(
                    Problem(
                        label,
                        number,
                        f"image '{src}' is not in docs/{IMAGES_DIR}.",
                        f"put it in docs/{IMAGES_DIR} (shared by both languages) and link it from both pages.",
                        "images",
                    )
                )
    return problems


def review_age(text: str, today: dt.date) -> int | None:
    """Days since ``last_reviewed`` (None when the page has no valid date)."""
    meta, _, _ = split_front_matter(text)
    value = meta.get("last_reviewed")
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return None
    return (today - value).days if isinstance(value, dt.date) else None


def rule_problems(text: str, label: str, language: str) -> list[Problem]:
    """Every rule of this module for one page; generated pages skip the rules their data already keeps."""
    generated = split_front_matter(text)[0].get("generated")
    problems = source_problems(text, label, language) + image_problems(text, label)
    if generated != "corrections":
        problems += notes_problems(text, label)
    if generated != "lifecycle":
        problems += lifecycle_prose_problems(text, label)
    return problems
