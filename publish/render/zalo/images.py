"""Zalo-ready image URLs: the public URL of a variant the website already serves, under Zalo's size cap.

Zalo fetches every cover and body image itself from a public URL (JPG/PNG ≤ 1 MB), and has no
upload endpoint for articles. So a Zalo article points at the JPEG variants the web channel
makes (same Pillow pipeline and cache, hence the same file names): no second copy to host.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from urllib.parse import quote, urlsplit

from publish.cache import Fragments
from publish.config import Config
from publish.errors import PublishError, os_reason
from publish.image_suffixes import SUFFIX_FORMATS
from publish.parallel import run_jobs
from publish.render.web.images import Picture, Pictures

__all__ = ["ZaloImage", "ZaloImages", "public_url", "refused_format"]

URL_SAFE = ":/?#[]@!$&'()*+,;=~%"
REFUSED_FORMATS = {
    **{suffix: name for suffix, name in SUFFIX_FORMATS.items() if name not in ("JPEG", "PNG")},
    ".svg": "SVG",
    ".avif": "AVIF",
    ".heic": "HEIC",
}
"""Formats a picture's name may say that Zalo does not take (it fetches JPG/PNG only)."""


def refused_format(url: str) -> str | None:
    """The format an image address's name says when Zalo does not take it («GIF»): such a
    picture in an article fails the whole article at Zalo (-200 when it is verified). None when
    the name says JPG or PNG, or says nothing."""
    return REFUSED_FORMATS.get(posixpath.splitext(urlsplit(url).path.lower())[1])


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

    def __init__(
        self, config: Config, *, max_bytes: int, digests: Mapping[str, str] | None = None
    ) -> None:
        """Share the web channel's widths, resize cache and what earlier builds made of each
        image (`digests`: see Site.digests)."""
        self.config = config
        self.max_bytes = max_bytes
        self._pictures = Pictures(
            config.root,
            config.web.image_widths,
            url=lambda p: "/" + p,
            fragments=Fragments(config.root),
            digests=digests,
            files=False,
        )
        self._chosen: dict[str, ZaloImage | PublishError] = {}

    def prepare(self, uses: Iterable[tuple[str, str]]) -> None:
        """Choose for every (path, owner) at once: those an earlier build resized are known
        here; the rest (a first build: every photo) are resized on every core."""
        todo: dict[str, str] = {}
        for path, owner in uses:
            if path in self._chosen or path in todo:
                continue
            picture = self._pictures.remembered(path)
            if picture is not None:
                self._chosen[path] = self._fitting(picture)
            else:
                todo[path] = owner
        jobs = [partial(self._choose, path, owner) for path, owner in todo.items()]
        for path, chosen in zip(todo, run_jobs(jobs, chunk=4, min_jobs=8), strict=True):
            self._chosen[path] = chosen

    def image(self, path: str, *, owner: str) -> ZaloImage:
        """The Zalo image for `path` (relative to content/); may raise PublishError if unreadable."""
        if path not in self._chosen:
            self._chosen[path] = self._choose(path, owner)
        chosen = self._chosen[path]
        if isinstance(chosen, PublishError):
            raise chosen
        return chosen

    def _choose(self, path: str, owner: str) -> ZaloImage | PublishError:
        """The choice for one image, or why it cannot be read (a job: may run in a worker)."""
        try:
            return self._fitting(self._pictures.picture(path, owner=owner))
        except PublishError as exc:
            return exc
        except OSError as exc:  # e.g. [site] default_cover names a file that is not there
            return PublishError(f"không đọc được ảnh content/{path}: {os_reason(exc)}")
        finally:
            for _ in self._pictures.drain():
                pass  # the web channel writes the variants; here only their sizes count

    def _fitting(self, picture: Picture) -> ZaloImage:
        """The widest variant within the byte limit, if any."""
        fitting = [v for v in picture.variants if v.size <= self.max_bytes]
        smallest = min(v.size for v in picture.variants)
        if not fitting:
            return ZaloImage(None, smallest, smallest)
        url = public_url(self.config.absolute_url(fitting[-1].path))
        return ZaloImage(url, fitting[-1].size, smallest)
