"""MkDocs adapter: per-language Material settings that mkdocs-static-i18n would otherwise set.

We run the i18n plugin with ``reconfigure_material: false`` because its
contextual language switcher warns against ``navigation.instant`` (and the
warning fails ``--strict``). This hook gives Material what it needs instead:
``extra.alternate`` for the language being built (``overrides/partials/
alternate.html`` and ``language-switch.js`` use it to stay on the same page,
before and after instant navigation), and one 404 page and sitemap per
language (each language build would otherwise overwrite the site root's).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from wikitools.adapter import all_languages_built, build_languages, current_language, default_language
from wikitools.languages import Language, alternates, url_prefix

_not_found_pages: dict[str, str] = {}  # language -> rendered 404.html of that language build


@event_priority(-110)  # after the i18n plugin has switched the config to this language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    langs = [Language(code=lang.locale, name=lang.name, link=lang.link) for lang in build_languages(config)]
    code = current_language(config)
    config.extra["alternate"] = alternates(langs, config.site_url)
    config.extra["current_language"] = code
    config.extra["current_prefix"] = next(url_prefix(lang.link) for lang in langs if lang.code == code)
    return config


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _not_found_pages[current_language(config)] = output_content
    return output_content


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not all_languages_built(config):
        return
    site = Path(config.site_dir)
    default = default_language(config)
    for lang in build_languages(config):
        root = site / url_prefix(lang.link)
        if lang.locale in _not_found_pages:
            (root / "404.html").write_text(_not_found_pages[lang.locale], encoding="utf-8")
        if lang.locale != default:  # Material fetches <language root>/sitemap.xml for the switcher
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).exists():
                    shutil.copyfile(site / name, root / name)
    _not_found_pages.clear()
