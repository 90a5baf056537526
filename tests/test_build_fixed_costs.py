"""Work a build does once per process, not on every build: a second build in the same process
(`publish serve` rebuilding, the test suite, another project) finds it done."""

from __future__ import annotations

import importlib.metadata

import publish.render.web as web


def test_library_versions_are_read_once_per_process(monkeypatch) -> None:
    """The versions of the libraries loaded in a process cannot change under it."""
    calls: list[str] = []
    version = importlib.metadata.version

    def counting(name: str) -> str:
        calls.append(name)
        return version(name)

    monkeypatch.setattr(importlib.metadata, "version", counting)
    first = web._library_versions()
    read = len(calls)
    assert web._library_versions() == first
    assert len(calls) == read <= len(web.LIBRARIES)
    assert [v.split("=")[0] for v in first] == list(web.LIBRARIES)
