"""A Hugo content file read: its front matter (YAML, TOML or JSON), body and names."""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from publish.fields import DATE_PREFIX
from publish.frontmatter import FrontMatterError, split
from publish.text import nfc, slugify

TOML_LINE_RE = re.compile(r"\(at line (\d+)")
HOLD_KEYS = frozenset(
    {"published", "status", "hidden", "private", "unlisted", "unpublished", "headless"}
)
"""Keys that keep a post off the Hugo site (headless: Hugo makes no page of the bundle)."""
CASCADED_KEYS = HOLD_KEYS | {"draft", "_build", "build", "expirydate", "publishdate"}
"""Keys a list page's `cascade` may hide its section's posts with."""


@dataclass(frozen=True, slots=True)
class Source:
    """A Hugo content file read: where it was, its front matter and its body."""

    path: str
    """Relative to the Hugo site's content/, with '/' (posts/a.md, posts/b/index.md)."""
    data: dict[str, Any]
    body: str
    body_line: int
    folder: str = ""
    """A multilingual site's content folder of the file's language (vi for content/vi/)."""
    suffix: str = ""
    """The language in the file's name (en for a.en.md)."""

    @property
    def shown(self) -> str:
        """The file as messages name it (content/posts/a.md)."""
        return f"content/{self.path}"

    @property
    def logical(self) -> str:
        """The path Hugo makes the address from and pairs translations by: below the
        language's folder, without the language in the name (vi/posts/a.en.md → posts/a.md)."""
        path = self.path.removeprefix(f"{self.folder}/") if self.folder else self.path
        return path.removesuffix(f".{self.suffix}.md") + ".md" if self.suffix else path

    @property
    def bundle(self) -> str | None:
        """The page bundle's folder (posts/b) when the file is one's index.md (index.en.md)."""
        name = f"/index.{self.suffix}.md" if self.suffix else "/index.md"
        return posixpath.dirname(self.path) if self.path.endswith(name) else None

    @property
    def section(self) -> str:
        """The folder above the post (or its bundle): "" for a file directly in content/ (or
        in its language's folder)."""
        logical = self.logical
        bundle = posixpath.dirname(logical) if logical.endswith("/index.md") else None
        return posixpath.dirname(bundle or logical)

    @property
    def stem(self) -> str:
        """The name Hugo makes the address from: the bundle folder's or the file's."""
        logical = self.logical
        bundle = posixpath.dirname(logical) if logical.endswith("/index.md") else None
        return posixpath.basename(bundle or logical.removesuffix(".md"))

    def get(self, *names: str) -> Any:
        """The value of the first of `names` present, keys compared case-insensitively."""
        for name in names:
            for key, value in self.data.items():
                if key.lower() == name:
                    return value
        return None


def read(path: str, text: str) -> Source:
    """The front matter (YAML `---`, TOML `+++` or JSON `{`) and body of a Hugo file; raise
    FrontMatterError naming the line when they cannot be read."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if text.startswith("+++\n"):
        end = text.find("\n+++", 3)
        if end < 0:
            raise FrontMatterError("phần đầu TOML không có dòng '+++' đóng lại", line=1)
        try:
            data = tomllib.loads(text[4 : end + 1])
        except tomllib.TOMLDecodeError as exc:
            at = TOML_LINE_RE.search(str(exc))
            raise FrontMatterError(
                f"phần đầu TOML sai cú pháp: {str(exc).split(' (at')[0]}",
                line=int(at[1]) + 1 if at else 1,
                hint="Sửa dòng đó trong tệp Hugo (giá trị chữ đặt trong ngoặc kép) rồi chạy lại.",
            ) from None
        rest = text[end + 4 :].removeprefix("\n")
        return Source(path, data, rest, text.count("\n", 0, len(text) - len(rest)) + 1)
    if text.startswith("{"):
        try:
            data, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError as exc:
            raise FrontMatterError(
                f"phần đầu JSON sai cú pháp: {exc.msg}", line=exc.lineno
            ) from None
        rest = text[end:].removeprefix("\n")
        return Source(path, data, rest, text.count("\n", 0, len(text) - len(rest)) + 1)
    parsed = split(text)
    return Source(path, parsed.data, parsed.body, parsed.body_line)


def cascaded(sources: list[Source], lists: list[Source]) -> list[Source]:
    """`sources` with what a section's list page (`_index.md`) hands down to its posts in
    `cascade` and keeps them off the site with (draft, _build, headless…) where a post does
    not set it itself, as Hugo reads it: a section hidden so had every post imported as
    published."""
    handed: list[tuple[str, dict[str, Any]]] = []
    for listing in lists:
        value = listing.get("cascade")
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                held = {str(k): v for k, v in item.items() if str(k).lower() in CASCADED_KEYS}
                if held:
                    handed.append((posixpath.dirname(listing.path), held))
    if not handed:
        return sources
    out = []
    for source in sources:
        data = dict(source.data)
        for folder, held in sorted(handed, key=lambda h: -len(h[0])):  # nearest first
            if folder and not source.path.startswith(folder + "/"):
                continue
            own = {k.lower() for k in data}
            data.update({k: v for k, v in held.items() if k.lower() not in own})
        out.append(dataclasses.replace(source, data=data))
    return out


def slug_of(source: Source) -> str:
    """The post's slug here: Hugo's `slug`, else its file (or bundle) name, made a-z 0-9 -."""
    written = source.get("slug")
    name = written if isinstance(written, str) and written.strip() else source.stem
    return slugify(DATE_PREFIX.sub("", name)) or "bai-viet"


def strings(value: Any) -> list[str]:
    """A string or list of strings as a list (other values left out)."""
    items = value if isinstance(value, list) else [value]
    return [nfc(str(v).strip()) for v in items if isinstance(v, str | int) and str(v).strip()]


Tell = Callable[..., None]
