"""Theme assets (CSS, scripts, icons) copied with a content hash in their names, for long caching."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from publish.editor_files import is_clutter
from publish.errors import PublishError
from publish.model import Artifact
from publish.render.web.kept_bytes import KeptBytes

__all__ = ["Assets"]

OUTPUT_DIR = "assets"
_CSS_KEPT = (
    r"\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|(?i:url)\(\s*+[^\"'()\s][^()]*\)"
    r"|\\[0-9a-fA-F]{1,6}(?:\r\n|[ \t\n\r\f])?|\\."
)
"""A quoted CSS string, an unquoted url(…) or an escaped character (a hex escape with the one
white space it ends with, CR LF counting as one): kept as written, since they may hold «/*»
and their spaces count."""

_CSS_STRING_OR_COMMENT = re.compile(f"({_CSS_KEPT})|/\\*.*?(?:\\*/|\\Z)", re.DOTALL)
"""What is kept as written (group 1), or a comment."""


STRIPPED = KeptBytes(16 << 20)
"""Stylesheets and scripts without their comments, by suffix and digest of the bytes read: the
same theme's assets (the built-in one's, or a project's rebuilt by `publish serve`) are
stripped once per process (~20 ms of every build)."""


def _stripped(suffix: str, data: bytes) -> bytes:
    """The bytes to publish of an asset with this suffix: a stylesheet's or script's without
    comments (remembered per process), any other file's as they are."""
    strip = {".css": css_without_comments, ".js": js_without_comments}.get(suffix)
    if strip is None:
        return data
    key = (suffix, hashlib.sha256(data).digest())
    kept = STRIPPED.get(key)
    if kept is None:
        kept = strip(data)
        STRIPPED.put(key, kept)
    return kept


class Assets:
    """The files of `templates/assets/`, each published as `assets/<stem>.<hash8><suffix>`
    (an editor's swap and backup files and a folder view's Thumbs.db or .DS_Store are not)."""

    def __init__(self, folder: Path, project: Path | None = None) -> None:
        """Read every asset once and name it by its content."""
        self.files: dict[str, tuple[str, bytes]] = {}
        if folder.is_dir():
            allowed = _allowed_places(folder, project)
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                name = path.relative_to(folder).as_posix()
                if any(is_clutter(part) for part in name.split("/")):
                    # A vim swap file holds unsaved text; Thumbs.db and .DS_Store list the folder.
                    continue
                _refuse_outside(path, name, allowed)
                data = _stripped(path.suffix.lower(), path.read_bytes())
                pure = PurePosixPath(name)
                digest = hashlib.sha256(data).hexdigest()[:8]
                hashed = pure.with_name(f"{pure.stem}.{digest}{pure.suffix}").as_posix()
                self.files[name] = (f"{OUTPUT_DIR}/{hashed}", data)

    def path(self, name: str) -> str:
        """The site path of an asset, e.g. "style.css" → "/assets/style.1a2b3c4d.css"."""
        try:
            return "/" + self.files[name][0]
        except KeyError:
            raise PublishError(
                f"giao diện dùng tệp templates/assets/{name} nhưng tệp không tồn tại. "
                "Cách sửa: thêm tệp đó hoặc sửa tên trong asset_url(...)."
            ) from None

    def data(self, name: str) -> bytes:
        """The bytes of an asset."""
        return self.files[name][1]

    def artifacts(self) -> Iterator[Artifact]:
        """One artifact per asset."""
        for name, (path, data) in self.files.items():
            yield Artifact("web", path, data, source=f"templates/assets/{name}")


def _allowed_places(folder: Path, project: Path | None) -> tuple[str, ...]:
    """The folders an asset's file may really be in: the theme's, and the project's."""
    places = [folder.parent, *([project] if project is not None else [])]
    return tuple(os.path.join(os.path.realpath(p), "") for p in places)


def _refuse_outside(path: Path, name: str, allowed: tuple[str, ...]) -> None:
    """Raise when the asset is a link to a file outside the theme and the project: every asset
    is published, so a link to ~/.ssh/id_rsa or /etc/passwd would put that file on the web."""
    real = os.path.realpath(path)
    if real.startswith(allowed):
        return
    raise PublishError(
        f"tệp giao diện templates/assets/{name} là liên kết tượng trưng (symlink) tới «{real}», "
        "nằm ngoài thư mục dự án: mọi tệp trong templates/assets/ đều được đưa lên website, nên "
        "không dựng gì. Cách sửa: xóa liên kết rồi chép đúng tệp cần dùng vào templates/assets/."
    )


def css_without_comments(data: bytes) -> bytes:
    """A stylesheet without its comments and blank lines: they explain the theme to whoever
    edits it, and a phone paid for them on every first visit (a quarter of the default theme's
    bytes). A stylesheet not in UTF-8 is left as it is."""
    try:
        css = data.decode("utf-8")
    except UnicodeDecodeError:
        return data

    out: list[str] = []
    loose: list[str] = []  # text outside what is kept as written, since the last of it
    end = 0
    for m in _CSS_STRING_OR_COMMENT.finditer(css):
        loose.append(css[end : m.start()])
        end = m.end()
        if m[1] is None:
            # A comment parting two tokens stays as an empty one: `a/**/b` is two words, `a b`
            # another selector, `ab` one word; beside white space or punctuation it goes.
            before, after = css[m.start() - 1 : m.start()], css[end : end + 1]
            if before.strip(_CSS_PARTING) and after.strip(_CSS_PARTING):
                loose.append("/**/")
            continue
        out += [_tight("".join(loose)), m[1]]
        loose = []
    out.append(_tight("".join([*loose, css[end:]])))
    text = "".join(out).strip()
    return f"{text}\n".encode() if text else b""


_CSS_PARTING = " \t\r\n\f{};,"
"""White space and the punctuation that parts rules, declarations and list items."""

_CSS_LINE_END = re.compile(r"[ \t\f\r]*\n[ \t\n\r\f]*")
"""A line's end with the white space around it (the next line's indentation): CSS white space
only — a no-break space is part of a name."""

_CSS_SPACE_BESIDE = re.compile(r"[ \t]*([{};])[ \t]*")
"""A space beside a brace or semicolon: nothing parts two tokens there. Spaces after a colon
or comma stay: the browser keeps them as written in a custom property, a value holding var()
and an @supports condition, which page scripts and devtools read."""


def _tight(text: str) -> str:
    """`text`, outside strings, on one line, without the spaces beside the braces and
    semicolons that part rules and declarations (1.5 kB of the default theme's 23.9 kB, paid
    for on the first visit of every phone) nor the last semicolon of a rule; a line ends after
    each closing brace, so a rule is a line to read in a diff or a browser. A custom property
    whose value holds braces or semicolons (`--v: { a ; b }`) is tightened too: a script reading
    it gets `{a;b}` (no theme of ours writes one)."""
    text = _CSS_SPACE_BESIDE.sub(r"\1", _CSS_LINE_END.sub(" ", text))
    return text.replace(";}", "}").replace("}", "}\n")


_JS_OTHER_LINE_END = re.compile("\r(?!\n)|[\u2028\u2029]")
"""What JavaScript reads as a line's end besides "\n" and "\r\n" (a lone CR, U+2028, U+2029)."""


def js_without_comments(data: bytes) -> bytes:
    """A script without its comment lines, indentation and blank lines: the default search.js
    was a fifth comments, paid for by every phone opening the search page. Only comments that
    fill their lines are left out (`// …`, and `/* … */` from a line's start), and a script
    holding what could carry one across lines (a template literal, a string continued with a
    backslash, a comment opened after code) is published as written: a theme's own script is
    never guessed at. A script not in UTF-8 is left as it is too."""
    try:
        js = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    if _JS_OTHER_LINE_END.search(js):
        return data  # a line end only JavaScript sees could hide code behind a `//` line
    kept: list[str] = []
    in_comment = False
    # Lines end at "\n" alone: str.splitlines() also splits at \x0c, \x85, U+2028… inside a
    # string literal, which cut it in two and left the search page a script that never ran.
    for line in js.split("\n"):
        text = line.strip(" \t\r")
        if in_comment:
            if "*/" not in text:
                continue
            text, in_comment = text.split("*/", 1)[1].strip(), False
        elif text.startswith("/*"):
            if "*/" not in text[2:]:
                in_comment = True
                continue
            text = text[2:].split("*/", 1)[1].strip()
        if text.startswith("//") or not text:
            continue
        if "`" in text or "/*" in text or text.endswith("\\"):
            return data
        kept.append(text)
    return "".join(f"{line}\n" for line in kept).encode("utf-8")
