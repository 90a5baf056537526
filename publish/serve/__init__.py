"""`publish serve`: a local preview of the website that rebuilds and reloads on every edit."""

from __future__ import annotations

from publish.serve.session import PreviewSession

__all__ = ["PreviewSession"]
