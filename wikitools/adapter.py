"""The one place that knows how mkdocs-static-i18n runs our hooks.

The i18n plugin builds the default language, then re-runs the whole MkDocs
build for each other language from inside its own ``on_post_build``. Every
hook event therefore fires once per language. Hooks use these helpers to ask
which language is being built and whether the build of *all* languages has
finished (the outer build's ``on_post_build`` after the i18n plugin's), the
one moment to decide cross-language checks.
"""

from __future__ import annotations

from typing import Any


def i18n_plugin(config: Any) -> Any:
    return config.plugins["i18n"]


def current_language(config: Any) -> str:
    plugin = i18n_plugin(config)
    return plugin.current_language or plugin.default_language


def default_language(config: Any) -> str:
    return i18n_plugin(config).default_language


def build_languages(config: Any) -> list[Any]:
    """The i18n plugin's language entries that are built (locale, name, link)."""
    return [lang for lang in i18n_plugin(config).config.languages if lang.build]


def all_languages_built(config: Any) -> bool:
    """True in the outer build's ``on_post_build`` once every language build is done.

    Call it from an ``on_post_build`` with a priority below -100 (the i18n
    plugin's), so it runs after the other languages were built.
    """
    return not getattr(i18n_plugin(config), "building", False)


def language_path(file: Any) -> str:
    """A documentation file's path inside its language folder ("ja/sagemaker/train.md" -> "sagemaker/train.md")."""
    locale = getattr(file, "locale", None)
    src = file.src_uri
    return src[len(locale) + 1 :] if locale and src.startswith(f"{locale}/") else src


def project_root(config: Any) -> Any:
    """The folder of mkdocs.yml, absolute (``mkdocs build -f mkdocs.yml`` gives a relative path)."""
    from pathlib import Path

    return Path(config.config_file_path).resolve().parent


def source_label(config: Any, file: Any) -> str:
    """How problems name a file: relative to the repository, e.g. "docs/ja/sagemaker/train.md"."""
    import os

    root = os.path.dirname(os.path.abspath(config.config_file_path))
    return os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")


# Every problem reported during the current build of all languages: the preview shows a page's
# problems on the page, and under GitHub Actions the job summary counts them.
reported: list[Any] = []


def report(problems: Any, logger: Any) -> None:
    """Log each problem once as a warning: ``mkdocs build --strict`` then fails with all of them listed.

    Under GitHub Actions each is also printed as a workflow command, so it shows on the pull request's diff.
    """
    import os

    from wikitools.ci_report import annotation
    from wikitools.problems import unique

    in_actions = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in unique(list(problems)):
        logger.warning(str(problem))
        reported.append(problem)
        if in_actions:
            print(annotation(problem), flush=True)
