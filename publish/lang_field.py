"""Front matter `lang`: the language a bulletin or page is written in when not the site's
(publish.languages), checked; and a bulletin in another language kept from the radio.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from publish.config import CHANNELS, Config, language_tag_problem
from publish.fields import Collector, kind
from publish.languages import spoken
from publish.text import folded_words, quoted

__all__ = ["language", "radio_channels"]

NAMED = {
    **dict.fromkeys(("english", "tieng anh", "anh"), "en"),
    **dict.fromkeys(("vietnamese", "tieng viet", "viet", "viet nam", "vn"), "vi"),
    **dict.fromkeys(("french", "tieng phap", "phap"), "fr"),
    **dict.fromkeys(("chinese", "tieng trung", "tieng hoa", "trung", "hoa"), "zh"),
    **dict.fromkeys(("korean", "tieng han", "han"), "ko"),
    **dict.fromkeys(("japanese", "tieng nhat", "nhat"), "ja"),
    **dict.fromkeys(("khmer", "tieng khmer", "campuchia"), "km"),
    **dict.fromkeys(("tieng lao",), "lo"),
    **dict.fromkeys(("thai", "tieng thai"), "th"),
    **dict.fromkeys(("russian", "tieng nga", "nga"), "ru"),
}
"""A language written by its name (English, tiếng Anh) or a country code taken for one (vn),
folded, and its BCP 47 tag."""

EXAMPLE_TAG = "en"
EXAMPLE = f"lang: {EXAMPLE_TAG}"


def _normal(tag: str) -> str:
    """A tag as BCP 47 writes it: the language in lower case, a two-letter region in capitals
    ("EN_us" → "en-US"); case means nothing to a screen reader but reads oddly in the HTML."""
    parts = tag.strip().replace("_", "-").split("-")
    return "-".join(
        [parts[0].lower()]
        + [p.upper() if len(p) == 2 and p.isalpha() else p.lower() for p in parts[1:]]
    )


def _primary(tag: str) -> str:
    """A tag's language without its region ("vi-VN", "vi_VN", "VI" → "vi")."""
    return tag.strip().replace("_", "-").split("-")[0].lower()


def language(col: Collector, data: Mapping[str, Any], config: Config) -> str:
    """The bulletin's or page's language when front matter `lang` names another than the site's
    (normalised, "en"), else "" (the site's language, site.toml [site] language); a value that
    is no language tag is an error naming what to write."""
    value = data.get("lang")
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if not isinstance(value, str):
        col.add(
            f"cần một mã ngôn ngữ, nhận được {kind(value)}",
            field="lang",
            hint=f"Ghi mã hai chữ cái của ngôn ngữ bài viết, ví dụ {EXAMPLE} (tiếng Anh). "
            "Bài tiếng Việt thì xóa dòng này.",
        )
        return ""
    written = value.strip()
    named = NAMED.get(folded_words(written))
    problem = language_tag_problem(written, example=f"«{EXAMPLE_TAG}» (tiếng Anh)", mended=True)
    if named is None and problem is None:
        tag = _normal(written)
        # «vi» on a «vi-VN» site, and «vi-VN» on a «vi» one, is the site's language.
        return "" if _primary(tag) == _primary(config.site.language) else tag
    meant = (problem.meant if problem else "") or named or ""
    if problem and (problem.meant or not named):
        message = problem.message
    else:
        message = f"{quoted(written)} không phải mã ngôn ngữ: cần mã hai chữ cái «{meant}»"
    col.add(
        message,
        field="lang",
        hint=(f"Sửa thành lang: {meant}" if meant else f"Ví dụ {EXAMPLE}")
        + (
            ". Bài tiếng Việt thì xóa dòng này."
            if meant == "vi"
            else ". Trình đọc màn hình đọc phần nội dung bài bằng giọng của ngôn ngữ này; "
            "mã theo chuẩn BCP 47: en (tiếng Anh), fr (tiếng Pháp), zh (tiếng Trung), "
            "ko (tiếng Hàn), ja (tiếng Nhật), km (tiếng Khmer)."
        ),
    )
    return ""


def radio_channels(
    col: Collector, data: Mapping[str, Any], lang: str, channels: frozenset[str]
) -> frozenset[str]:
    """`channels` without the radio for a bulletin in another language than Vietnamese: the
    radio's voice would read English as Vietnamese syllables. Taken out with a note when the
    radio came from site.toml's default channels; an error when the bulletin asks for it
    (`channels` naming radio, or a `radio:` block)."""
    if spoken(lang) or "radio" not in channels:
        return channels
    listed, block = data.get("channels") is not None, "radio" in data
    if listed or block:
        others = [c for c in CHANNELS if c in channels and c != "radio"]
        fixes = []
        if listed:
            fixes.append(
                "bỏ radio khỏi channels" + (f" (channels: {', '.join(others)})" if others else "")
            )
        if block:
            fixes.append("xóa khối radio:")
        col.add(
            f"bản tin viết bằng ngôn ngữ khác tiếng Việt (lang: {lang}) không phát thanh được: "
            "đài đọc kịch bản bằng giọng tiếng Việt",
            field="channels" if listed else "radio",
            hint=" và ".join(fixes).capitalize()
            + ". Muốn đài đọc tin này thì viết một bản tin tiếng Việt riêng.",
        )
    else:
        col.add(
            f"bản tin viết bằng ngôn ngữ khác tiếng Việt (lang: {lang}): không đưa vào kịch bản "
            "phát thanh (đài đọc bằng giọng tiếng Việt); các kênh khác vẫn đăng",
            field="lang",
            hint="Không cần sửa. Muốn đài đọc tin này thì viết một bản tin tiếng Việt riêng.",
            severity="note",
        )
    return channels - {"radio"}
