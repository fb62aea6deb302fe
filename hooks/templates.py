"""MkDocs adapter: the theme's templates are compiled once per process (see ``wikitools.template_cache``)."""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from wikitools.template_cache import BYTECODE


@event_priority(100)  # before any hook loads a template
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = BYTECODE
    return env
