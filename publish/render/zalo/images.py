"""Zalo-ready image URLs: the public URL of a variant the website already serves, under Zalo's size cap.

Zalo fetches every cover and body image itself from a public URL (JPG/PNG ≤ 1 MB), and has no
upload endpoint for articles. So a Zalo article points at the JPEG variants the web channel
makes (same Pillow pipeline and cache, hence the same file names): no second copy to host.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from publish.config import Config
from publish.render.web.images import Pictures

__all__ = ["ZaloImage", "ZaloImages", "public_url"]

URL_SAFE = ":/?#[]@!$&'()*+,;=~%"


def public_url(url: str) -> str:
    """Percent-encode spaces and non-ASCII characters, which Zalo rejects (`photo_url is invalid`)."""
    return quote(url, safe=URL_SAFE)


@dataclass(frozen=True, slots=True)
class ZaloImage:
    """The chosen variant of one content image: absolute URL and byte size (None when none fits)."""

    url: str | None
    size: int
    smallest_size: int


class ZaloImages:
    """For each content image, the widest web variant whose file is within Zalo's byte limit."""

    def __init__(self, config: Config, *, max_bytes: int) -> None:
        """Share the web channel's widths and resize cache."""
        self.config = config
        self.max_bytes = max_bytes
        self._pictures = Pictures(config.root, config.web.image_widths, url=lambda p: "/" + p)
        self._sizes: dict[str, int] = {}
        self._chosen: dict[str, ZaloImage] = {}

    def image(self, path: str, *, owner: str) -> ZaloImage:
        """The Zalo image for `path` (relative to content/); may raise PublishError if unreadable."""
        if path not in self._chosen:
            picture = self._pictures.picture(path, owner=owner)
            for artifact in self._pictures.drain():
                self._sizes[artifact.path] = len(artifact.data)
            sizes = [(v, self._sizes.get(v.path, 0)) for v in picture.variants]
            fitting = [(v, s) for v, s in sizes if s <= self.max_bytes]
            smallest = min(s for _, s in sizes)
            if fitting:
                variant, size = fitting[-1]
                url = public_url(self.config.absolute_url(variant.path))
                self._chosen[path] = ZaloImage(url, size, smallest)
            else:
                self._chosen[path] = ZaloImage(None, smallest, smallest)
        return self._chosen[path]
