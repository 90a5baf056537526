"""What a body's local photo becomes on the website: its variants, size and attributes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from publish.model import by_constructor

__all__ = ["SIZED", "SIZES", "ImageInfo", "ImageLookup", "sized_attributes"]

SIZES = "(min-width: 48rem) 44rem, 100vw"
SIZED = "data-sized"
"""Marks an image whose width and height the build wrote (the photo's own): its box may be held
at that size (the stylesheet's `contain: size`). One the editor sized by hand, maybe not in the
photo's proportions, keeps the height the browser gives it."""


@dataclass(frozen=True, slots=True)
class ImageInfo:
    """What the figure of one local image gets: src, srcset and intrinsic size."""

    __reduce__ = by_constructor  # loads fast: every reused page unpickles one

    src: str
    srcset: str
    width: int
    height: int


ImageLookup = Callable[[str], "ImageInfo | None"]


def sized_attributes(info: ImageInfo | None, *, eager: bool) -> list[tuple[str, str]]:
    """The attributes a body's image gets, in the order set: its variants and size when it is
    a local image (`info`), then the loading hints."""
    sized = []
    if info is not None:
        sized = [
            ("src", info.src),
            ("srcset", info.srcset),
            ("sizes", SIZES),
            ("width", str(info.width)),
            ("height", str(info.height)),
            (SIZED, ""),
        ]
    return [*sized, ("loading", "eager" if eager else "lazy"), ("decoding", "async")]
