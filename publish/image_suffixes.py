"""The names of image files a website is made from: a module of its own, importing nothing, so
the checks that only need the names (linked_folders, read by every sync's replay check) do not
load content_images and, through it, Python-Markdown."""

from __future__ import annotations

__all__ = ["IMAGE_SUFFIXES", "SUFFIX_FORMATS"]

SUFFIX_FORMATS = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".jpe": "JPEG",
    ".png": "PNG",
    ".gif": "GIF",
    ".webp": "WebP",
    ".bmp": "BMP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
}
"""The format each name of an image file says, for every image file a website is made from."""
IMAGE_SUFFIXES = frozenset(SUFFIX_FORMATS)
"""Names of the image files a website is made from (what Pillow reads and the web pages show)."""
