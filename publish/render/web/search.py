"""Placeholder for the client-side search index of /tim-kiem/ (a later issue).

The page shell (templates/web/search.html) already works without JavaScript: a plain form and
links to the categories. A later change adds the index here and a small script to the shell.
"""

from __future__ import annotations

from collections.abc import Iterator

from publish.model import Artifact, Site

__all__ = ["search_artifacts"]


def search_artifacts(site: Site) -> Iterator[Artifact]:
    """Files the search page needs (none yet: the index is not built)."""
    yield from ()
