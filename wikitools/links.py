"""Link checks that MkDocs' own ``validation:`` does not do.

MkDocs checks Markdown links and anchors inside one language build. We add:
links and images in raw HTML, links our hooks generate (glossary terms),
links into the other language (which MkDocs cannot see, because each
language is built on its own), and malformed or plain-``http://`` URLs.
Internal targets are checked against the built site, so the check costs one
read of each page and is linear in pages plus links. Nothing is fetched.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from wikitools.content_safety import html_lines
from wikitools.markdown_scan import classify_lines
from wikitools.problems import Problem

_RAW_LINK = re.compile(r"""<\s*(a|img)\b[^>]*?\b(href|src)\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>", re.IGNORECASE)
_IDS = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
_EMAIL = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")


@dataclass(frozen=True)
class SourceLink:
    line: int
    kind: str  # "html", "markdown" or "autolink"
    target: str


def source_links(text: str) -> list[SourceLink]:
    links = []
    for number, line in html_lines(text):
        links += [SourceLink(number, "html", html.unescape(m.group(3))) for m in _RAW_LINK.finditer(line)]
        links += [SourceLink(number, "markdown", m.group(1)) for m in _MD_LINK.finditer(line)]
        links += [SourceLink(number, "autolink", m.group(1)) for m in _AUTOLINK.finditer(line)]
    return links


def _split(target: str) -> SplitResult | None:
    """``urlsplit``, or None for a target it cannot parse (``a://[``: a bracket that opens no IPv6 host)."""
    try:
        return urlsplit(target)
    except ValueError:
        return None


def url_problem(target: str) -> str | None:
    """Why an external-looking URL is unacceptable, or None."""
    parts = _split(target)
    if parts is None:
        return f"malformed URL '{target}'."
    scheme = parts.scheme.lower()
    if scheme == "http":
        return f"plain http URL '{target}'; use https."
    if scheme == "https" and (not parts.netloc or " " in target or "." not in parts.netloc):
        return f"malformed URL '{target}'."
    if scheme == "mailto" and not _EMAIL.match(unquote(parts.path)):
        return f"malformed mailto address '{target}'."
    return None


def is_internal(target: str) -> bool:
    parts = _split(target)
    if parts is None:
        return False  # only a host part can fail to parse: not a link inside the site (url_problem says why)
    return not parts.scheme and not parts.netloc and not target.startswith("//")


class SiteIndex:
    """Pages of the built site (paths relative to the site root) and, read on demand, their element ids.

    Only the pages that links point at are ever opened, so checking costs one
    read per distinct target instead of one per page of the site.
    """

    def __init__(self, site: Path | None = None, ids: dict[str, set[str]] | None = None) -> None:
        self._site = site
        self._ids: dict[str, set[str]] = dict(ids or {})
        self._known = set(self._ids)
        if site is not None:  # pages and every other file (images, downloads) a link may point at
            self._known |= {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}

    @classmethod
    def from_dir(cls, site: Path) -> SiteIndex:
        return cls(site=site)

    def has(self, file: str) -> bool:
        return file in self._known

    def ids_of(self, file: str) -> set[str]:
        if file not in self._ids:
            text = (self._site / file).read_text(encoding="utf-8", errors="replace") if self._site else ""
            self._ids[file] = set(_IDS.findall(text))
        return self._ids[file]

    @property
    def files(self) -> list[str]:
        return sorted(self._known)

    def resolve(self, page_file: str, target: str) -> tuple[str, str]:
        """Site file and fragment that ``target`` (as written on the page at ``page_file``) points to."""
        parts = _split(target)
        if parts is None:
            return target, ""  # no such file: reported as a broken link
        path = unquote(parts.path)
        if not path:
            return page_file, unquote(parts.fragment)
        if path.startswith("/"):
            joined = path.lstrip("/")
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_file), path))
        if path.endswith("/") or joined in (".", ""):
            joined = posixpath.join("" if joined == "." else joined, "index.html")
        elif self.has(joined + "/index.html"):
            joined += "/index.html"
        return joined, unquote(parts.fragment)

    def check(self, page_file: str, target: str) -> tuple[str, str] | None:
        """(problem, suggestion) when ``target`` is broken, else None."""
        file, fragment = self.resolve(page_file, target)
        if not self.has(file):
            close = difflib.get_close_matches(file, self.files, n=1, cutoff=0.4)
            hint = f"did you mean '{_as_url(close[0], page_file)}'?" if close else "link to an existing page."
            return f"broken link '{target}': no page at '{file}'.", hint
        if fragment and fragment not in self.ids_of(file):
            close = difflib.get_close_matches(fragment, list(self.ids_of(file)), n=1, cutoff=0.4)
            hint = f"did you mean '#{close[0]}'?" if close else "link to an existing heading anchor."
            return f"broken anchor '{target}': '{file}' has no id '#{fragment}'.", hint
        return None


def _as_url(site_file: str, from_file: str) -> str:
    target = site_file[: -len("index.html")] if site_file.endswith("index.html") else site_file
    rel = posixpath.relpath(target or ".", posixpath.dirname(from_file) or ".")
    return rel + ("/" if target.endswith("/") or not target else "")


def source_link_problems(text: str, label: str, page_file: str, site: SiteIndex) -> list[Problem]:
    """Raw-HTML links checked against the site, and every URL checked for form."""
    problems = []
    for link in source_links(text):
        bad_url = url_problem(link.target)
        if bad_url:
            problems.append(Problem(label, link.line, bad_url, "use a well-formed https:// URL.", "links"))
        elif link.kind == "html" and is_internal(link.target) and not link.target.startswith("#!"):
            broken = site.check(page_file, link.target)
            if broken:
                problems.append(Problem(label, link.line, broken[0], broken[1], "links"))
    return problems


def generated_link_problems(hrefs: dict[str, str], label: str, page_file: str, site: SiteIndex) -> list[Problem]:
    """Links our hooks wrote (glossary terms: href -> link text), reported with the term, not a line."""
    problems = []
    for href, text in sorted(hrefs.items()):
        broken = site.check(page_file, href)
        if broken:
            problems.append(
                Problem(
                    label,
                    None,
                    f"generated glossary link for '{text}': {broken[0]}",
                    f"check the glossary page and term id; {broken[1]}",
                    "links",
                )
            )
    return problems


@dataclass(frozen=True)
class CrossLanguageLink:
    line: int
    target_language: str
    target_path: str  # .md path inside the target language folder
    fragment: str


_MD_LINK_WITH_TEXT = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]+)>?\s*\)")


def rewrite_cross_language_links(
    markdown: str, page_path: str, language: str, languages: tuple[str, ...], url_of: callable, first_line: int = 1
) -> tuple[str, list[CrossLanguageLink]]:
    """Turn Markdown links into another language's folder into HTML links MkDocs leaves alone.

    MkDocs would report them as missing (it only sees this language's files).
    ``url_of(language, md_path)`` gives the target's URL relative to this page;
    the returned records are checked against the built site at the end.
    """
    found: list[CrossLanguageLink] = []
    if not any(f"{other}/" in markdown for other in languages if other != language):
        return markdown, found  # no path into another language folder can occur
    lines = markdown.split("\n")
    for offset, line, kind, _ in classify_lines(lines):
        if kind != "text":
            continue

        def replace(match: re.Match[str], number: int = first_line + offset) -> str:
            text, target = match.group(1), match.group(2)
            if not is_internal(target):
                return match.group(0)
            parts = urlsplit(target)
            if not parts.path.endswith(".md"):
                return match.group(0)
            joined = posixpath.normpath(posixpath.join(language, posixpath.dirname(page_path), parts.path))
            head, _, rest = joined.partition("/")
            if head == language or head not in languages:
                return match.group(0)
            found.append(CrossLanguageLink(number, head, rest, parts.fragment))
            href = url_of(head, rest) + (f"#{parts.fragment}" if parts.fragment else "")
            return f'<a href="{html.escape(href)}" hreflang="{head}">{text}</a>'

        lines[offset] = _MD_LINK_WITH_TEXT.sub(replace, line)
    return "\n".join(lines), found


def site_file_of(prefix: str, md_path: str) -> str:
    """Output file of a page inside a language (use_directory_urls): "en/" + "a/b.md" -> "en/a/b/index.html"."""
    stem = md_path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return posixpath.join(prefix, stem[: -len("index")], "index.html")
    return posixpath.join(prefix, stem, "index.html")


def markdown_link_problems(
    text: str, label: str, md_path: str, prefix: str, languages: tuple[str, ...], site: SiteIndex
) -> list[Problem]:
    """Markdown links and images to pages, anchors and files, checked against the built site with their line.

    MkDocs checks these too, but without a line; ours replace its messages (mkdocs.yml ``validation``).
    ``md_path`` is the page inside its language folder; links that leave it for another language are
    checked elsewhere (cross-language links), links that leave it for docs/ name shared files.
    """
    page_file = site_file_of(prefix, md_path)
    problems = []
    for link in source_links(text):
        if link.kind != "markdown" or not is_internal(link.target) or link.target.startswith("#!"):
            continue
        parts = urlsplit(link.target)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not path:
            target_file = page_file
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(md_path), path))
            if joined.startswith("../"):
                rest = joined[len("../") :]
                if rest.split("/", 1)[0] in languages:
                    continue  # into another language: the cross-language check
                target_file = rest  # a shared file under docs/
            elif joined.endswith(".md"):
                target_file = site_file_of(prefix, joined)
            else:
                target_file = posixpath.join(prefix, joined)
        if not site.has(target_file):
            what = "page" if path.endswith(".md") else "file"
            close = difflib.get_close_matches(target_file, site.files, n=1, cutoff=0.6)
            hint = (
                f"check the path (did you mean the {what} built at '{close[0]}'?)."
                if close
                else f"link an existing {what}."
            )
            problems.append(Problem(label, link.line, f"broken link '{link.target}': no {what} for it.", hint, "links"))
        elif fragment and fragment not in site.ids_of(target_file):
            close = difflib.get_close_matches(fragment, list(site.ids_of(target_file)), n=1, cutoff=0.4)
            hint = (
                f"did you mean '#{close[0]}'?"
                if close
                else "link an existing heading anchor ({#anchor} on the heading)."
            )
            problems.append(
                Problem(
                    label, link.line, f"broken anchor '{link.target}': the target has no '#{fragment}'.", hint, "links"
                )
            )
    return problems
