"""Why a text file is not UTF-8, in words an editor can act on: what it was likely saved as, where,
and how to save it as UTF-8.

Three cases come up: Notepad's "Unicode" (UTF-16, every character two bytes), an old Vietnamese
code page (Windows-1258 from Notepad's "ANSI", or TCVN3/VNI from old Word documents), and a UTF-8
file with a few damaged bytes (text pasted from elsewhere).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["NotUtf8", "not_utf8"]

WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "UTF-32 BE"),
    (b"\xff\xfe", "UTF-16 LE"),
    (b"\xfe\xff", "UTF-16 BE"),
)
NOTEPAD_NAMES = {
    "UTF-16 LE": "«UTF-16 LE» hay «Unicode»",
    "UTF-16 BE": "«UTF-16 BE» hay «Unicode big endian»",
}
"""What Notepad (new, old) calls each encoding in its Save As window."""
ZIP_MAGIC = b"PK\x03\x04"
"""The first bytes of a .docx, .odt or .zip file."""
BINARY_MAGIC = (
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"\x89PNG\r\n\x1a\n", "ảnh PNG"),
    (b"GIF8", "ảnh GIF"),
    (b"%PDF-", "tệp PDF"),
    (b"\xd0\xcf\x11\xe0", "tài liệu Word hay Excel cũ (.doc, .xls)"),
)
"""The first bytes of files an editor may save or rename as .md by mistake, and what they are:
their zero and high bytes were told as a text encoding («UTF-16 BE»)."""
SAMPLE = 4096
"""Bytes looked at for the zero bytes of UTF-16 written without a BOM."""
SAVE_AS_UTF8 = (
    "Mở tệp bằng trình soạn thảo và lưu lại với mã hóa UTF-8 (Notepad: File › Save As, ô "
    "Encoding chọn UTF-8; VS Code: bấm tên mã hóa ở thanh dưới cùng, chọn Save with Encoding › "
    "UTF-8)."
)


@dataclass(frozen=True, slots=True)
class NotUtf8:
    """What to tell about a file that is not UTF-8."""

    message: str
    line: int | None
    """The line of the first bad byte; None when the whole file is in another encoding."""
    hint: str


def not_utf8(raw: bytes, exc: UnicodeDecodeError) -> NotUtf8:
    """What to tell about `raw`, which `exc` (from decoding it as UTF-8) says is not UTF-8."""
    if raw.startswith(ZIP_MAGIC):
        # Word's Save As keeps the .docx format whatever name it is given; the zip's zero
        # bytes looked like Notepad's "Unicode".
        return NotUtf8(
            "tệp là tài liệu Word (.docx) hay một tệp nén, không phải văn bản thường",
            None,
            "Word không lưu được Markdown. Tạo bản tin bằng publish new, mở tệp đó bằng Notepad "
            "hay VS Code, dán nội dung từ Word vào rồi lưu.",
        )
    for magic, what in BINARY_MAGIC:
        if raw.startswith(magic):
            return NotUtf8(
                f"tệp là {what}, không phải tệp văn bản: có lẽ bị đặt nhầm tên hay chép nhầm",
                None,
                "Ảnh và tệp để tải về giữ đúng đuôi của chúng (.jpg, .png, .pdf…), đặt trong "
                "content/images/ hay content/tep/ và được dẫn tới từ bản tin; bản tin là tệp văn "
                "bản .md (tạo bằng publish new). Đổi lại tên tệp này, hoặc chép đúng tệp vào chỗ nó.",
            )
    wide = _wide(raw)
    if wide is not None:
        named = f" (Notepad ghi là {NOTEPAD_NAMES[wide]})" if wide in NOTEPAD_NAMES else ""
        return NotUtf8(
            f"tệp được lưu bằng mã hóa {wide}{named}, không phải UTF-8", None, SAVE_AS_UTF8
        )
    line = raw.count(b"\n", 0, exc.start) + 1
    byte = f"byte 0x{raw[exc.start]:02x} không hợp lệ"
    if _mostly_utf8(raw):
        return NotUtf8(
            f"tệp có chỗ không phải UTF-8 ({byte}) dù phần còn lại đúng UTF-8: thường do dán "
            "chữ từ nơi khác",
            line,
            "Gõ lại các chữ hiện sai ở dòng này (và các dòng khác nếu có) rồi lưu với mã hóa "
            "UTF-8.",
        )
    hint = (
        SAVE_AS_UTF8 + " Nếu mở ra chữ Việt đã sai (ví dụ «Th«ng b¸o»), trước hết chuyển mã "
        "sang Unicode bằng công cụ chuyển mã của UniKey."
    )
    if _windows_1258(raw):
        # A server reached only by a terminal has no Notepad: iconv ships with every Linux.
        hint += (
            " Tệp này đọc được như Windows-1258 (Notepad ghi là «ANSI»): trên Linux, macOS chuyển "
            "bằng iconv -f WINDOWS-1258 -t UTF-8 TỆP > TỆP.moi (TỆP: tên tệp nêu ở đầu dòng "
            "lỗi), mở TỆP.moi xem chữ Việt đã đúng chưa, rồi mv TỆP.moi TỆP."
        )
    return NotUtf8(
        f"tệp không phải UTF-8 ({byte}): có lẽ tệp được lưu bằng bảng mã tiếng Việt cũ "
        "(Windows-1258, TCVN3 hay VNI)",
        line,
        hint,
    )


_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for vowel in "aăâeêioôơuưy"
    for base in (vowel, vowel.upper())
    for tone in _TONES
) | frozenset("đĐ")
"""Every letter of Vietnamese beyond ASCII, precomposed (NFC)."""
PUNCTUATION = frozenset("“”‘’–—…«»•°×·\u00a0")
"""What else beyond ASCII a bulletin typed on Windows holds."""


def _windows_1258(raw: bytes) -> bool:
    """Whether `raw` reads as Vietnamese saved in Windows-1258 (Notepad's «ANSI»): its tone
    marks, combining in that code page, sit on letters, and every character beyond ASCII is
    then a Vietnamese letter or common punctuation. TCVN3 or VNI read so give «, ¸, ø, ï…"""
    try:
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    except UnicodeDecodeError:
        return False
    beyond = {c for c in text if c > "\x7f"}
    return bool(beyond & VIETNAMESE_LETTERS) and beyond <= VIETNAMESE_LETTERS | PUNCTUATION


def _wide(raw: bytes) -> str | None:
    """The wide encoding `raw` looks written in ("UTF-16 LE", "UTF-32 BE"…), by its byte order
    mark or by the zero bytes of UTF-16 without one; else None."""
    for bom, name in WIDE_BOMS:
        if raw.startswith(bom):
            return name
    sample = raw[:SAMPLE]
    # In UTF-16, every ASCII character (the front matter's keys, spaces, line breaks) holds a
    # zero byte; a text file in any other encoding holds none.
    if not sample or sample.count(0) * 4 < len(sample):
        return None
    # The zero is the high byte: second in little-endian order, first in big-endian.
    return "UTF-16 LE" if sample[1::2].count(0) >= sample[::2].count(0) else "UTF-16 BE"


def _mostly_utf8(raw: bytes) -> bool:
    """Whether `raw` holds more characters written right in UTF-8 beyond ASCII than bad bytes."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if c > "\x7f") - bad
    return good > bad
