"""Where each language of the site lives, and the same page in the other language.

The site is built once per language by mkdocs-static-i18n: Japanese at the
site root, English under ``en/``. Every page exists in both languages at the
same path (the translation-parity check enforces it), so the counterpart of a
page is pure path arithmetic. That is what keeps the language switch on the
current page after Material's instant navigation, when the header is not
re-rendered.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    link: str  # absolute path of the language root on the site, e.g. "/en/"


def site_base_path(site_url: str | None) -> str:
    """Path part of ``site_url`` without its trailing slash ("" at a domain root)."""
    if not site_url:
        return ""
    return urlsplit(site_url).path.rstrip("/")


def url_prefix(link: str) -> str:
    """A language root as a prefix of page URLs: "/" -> "", "/en/" -> "en/"."""
    return link.strip("/") + "/" if link.strip("/") else ""


def alternates(languages: list[Language], site_url: str | None) -> list[dict[str, str]]:
    """Entries for Material's ``extra.alternate``: absolute ``link`` and the page-URL ``prefix``."""
    base = site_base_path(site_url)
    return [
        {"name": lang.name, "lang": lang.code, "link": f"{base}{lang.link}", "prefix": url_prefix(lang.link)}
        for lang in languages
    ]
