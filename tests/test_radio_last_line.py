"""A bulletin's last line alone: the writer's credit (not read) or words for the listener (read).

Session 35: places were dropped as signatures, and credits that are no name were read.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from publish.radio.markdown import byline
from publish.radio.normalise import normalise
from publish.radio.options import SpeakOptions
from publish.radio.place_kinds import KINDS

_BODY = "Người dân cần cảnh giác.\n\n"


@pytest.mark.parametrize(
    ("body", "last", "said"),
    [
        ("Công an huyện Kim Sơn ra quân.\n\n", "H. Kim Sơn", "Huyện Kim Sơn."),
        ("Tại quận Hoàng Mai, tổ công tác ra quân.\n\n", "Q. Hoàng Mai", "Quận Hoàng Mai."),
        ("Công an huyện Kim Sơn ra quân.\n\n", "Kim Sơn.", "Kim Sơn."),
        ("Công an huyện Kim Sơn ra quân.\n\n", "Kim Sơn", "Kim Sơn."),
    ],
)
def test_a_place_the_bulletin_names_is_read_not_taken_for_a_signature(
    body: str, last: str, said: str
) -> None:
    """«H. Kim Sơn», «Q. Hoàng Mai», «Kim Sơn.» ending a bulletin were dropped as the writer's
    name (R1.5): «Kim Sơn» and «Hoàng Mai» are also given names. Where the bulletin itself
    names the place by its kind («huyện Kim Sơn»), the last line is that place, read."""
    spoken = normalise(f"{body}{last}\n")
    assert spoken.text.endswith(f"\n\n{said}")
    assert [f.code for f in spoken.flags] == []
    assert byline(f"{body}{last}\n") == ""


@pytest.mark.parametrize("last", ["H. Kim Sơn", "Kim Sơn."])
def test_a_place_site_toml_names_is_read(last: str) -> None:
    """The places of site.toml (the unit's name and area, its contact address) are places on a
    last line too, named or not in the bulletin."""
    options = SpeakOptions(places=("Kim Sơn", "Ninh Bình"))
    spoken = normalise(f"{_BODY}{last}\n", options=options)
    assert spoken.text.endswith("Kim Sơn.")
    assert spoken.flags == ()
    assert byline(f"{_BODY}{last}\n", places=("Kim Sơn",)) == ""


def test_the_author_field_credits_a_places_letter_and_name() -> None:
    """The author field decides first: «H. Kim Sơn» crediting «Hoàng Kim Sơn» is the writer,
    not read, even where the bulletin names the district."""
    source = "Công an huyện Kim Sơn ra quân.\n\nH. Kim Sơn\n"
    credited = normalise(source, author="Hoàng Kim Sơn")
    assert (credited.text, credited.flags) == ("Công an huyện Kim Sơn ra quân.", ())
    assert normalise(source, author="Nguyễn Văn Nam").text.endswith("Huyện Kim Sơn.")


def test_an_unknown_places_letter_and_given_name_tells_both_readings() -> None:
    """With no author and no place to go by, «H. Kim Sơn» stays a guessed signature (as
    «X. Thu Trang» is), and the warning says how to have it read as the district."""
    spoken = normalise(f"{_BODY}H. Kim Sơn\n")
    assert spoken.text == "Người dân cần cảnh giác."
    (flag,) = spoken.flags
    assert flag.code == "R1.5"
    assert "huyện Kim Sơn" in flag.message


@pytest.mark.parametrize(
    ("last", "credit"),
    [
        ("N.T.H", "N.T.H"),
        ("N.T.H.", "N.T.H"),
        ("*N.T.H*", "N.T.H"),
        ("Ban Biên tập", "Ban Biên tập"),
        ("BAN BIÊN TẬP", "BAN BIÊN TẬP"),
        ("BBT", "BBT"),
        ("PV", "PV"),
        ("PV.", "PV"),
        ("Phóng viên", "Phóng viên"),
        ("Ban Biên Tập", "Ban Biên Tập"),
    ],
)
def test_a_credit_that_names_no_one_ends_a_bulletin_unread(last: str, credit: str) -> None:
    """Initials alone («N.T.H»), «Ban Biên tập», «PV» closing a bulletin were read on air
    («Phóng viên.»): the writer's credit, shown in the header and never read."""
    source = f"{_BODY}{last}\n"
    spoken = normalise(source)
    assert (spoken.text, spoken.flags) == ("Người dân cần cảnh giác.", ())
    assert byline(source) == f"Tác giả: {credit}"


@pytest.mark.parametrize("last", ["Xin cảm ơn PV.", "N.T.H đã bị bắt.", "Ban Biên tập xin cảm ơn."])
def test_a_sentence_holding_a_credit_word_is_read(last: str) -> None:
    """Only the credit alone is a credit: a sentence holding one is read."""
    assert normalise(f"{_BODY}{last}\n").text != "Người dân cần cảnh giác."


def _kind(kind: str) -> str:
    """A kind as source code may write it in a pattern: its words apart by a space or `\\s+`."""
    return r"(?:\\s[+*]+|\s+)".join(map(re.escape, kind.split()))


_KIND_IN_CODE = "|".join(_kind(kind) for kind in sorted(KINDS, key=len, reverse=True))
_KINDS_LISTED = re.compile(
    rf"(?<![^\W\d_])(?i:{_KIND_IN_CODE})(?:\s*+\\?\|\s*+|[\"']\s*+,\s*+[\"'])(?i:{_KIND_IN_CODE})"
    r"(?![^\W\d_])"
)
"""Two kinds side by side as a list in code: a pattern's alternatives (`xã|phường`,
`thị\\s+trấn|huyện`) or a tuple's items (`"tỉnh", "huyện"`)."""


def _lists_kinds(source: str) -> bool:
    """Whether `source` writes down a list of kinds of its own."""
    return _KINDS_LISTED.search(source) is not None


@pytest.mark.parametrize(
    "source",
    [
        'r"công an (?:xã|phường|thị trấn|huyện|tỉnh)"',
        'r"(?i:thị\\s+trấn|thành phố)"',
        'KINDS = ("tỉnh", "huyện")',
        'rf"{KINDS_PATTERN}|Đặc khu|Xã"',
    ],
)
def test_a_list_of_kinds_in_code_is_found(source: str) -> None:
    """The check below finds a list of kinds however a module writes it."""
    assert _lists_kinds(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""A commune in an «đặc khu» is a xã, its head a Công an xã, phường."""',
        'r"{KINDS_PATTERN}|tổ dân phố|khu phố|thôn|ấp"',
        '{"trật", "tự", "xã", "hội"}',
    ],
)
def test_a_kind_named_in_words_is_no_list(source: str) -> None:
    """Naming a kind in a docstring, or a word that is also a kind among other words, is
    no list of kinds: the old check failed on «đặc khu» anywhere."""
    assert not _lists_kinds(source)


def test_the_place_kinds_are_written_once() -> None:
    """The kinds of places were listed three times (abbreviations, markdown): one list,
    place_kinds.KINDS, that every reader of kinds takes. The check was «đặc khu» anywhere
    (a docstring naming it failed) and missed `công an (?:xã|phường|thị trấn|huyện|tỉnh)`:
    no «Công an đặc khu» was a place to go to."""
    radio = Path(__file__).parents[1] / "publish" / "radio"
    for path in radio.glob("*.py"):
        if path.name == "place_kinds.py":
            continue
        found = _KINDS_LISTED.search(path.read_text("utf-8"))
        assert found is None, f"{path.name}: {found[0] if found else ''}"
    assert "đặc khu" in KINDS


@pytest.mark.parametrize("unit", ["Công an đặc khu Côn Đảo", "Công an thành phố Cao Lãnh"])
def test_a_police_post_of_every_kind_is_a_place_to_go_to(unit: str) -> None:
    """«Xem tại Công an xã Tân Bình.» is read without a word; «Xem tại Công an đặc khu Côn
    Đảo.» was told «không nói xem ở đâu» (R1.3): the kinds there were a list of their own."""
    spoken = normalise(f"Mở đầu. Xem tại {unit}.\n")
    assert spoken.text == f"Mở đầu. Xem tại {unit}."
    assert spoken.flags == ()


_TABLE = "| Xã | Số vụ |\n|---|---|\n| Tân Bình | 1 |\n"


@pytest.mark.parametrize(
    "after",
    [
        "Số liệu trên đây cho thấy tội phạm giảm.",
        "Bảng trên cho thấy số vụ giảm mạnh.",
        "Người dân các xã còn lại được Công an xã thông báo sau.",
    ],
)
def test_a_table_the_next_sentence_leans_on_holds_the_item(after: str) -> None:
    """«Số liệu trên đây cho thấy tội phạm giảm.» after a table not read was read «Tội phạm
    giảm.» (a claim the figures made, now the station's), and «Người dân các xã còn lại …»
    after the schedule spoke of a list never heard. The table is the item's main content: the
    sentence is left as written and the item held for the editor (R1.7, blocking)."""
    spoken = normalise(f"Mở đầu.\n\n{_TABLE}\n{after}\n\nKết.\n")
    assert spoken.text == f"Mở đầu.\n\n{after}\n\nKết."
    held = [f for f in spoken.flags if f.severity == "blocking"]
    assert [(f.code, f.line) for f in held] == [("R1.7", 7)]
    assert "viết nội dung chính của bảng thành câu văn" in held[0].message


@pytest.mark.parametrize(
    "after",
    ["Như bảng trên, số vụ giảm.", "Hết.", "Người dân còn lại xin báo sau.\n\nCòn lại."],
)
def test_a_table_aside_is_still_dropped_with_a_warning(after: str) -> None:
    """A table nothing after it leans on (an aside «Như bảng trên, …», or «còn lại» further on)
    is a supplement: dropped with the R1.7 warning, the item not held."""
    spoken = normalise(f"Mở đầu.\n\n{_TABLE}\nCâu khác.\n\n{after}\n")
    assert [(f.code, f.severity) for f in spoken.flags] == [("R1.7", "warning")]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Đối tượng dùng số 0868.xxx.xxx 25 lần gọi cho nạn nhân.",
            "số bắt đầu bằng không tám sáu tám, hai mươi lăm lần gọi",
        ),
        ("Số lạ +84 xxx xxx xxx 12 lần gọi.", "cộng tám bốn, mười hai lần"),
        ("Số 0868 xxx xxx 25 lần.", "không tám sáu tám, hai mươi lăm lần"),
        ("Gọi từ số 091*****78 lừa đảo.", "kết thúc bằng bảy tám, lừa đảo"),
        ("Dùng 0912 xxx 456 gọi.", "kết thúc bằng bốn năm sáu, gọi"),
    ],
)
def test_a_count_after_a_whole_masked_number_is_no_last_digits(text: str, said: str) -> None:
    """«0868.xxx.xxx 25 lần» was read «… kết thúc bằng hai năm, lần»: the ten digits are all
    there (four shown, six hidden), so «25 lần» is a count, read as one. Fewer digits, and
    what follows still ends the number."""
    assert said in normalise(text).text


@pytest.mark.parametrize(
    "text",
    ["Đối tượng quê ở T. Kim Sơn.", "Trú tại T. Hoàng Mai.", "Công an T. Kim Sơn cho biết."],
)
def test_t_where_a_province_stands_before_no_province_is_told(text: str) -> None:
    """«T.» before no province's name was left as written, «tê Kim Sơn» on air, with no word
    to the editor; where a province is named (after «quê ở», «trú tại», «Công an») it is told
    and the item held (R14.5)."""
    spoken = normalise(text)
    assert "T. " in spoken.text
    assert [(f.code, f.severity) for f in spoken.flags] == [("R14.5", "blocking")]


@pytest.mark.parametrize(
    "text", ["Đối tượng T. Hùng bỏ trốn.", "Trú tại T. Hà Giang.", "Xã Tân Hòa, T. Minh Hùng."]
)
def test_t_as_an_initial_or_a_province_is_not_told(text: str) -> None:
    """A person's initial and a province's «T.» are read as before, with no flag."""
    assert normalise(text).flags == ()


def _doc_level(code: str) -> str:
    """The level column of `code`'s row in docs/doc-phat-thanh.md's table of codes."""
    doc = Path(__file__).parents[1] / "docs" / "doc-phat-thanh.md"
    row = next(
        line for line in doc.read_text("utf-8").splitlines() if line.startswith(f"| `{code}`")
    )
    return row.split("|")[2]


def test_q5_levels_are_the_documented_ones() -> None:
    """The spec calls Q5 a warning; «60t» blocks. The editor's guide says which blocks and why
    (a guessed «tuổi»/«tấn» aired wrong is a false fact): code and guide agree."""
    age = normalise("Nguyễn Văn A, 60t, trú tại xã Tân Bình.")
    words = normalise("Thu giữ 02 (một) xe mô tô.")
    assert [(f.code, f.severity) for f in age.flags] == [("Q5", "blocking")]
    assert [(f.code, f.severity) for f in words.flags] == [("Q5", "warning")]
    level = _doc_level("Q5")
    assert "cảnh báo" in level and "chặn duyệt với `60t`" in level
    doc = (Path(__file__).parents[1] / "docs" / "doc-phat-thanh.md").read_text("utf-8")
    assert "- `Q5`: quy tắc gốc xếp mọi `Q5` là cảnh báo." in doc


def test_r17_level_names_the_held_table() -> None:
    """A dropped table holds the item when the text after it leans on it: the guide says so."""
    assert "chặn duyệt" in _doc_level("R1.7")


def test_site_toml_places_reach_publish_speak(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a project whose site.toml names «huyện Kim Sơn» (here its contact address), a last
    line «Kim Sơn.» is the place, read as the build reads it; outside it, a guessed signature."""
    from publish.cli import main
    from tests.helpers import SITE_TOML, make_project

    address = '\n[contact]\naddress = "Số 1, thị trấn Phát Diệm, huyện Kim Sơn, tỉnh Ninh Bình"\n'
    root = make_project(tmp_path, {"site.toml": SITE_TOML + address})
    monkeypatch.setattr("sys.stdin", io.StringIO("Mở đầu.\n\nKim Sơn.\n"))
    assert main(["speak", "--root", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Mở đầu.\n\nKim Sơn."
    assert "R1.5" not in err
    assert normalise("Mở đầu.\n\nKim Sơn.\n").text == "Mở đầu."


def test_the_build_reads_site_toml_places(tmp_path: Path) -> None:
    """The build's reader takes the places of [unit] name and area and [contact] address."""
    from publish.config import load
    from publish.render.radio.items import Speaker
    from tests.helpers import SITE_TOML, make_project

    address = '\n[contact]\naddress = "Số 1, thị trấn Phát Diệm, huyện Kim Sơn, tỉnh Ninh Bình"\n'
    root = make_project(tmp_path, {"site.toml": SITE_TOML + address})
    places = Speaker(load(root)).options.places
    assert {"Châu Thành", "Đồng Tháp", "Phát Diệm", "Kim Sơn", "Ninh Bình"} <= set(places)


STATIONS = """
[contact]
hotline = "0277 3610 113"

[[contact.stations]]
name = "Công an xã Tân Phú"
phone = "0277 3610 201"

[[contact.stations]]
name = "Tổ tiếp dân một cửa"
address = "Khóm 1, thị trấn Cái Tàu Hạ, huyện Châu Thành"
phone = "0277 3610 202"
"""
"""The unit's posts as its contact page lists them: a commune's police, a desk in the town."""


def test_the_places_of_the_units_posts_are_site_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A post's name («Công an xã Tân Phú») and address («thị trấn Cái Tàu Hạ») name the
    unit's places as its contact address does: a last line «Tân Phú» is read, in `publish
    speak` and in the build, not dropped as a guessed signature."""
    from publish.cli import main
    from publish.config import load
    from publish.render.radio.items import Speaker
    from tests.helpers import SITE_TOML, make_project

    root = make_project(tmp_path, {"site.toml": SITE_TOML + STATIONS})
    assert {"Tân Phú", "Cái Tàu Hạ"} <= set(Speaker(load(root)).options.places)
    monkeypatch.setattr("sys.stdin", io.StringIO("Mở đầu.\n\nTân Phú\n"))
    assert main(["speak", "--root", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Mở đầu.\n\nTân Phú."
    assert "R1.5" not in err
    assert normalise("Mở đầu.\n\nTân Phú\n").text == "Mở đầu."


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Xe mô tô BKS 66B1-234.56 vi phạm nồng độ cồn.",
            "sáu sáu B một, hai ba bốn, năm sáu, vi phạm nồng độ cồn.",
        ),
        ("Xe 30A-123.45 do anh A điều khiển.", "ba không A, một hai ba, bốn năm, do anh A"),
        ("Xe 59-X1 123.45 bỏ chạy.", "một hai ba, bốn năm, bỏ chạy."),
        ("Biển số 29A-123.45 và 30A-111.11.", "bốn năm và ba không A"),
        ("Xe mang biển số 29A-123.45.", "một hai ba, bốn năm."),
    ],
)
def test_a_plate_ends_with_a_pause_before_the_sentence_goes_on(text: str, said: str) -> None:
    """«… hai ba bốn, năm sáu vi phạm nồng độ cồn»: the plate's last digits ran into the verb,
    heard as «fifty-six violations». A comma ends a plate a word follows (not «và», «hoặc»)."""
    assert said in normalise(text).text


@pytest.mark.parametrize(
    ("last", "author"),
    [
        (
            "Nguyễn Văn Nam - Công an xã Tân Phú đề nghị người dân nâng cao cảnh giác.",
            "Nguyễn Văn Nam",
        ),
        ("Nguyễn Văn Nam - Công an xã Tân Phú đề nghị người dân nâng cao cảnh giác.", ""),
        ("Minh Tuấn - Công an xã Tân Phú đề nghị người dân nâng cao cảnh giác.", ""),
        ("Trần Thị Lan - Phòng CSHS đã tiếp nhận đơn trình báo.", ""),
        ("Thu Hà - Công an xã điều tra.", ""),
    ],
)
def test_a_name_and_unit_opening_a_sentence_is_read(last: str, author: str) -> None:
    """«Nguyễn Văn Nam - Công an xã Tân Phú đề nghị người dân nâng cao cảnh giác.» ending a
    bulletin was dropped as the writer's name and unit, silently where the author field named
    him: after the unit a verb makes a sentence for the listener, read."""
    spoken = normalise(f"{_BODY}{last}\n", author=author)
    assert spoken.text.startswith("Người dân cần cảnh giác.\n\n")
    assert spoken.text.endswith((" cảnh giác.", "trình báo.", "điều tra."))
    assert byline(f"{_BODY}{last}\n", author=author) == ""


@pytest.mark.parametrize(
    "last",
    [
        "Thu Hà - Đội Cảnh sát giao thông",
        "Thu Hà - Đội Cảnh sát điều tra tội phạm về ma túy",
        "Thu Hà - Ban Chỉ huy Quân sự xã Tân Phú",
        "Thu Hà - Phòng CSHS",
        "Thu Hà - Công an thị trấn Kim Sơn.",
    ],
)
def test_a_name_and_a_units_full_name_is_still_a_signature(last: str) -> None:
    """A unit's name holds capitalised words, place kinds and a branch named in lower case
    («Cảnh sát giao thông»): with the writer's name before it, the signature, not read."""
    spoken = normalise(f"{_BODY}{last}\n", author="Nguyễn Thu Hà")
    assert (spoken.text, spoken.flags) == ("Người dân cần cảnh giác.", ())
    assert byline(f"{_BODY}{last}\n", author="Nguyễn Thu Hà").startswith("Tác giả: Thu Hà - ")


@pytest.mark.parametrize(
    ("last", "author"),
    [
        ("Tổ công tác số 3", "Tổ công tác số 3"),
        ("**Phòng PV01.**", "Phòng PV01"),
        ("Tổ Công tác số 3.", "Tổ công tác số 3"),
    ],
)
def test_a_units_name_with_its_number_that_the_author_field_names_is_not_read(
    last: str, author: str
) -> None:
    """The doc: «`author` là tên đơn vị, như `Công an huyện Châu Thành`, thì chỉ cả tên ấy là
    dòng tác giả». «Tổ công tác số 3» with `author: Tổ công tác số 3` was read on air («Tổ công
    tác số ba.»), «Phòng PV01» read and held (R14.7): a number is no word of a person's name,
    so the last line was never compared with the author field."""
    source = f"{_BODY}{last}\n"
    spoken = normalise(source, author=author)
    assert (spoken.text, spoken.flags) == ("Người dân cần cảnh giác.", ())
    assert byline(source, author=author) == f"Tác giả: {last.strip('*').rstrip('.')}"


def test_a_units_name_the_author_field_does_not_name_is_still_read() -> None:
    """Without the author field, or with another author, a unit's name closing a bulletin is
    read, as the doc says of names opening with a unit's word (`Tổ`, `Đội`)."""
    source = f"{_BODY}Tổ công tác số 3\n"
    assert normalise(source).text.endswith("Tổ công tác số ba.")
    assert normalise(source, author="Nguyễn Văn Nam").text.endswith("Tổ công tác số ba.")
