"""A multilingual Hugo site's languages: which one each content file is in, which one is
imported, and the prefix Hugo put before that language's addresses."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

VIETNAMESE_KEYS = frozenset({"vi", "vn", "vie", "vi-vn"})
"""Language keys a Vietnamese Hugo site gives its own language («vn» is a common mistake)."""


class LanguageError(ValueError):
    """The Hugo site's languages cannot be imported as they are set (the message says why)."""


@dataclass(frozen=True, slots=True)
class Languages:
    """The languages of a multilingual Hugo site ([languages] in its config)."""

    chosen: str
    """The language imported (its key, lower case)."""
    default: str
    """defaultContentLanguage: a file with no language of its own is in it."""
    in_subdir: bool = False
    """defaultContentLanguageInSubdir: the default language's addresses start /<key>/ too."""
    folders: Mapping[str, str] = field(default_factory=dict)
    """Language → its content folder below content/ (contentDir = "content/vi" → "vi")."""
    keys: frozenset[str] = frozenset()
    fallback: bool = False
    """No language is Vietnamese and none was asked for: `chosen` is just the default one."""

    def of(self, path: str) -> tuple[str, str, str]:
        """(language, its folder, the file's language suffix) of a file below content/: by
        its folder, else by the suffix of its name (a.en.md), else the default language."""
        language, folder = self.default, ""
        for key, below in self.folders.items():
            if path.startswith(below + "/") and len(below) > len(folder):
                language, folder = key, below
        parts = posixpath.basename(path).split(".")
        suffix = parts[-2] if len(parts) >= 3 and parts[-2].lower() in self.keys else ""
        return (suffix.lower() or language), folder, suffix

    def prefix(self, language: str) -> str:
        """What Hugo put before the addresses it made for `language` ("" or "/en")."""
        if language == self.default and not self.in_subdir:
            return ""
        return f"/{language}"


def languages_of(settings: Mapping[str, Any], chosen: str | None) -> Languages | None:
    """The site's Languages from its config (top-level keys lower case), None when it sets
    no [languages]; LanguageError when `chosen` (--language) or a contentDir cannot be used."""
    table = settings.get("languages")
    if not isinstance(table, dict) or not table:
        return None
    options = {
        str(key).lower(): {str(k).lower(): v for k, v in value.items()}
        for key, value in table.items()
        if isinstance(value, dict)
    }
    if not options:
        return None
    written = settings.get("defaultcontentlanguage")
    default = written.lower() if isinstance(written, str) and written.strip() else "en"
    folders: dict[str, str] = {}
    for key, values in options.items():
        place = values.get("contentdir")
        if not isinstance(place, str) or not place.strip():
            continue
        below = posixpath.normpath(place.strip().replace("\\", "/")).removeprefix("./")
        if not below.startswith("content/") or ".." in below.split("/"):
            # Only content/ is read: a contentDir may name any folder on the disk (/etc, ../..).
            raise LanguageError(
                f"languages.{key}.contentDir = «{place}»: công cụ chỉ đọc bài trong content/ "
                "của website Hugo. Chưa nhập gì. Cách sửa: chuyển thư mục đó vào content/ của "
                "website Hugo (và sửa contentDir theo chỗ mới) rồi chạy lại."
            )
        folders[key] = below.removeprefix("content/")
    keys = frozenset(options)
    if chosen is not None:
        picked = chosen.strip().lower()
        if picked not in keys:
            raise LanguageError(
                f"--language {chosen}: website Hugo không có ngôn ngữ này. "
                f"Dùng một trong: {', '.join(sorted(keys))}."
            )
    else:
        picked = next((k for k in sorted(keys) if _vietnamese(k, options[k])), "")
    return Languages(
        picked or default,
        default,
        settings.get("defaultcontentlanguageinsubdir") is True,
        folders,
        keys,
        fallback=not picked,
    )


def _vietnamese(key: str, values: Mapping[str, Any]) -> bool:
    """Whether a language of the Hugo site is Vietnamese, by its key, code or name."""
    code = values.get("languagecode")
    name = values.get("languagename")
    return (
        key in VIETNAMESE_KEYS
        or (isinstance(code, str) and code.lower().startswith("vi"))
        or (isinstance(name, str) and ("việt" in name.lower() or "viet" in name.lower()))
    )
