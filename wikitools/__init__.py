"""Plain-Python logic behind the wiki's build hooks.

Every module here is independent of MkDocs: it parses, matches and validates
strings and paths. The files in ``hooks/`` only wire these functions to MkDocs
events, so the logic can move to another generator and is tested without a build.
"""
