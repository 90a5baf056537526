"""Session 81 (helper links81): what session 80's reading of dated page addresses left.

A document number typed with its number left blank right after its label («Số: /2020/12/QĐ-UBND»)
is no page address; a dated path anywhere else is one, however it is typed («/2020/12/HD-CAH» may
be a held slug). A page address under the site's deeper folders is one, however many there are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from publish.contact_numbers import dialled, tel_uri
from publish.radio.flags import BLOCKING
from publish.radio.normalise import normalise
from publish.render.web.phones import own_numbers_linker
from tests.hang_guard import run_python_guarded
from tests.helpers import bulletin_md
from tests.test_held_links import index_terms, run, sent, with_b, write_held_draft
from tests.test_held_links_review import DASHED, HELD_DASHED, HELD_PAGE
from tests.test_radio_review_tk2 import NEAR, on_air


@pytest.mark.parametrize(
    "source",
    [
        "Số: /2020/12/QĐ-UBND ngày 5 tháng 12.",
        "Căn cứ Quyết định số /2020/12/QĐ-UBND của Ủy ban nhân dân huyện.",
    ],
    ids=["after «Số:»", "in a sentence"],
)
def test_a_document_number_left_blank_is_read_not_dropped_as_an_address(source: str) -> None:
    """It was dropped with its sentence as a site address (R1.4): the listener lost the
    decision's year as «Số: 15/2020/QĐ-UBND» has it read."""
    script, codes = on_air(source)
    assert "R1.4" not in codes
    assert "hai nghìn không trăm hai mươi" in script


@pytest.mark.parametrize(
    "source",
    [
        "Địa chỉ /2020/12/vu-an-x/ nữa.",
        "Địa chỉ /2020/12/vu-an-x nữa.",
        "Địa chỉ /2020/12/2-vu-an/ nữa.",
        "Xem /congan/2020/12/vu-an-x/ nhé.",
    ],
)
def test_a_page_address_in_our_slug_form_is_still_dropped(source: str) -> None:
    script, codes = on_air(source)
    assert "vu-an" not in script
    assert "hai nghìn" not in script
    assert "R1.4" in codes


@pytest.mark.parametrize(
    "source",
    [
        "Xem /a/b/c/d/2020/12/vu-an-x/ nhé.",
        "Xem /a/b/c/d/e/f/2020/12/vu-an-x/ nhé.",
        "Xem [/a/b/c/d/2020/12/vu-an-x/](tel:0912345678).",
        "Xem https://x.vn/a/b/c/d/2020/12/vu-an-x/ nhé.",
    ],
    ids=["four folders", "six folders", "as a link's words", "in full"],
)
def test_a_page_address_under_four_or_more_folders_is_dropped_like_a_shorter_one(
    source: str,
) -> None:
    """Its path was read «a b c d, hai nghìn … vu-an-x»: at most three folders were looked for."""
    script, codes = on_air(source)
    assert "vu-an" not in script
    assert "hai nghìn" not in script
    assert "R1.4" in codes


@pytest.mark.parametrize(
    "text",
    ["' ' + '/a' * 50_000 + '/2020/12/X'", "' ' + '/2020/12' * 20_000 + '/X'", "' /a' * 30_000"],
    ids=["folders", "dated folders", "paths"],
)
def test_a_long_run_of_folders_is_looked_at_for_a_page_address_without_stalling(text: str) -> None:
    """The folders before the date are no longer bounded: each try still ends at the path's end."""
    run_python_guarded(f"from publish.radio.markdown import _URL\n_URL.search({text})\n")


@pytest.mark.parametrize(
    "text",
    [
        "' /2020/12/X' * 30_000",
        "' Số: /2020/12/QĐ-UBND' * 30_000",
        "'Số:' + ' ' * 50_000 + '/2020/12/QĐ-UBND'",
    ],
    ids=["addresses", "numbers left blank", "a long gap after «Số:»"],
)
def test_many_dated_paths_are_told_from_numbers_left_blank_without_stalling(text: str) -> None:
    """Each dated path looks back a little way for its number label, and no further on."""
    run_python_guarded(f"from publish.radio.markdown import _addresses\nlist(_addresses({text}))\n")


IMAGE_TITLES = {
    "an <img> title naming its file": f'Một <img src="images/bia.jpg" alt="ảnh" title="xem {DASHED}"> xong.',
    "an <img> title naming its page": f'Một <img src="images/bia.jpg" alt="ảnh" title="{HELD_PAGE}"> xong.',
    "a Markdown image's title, its caption": f'![ảnh](images/bia.jpg "{DASHED}")\n\nMột xong.',
}
OTHER_TITLE = f'Một <abbr title="{DASHED}">CA</abbr> xong.'
"""Any tag may have a title the page keeps: the sanitiser allows one on each."""


@pytest.mark.parametrize(
    ("line", "titled"),
    [*((line, "ảnh") for line in IMAGE_TITLES.values()), (OTHER_TITLE, "thẻ <abbr>")],
    ids=[*IMAGE_TITLES.keys(), "an <abbr> title"],
)
def test_an_image_title_naming_a_held_bulletin_goes_out_on_no_channel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, titled: str
) -> None:
    """The page, both feeds and Zalo (its caption) carried the title, the held file's date and
    title words in it: only a link's title was dropped. The image stays, without its title,
    and the check tells what has the title, not «liên kết»."""
    root = with_b(tmp_path, f"Công an.\n\n{line}\n")
    write_held_draft(root, HELD_DASHED)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert "<img" in page or "<abbr>CA</abbr>" in page
    for path, text in sent(root).items():
        assert "nan-nhan" not in text, path
    assert not index_terms(root) & {"nan", "nhan", "nguyen"}
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    told = f"content/bai-viet/2021-01-01-b.md:12: cảnh báo: tiêu đề (title) của {titled} nêu "
    assert told in err, err
    assert "website bỏ tiêu đề ấy đi" in err
    assert f"khỏi tiêu đề của {titled}," in err


def test_an_image_title_naming_a_published_bulletin_is_kept(tmp_path: Path) -> None:
    """Its name is no secret: the title stays."""
    root = with_b(tmp_path, f"Công an.\n\n{IMAGE_TITLES['an <img> title naming its file']}\n")
    (root / HELD_DASHED).write_text(
        bulletin_md({"id": "c", "title": '"Bài C"', "date": "2020-12-20 07:00"}), "utf-8"
    )
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f'title="xem {DASHED}"' in page


@pytest.mark.parametrize(
    ("written", "tel"),
    [
        ("0084 – 912 – 345 – 678", "tel:+84912345678"),
        ("0084 - 912 - 345 - 678", "tel:+84912345678"),
        ("0084 912 345 678", "tel:+84912345678"),
        ("0084.277.3610.113", "tel:+842773610113"),
        ("0084 0912 345 678", "tel:+84912345678"),
    ],
)
def test_a_contact_number_written_with_0084_dials_as_one_written_with_plus_84(
    written: str, tel: str
) -> None:
    """«0084 – 912 – 345 – 678» in site.toml was read whole but dialled nothing: its 13 digits
    were taken for two numbers run together, where «+84 – 912 – 345 – 678» dials tel:+849…."""
    found = dialled(written)
    assert found is not None and (found.number, found.left_over) == (written, False)
    assert tel_uri(written) == tel
    assert tel_uri(written.replace("0084", "+84", 1)) == tel


@pytest.mark.parametrize("code", ["0084", "+84", "(+84)"])
def test_the_units_number_with_its_country_code_and_spaced_dashes_is_a_link_in_a_body(
    code: str,
) -> None:
    """«0084 – 912 – 345 – 678» in a body: the dash after the country code was no gap a
    number's start may have, so the unit's own number went unlinked, as it did after «+84»."""
    linked = own_numbers_linker({"0912 345 678": "tel:0912345678"})
    typed = f"{code} – 912 – 345 – 678"
    assert linked(f"<p>Gọi {typed} ngay.</p>") == (
        f'<p>Gọi <a href="tel:0912345678">{typed}</a> ngay.</p>'
    )


HELD_X = "content/bai-viet/2020-12-20-vu-an-x.md"
"""A held draft whose page will be /2020/12/vu-an-x/."""
TYPED_OTHERWISE = {
    "in capitals, «/» after it": ("/2020/12/Nan-Nhan-Nguyen-Van-A/", True),
    "all capitals, no «/»": ("/2020/12/VU-AN-X", True),
    "one capital": ("/2020/12/vu-an-X/", True),
    "with Vietnamese marks": ("/2020/12/vụ-án-x/", True),
    "with underscores": ("/2020/12/vu_an_x/", True),
}
"""A held bulletin's page address typed otherwise than its slug, and whether the check tells it
as text the page shows: each spells the slug folded (links.slug_folded; session 82 told the
last two as well, which the website shows as typed and does not take for that page)."""


@pytest.mark.parametrize(
    "written", [written for written, _ in TYPED_OTHERWISE.values()], ids=TYPED_OTHERWISE.keys()
)
def test_a_page_address_typed_otherwise_than_our_slugs_is_dropped_on_air(written: str) -> None:
    """Session 81 read any dated path whose last part had a capital aloud, slug words and all,
    with no flag: the website takes «/2020/12/VU-AN-X» for the page of «vu-an-x»."""
    script, codes = on_air(f"Địa chỉ {written} nữa.")
    slug = written.rstrip("/").rsplit("/", 1)[1].lower()
    assert not set(re.split(r"[\s,.]+", script.lower())) & set(re.split(r"[-_]", slug)), script
    assert "hai nghìn" not in script
    assert "R1.4" in codes


@pytest.mark.parametrize(("written", "told"), TYPED_OTHERWISE.values(), ids=TYPED_OTHERWISE.keys())
def test_the_radio_items_and_weekly_script_never_read_a_held_address_typed_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, told: bool
) -> None:
    """The item and the week's script read «hai nghìn … mười hai VU AN X» while the check said
    the radio dropped it (R1.4)."""
    root = with_b(tmp_path, f"Công an xã tuần tra.\n\nĐịa chỉ {written} nữa.\n")
    write_held_draft(root, HELD_X)
    assert run(root, "build", "-q") == 0
    radio = {path: text for path, text in sent(root).items() if path.startswith("radio/")}
    assert "radio/items/b.txt" in radio
    assert any(
        path.endswith("/script.txt") and "Công an xã tuần tra" in t for path, t in radio.items()
    )
    slug = written.rstrip("/").rsplit("/", 1)[1].lower()
    for path, text in radio.items():
        lowered = text.lower()
        assert slug not in lowered and re.sub(r"[-_]", " ", slug) not in lowered, path
        assert "hai mươi mười hai" not in text, path
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    if told:
        assert f"nội dung bài nêu địa chỉ trang «{written}»" in err, err
        assert "kịch bản phát thanh không đọc địa chỉ" in err


@pytest.mark.parametrize(
    "source",
    [
        "Địa chỉ /2020/12/QĐ-UBND/ nữa.",
        "Địa chỉ /2020/12/qđ-ubnd nữa.",
        "Địa chỉ /2020/12/QĐ-Nan-Nhan nữa.",
        "Địa chỉ /2020/12/VU-AN nữa.",
    ],
    ids=["a symbol with «/» after it", "a symbol in lower case", "words after a kind", "no kind"],
)
def test_only_a_document_symbol_as_written_is_no_page_address(source: str) -> None:
    """«QĐ-UBND» with no «/» after it is a document's symbol (R13.3); anything else there
    may be a held slug however it is typed."""
    script, codes = on_air(source)
    assert "hai nghìn" not in script
    assert "R1.4" in codes
    # The one it is named for: the symbol as written, after its number label, is no address.
    symbol, symbol_codes = on_air("Số: /2020/12/QĐ-UBND nữa.")
    assert "R1.4" not in symbol_codes
    assert symbol_codes == ["R13.3"]
    assert symbol == "Quyết định năm hai nghìn không trăm hai mươi của Ủy ban nhân dân nữa."


@pytest.mark.parametrize(
    "source",
    [
        "Địa chỉ /2020/12/TB-CONG-AN-XA nữa.",
        "Địa chỉ /2020/12/HD-CAH nữa.",
        "Địa chỉ /2020/12/BC-CAT nữa.",
        "Xem /congan/2020/12/QĐ-UBND nữa.",
        "Xem /congan/2020/12/TT-BCA nữa.",
        "Xem /a/2020/12/HD-CAH nữa.",
        "Số: /congan/2020/12/QĐ-UBND nữa.",
    ],
    ids=[
        "no label",
        "no label 2",
        "no label 3",
        "folders",
        "folders 2",
        "a folder",
        "folders after «Số:»",
    ],
)
def test_a_dated_path_ending_in_a_symbol_is_an_address_but_after_a_number_label(
    source: str,
) -> None:
    """Session 81 took any dated path ending in a kind and issuers in capitals for a document's
    symbol: a held draft «2020-12-20-tb-cong-an-xa.md» was read «Thông báo năm hai nghìn … của
    CONG và AN và XA», unflagged after folders. Only right after «Số:» is it a number left blank."""
    script, codes = on_air(source)
    assert "hai nghìn" not in script, script
    assert "R1.4" in codes
    assert "R13.3" not in codes
    last = source.split()[-2].rsplit("/", 1)[1]
    assert not set(re.split(r"[\s,.]+", script.lower())) & set(last.lower().split("-")[1:]), script


def _left_blank(symbol: str, said: str) -> str:
    """The flag's message for a document number `symbol` left blank after `said`: the example
    of a number filled in is in the form R13.3 reads («15/2020/QĐ-UBND», no month)."""
    drop = f"bỏ «{said}» cùng số hiệu này" if said else "bỏ số hiệu này"
    filled = "15" + symbol.replace("/12/", "/")
    return (
        f"Số hiệu văn bản «{symbol}» để trống số: chưa điền số văn bản trước dấu «/», nên kịch "
        f"bản không có số nào để đọc. Cách sửa: điền số văn bản vào trước dấu «/» (ví dụ "
        f"«{filled}»); nếu văn bản chưa có số, {drop}."
    )


BLANK_NUMBERS = {
    "«Số:», year and month": (
        "Số: /2020/12/QĐ-UBND ngày 5 tháng 12.",
        "/2020/12/QĐ-UBND",
        "Số:",
        "Quyết định năm hai nghìn không trăm hai mươi của Ủy ban nhân dân ngày năm tháng mười hai.",
    ),
    "«Số:» and the year": (
        "Số: /2020/QĐ-UBND ngày 5 tháng 12.",
        "/2020/QĐ-UBND",
        "Số:",
        "Quyết định năm hai nghìn không trăm hai mươi của Ủy ban nhân dân ngày năm tháng mười hai.",
    ),
    "«Số:» alone": (
        "Số: /QĐ-UBND ngày 5.",
        "/QĐ-UBND",
        "Số:",
        "Quyết định của Ủy ban nhân dân ngày năm.",
    ),
    "after the kind, year and month": (
        "Căn cứ Quyết định số /2020/12/QĐ-UBND của Ủy ban nhân dân huyện.",
        "/2020/12/QĐ-UBND",
        "số",
        "Căn cứ Quyết định năm hai nghìn không trăm hai mươi của Ủy ban nhân dân huyện.",
    ),
    "after the kind and the year": (
        "Căn cứ Thông tư số /2020/TT-BCA của Bộ Công an.",
        "/2020/TT-BCA",
        "số",
        "Căn cứ Thông tư năm hai nghìn không trăm hai mươi của Bộ Công an.",
    ),
    "no «số»": (
        "Theo /2020/CT-TTg, công an xã tuần tra.",
        "/2020/CT-TTg",
        "",
        "Theo Chỉ thị năm hai nghìn không trăm hai mươi của Thủ tướng Chính phủ, công an xã tuần tra.",
    ),
}


@pytest.mark.parametrize(
    ("source", "symbol", "said", "script"), BLANK_NUMBERS.values(), ids=BLANK_NUMBERS.keys()
)
def test_a_document_number_left_blank_is_one_clear_blocking_flag(
    source: str, symbol: str, said: str, script: str
) -> None:
    """«Số: /2020/QĐ-UBND» (as a draft decision is typed before it has its number) was a
    blocking Q2 «Còn ký hiệu không đọc được: «/hai»», which told the editor nothing of what
    was wrong; «/2020/12/QĐ-UBND» was dropped with its sentence as a site address (R1.4). One
    flag now says the number is left blank and how to fix it; it blocks, as the script cannot
    read a number that is not there."""
    spoken = normalise(source, near=NEAR)
    assert [(f.code, f.severity, f.message) for f in spoken.flags] == [
        ("R13.3", BLOCKING, _left_blank(symbol, said))
    ]
    assert spoken.text == script
    assert "/" not in spoken.text


def test_a_document_number_left_blank_is_told_at_its_line_by_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The editor sees where, what and how to fix it, and the bulletin is held from the radio."""
    root = with_b(tmp_path, "Công an xã tuần tra.\n\nSố: /2020/QĐ-UBND ngày 5 tháng 12.\n")
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    what, how = _left_blank("/2020/QĐ-UBND", "Số:").split(" Cách sửa: ")
    told = f"content/bai-viet/2021-01-01-b.md:12: cảnh báo: chặn phát thanh: {what} — đoạn: "
    assert told in err, err
    assert f"Cách sửa: {how[0].upper()}{how[1:]} Rồi dựng lại." in err
    assert "«/hai»" not in err


DEFINED = {
    "its title on its line": f'[r]: https://x.vn "{DASHED}"',
    "its title on the next line": f'[r]: https://x.vn\n    "{DASHED}"',
}
"""A reference definition whose title names the held draft."""


@pytest.mark.parametrize("definition", DEFINED.values(), ids=DEFINED.keys())
def test_a_reference_definitions_title_is_told_as_a_links_after_an_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], definition: str
) -> None:
    """The last «](» before the title was taken for what has it: after an image anywhere above,
    a definition's title (a line opening «[r]:») was told «tiêu đề (title) của ảnh»."""
    body = f"Công an.\n\n![ảnh](images/bia.jpg)\n\nĐọc [bài][r] nhé.\n\n{definition}\n"
    root = with_b(tmp_path, body)
    write_held_draft(root, HELD_DASHED)
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert "tiêu đề (title) của liên kết nêu tên tệp" in err, err
    assert "khỏi tiêu đề của liên kết," in err
    assert "của ảnh" not in err


HELD_SYMBOLS = {
    "TB-CONG-AN-XA": "content/bai-viet/2020-12-20-tb-cong-an-xa.md",
    "HD-CAH": "content/bai-viet/2020-12-20-hd-cah.md",
    "BC-CAT": "content/bai-viet/2020-12-20-bc-cat.md",
}
"""Held drafts whose slugs, typed in capitals, look like a document's symbol."""


@pytest.mark.parametrize(
    ("written", "held"),
    [
        *((f"/2020/12/{symbol}", held) for symbol, held in HELD_SYMBOLS.items()),
        ("/a/2020/12/HD-CAH", HELD_SYMBOLS["HD-CAH"]),
    ],
    ids=[*HELD_SYMBOLS.keys(), "HD-CAH under a folder"],
)
def test_the_radio_never_reads_a_held_slug_typed_as_a_symbol(
    tmp_path: Path, written: str, held: str
) -> None:
    """The item and the week's script read «Thông báo năm hai nghìn … của CONG và AN và XA»."""
    root = with_b(tmp_path, f"Công an xã tuần tra.\n\nĐịa chỉ {written} nữa.\n")
    write_held_draft(root, held)
    assert run(root, "build", "-q") == 0
    radio = {path: text for path, text in sent(root).items() if path.startswith("radio/")}
    assert "radio/items/b.txt" in radio
    assert any(
        path.endswith("/script.txt") and "Công an xã tuần tra" in t for path, t in radio.items()
    )
    words = written.rsplit("/", 1)[1].split("-")[1:]
    assert not set(re.split(r"[\s,.]+", radio["radio/items/b.txt"])) & set(words)
    for path, text in radio.items():
        assert f"của {' và '.join(words)}" not in text and f" {' '.join(words)} " not in text, path
        assert "hai nghìn không trăm hai mươi" not in text, path


PLACEHOLDERS = {
    "«…» before «/»": ("Số: …/QĐ-UBND ngày 5.", "…", "/QĐ-UBND"),
    "«…» spaced, the year": ("Số:  …  /2020/QĐ-UBND ngày 5.", "…", "/2020/QĐ-UBND"),
    "«...»": ("Số: .../2020/QĐ-UBND ngày 5.", "...", "/2020/QĐ-UBND"),
    "«....»": ("Số: ..../2020/QĐ-UBND ngày 5.", "....", "/2020/QĐ-UBND"),
    "«___»": ("Số: ___/2020/QĐ-UBND ngày 5.", "___", "/2020/QĐ-UBND"),
    "«…», year and month": ("Số: …/2020/12/QĐ-UBND ngày 5.", "…", "/2020/12/QĐ-UBND"),
    "«Số hiệu:»": ("Số hiệu: …/2020/QĐ-UBND ngày 5.", "…", "/2020/QĐ-UBND"),
}


@pytest.mark.parametrize(
    ("source", "placeholder", "symbol"), PLACEHOLDERS.values(), ids=PLACEHOLDERS.keys()
)
def test_a_placeholder_for_the_number_is_part_of_the_number_left_blank(
    source: str, placeholder: str, symbol: str
) -> None:
    """«Số: …/QĐ-UBND» was read «Số:. Quyết định …», told «bỏ số hiệu này» without «Số:»;
    «Số: ..../2020/QĐ-UBND», «Số: ___/2020/QĐ-UBND» were Q2 «/hai». The placeholder holds the
    number's place: one flag naming «Số:», nothing of the placeholder read."""
    spoken = normalise(source, near=NEAR)
    said = source.split(placeholder)[0].strip()
    assert [(f.code, f.severity) for f in spoken.flags] == [("R13.3", BLOCKING)], spoken.flags
    message = spoken.flags[0].message
    assert f"bỏ «{said}» cùng số hiệu này" in message
    assert f"«15{symbol.replace('/12/', '/')}»" in message
    assert f"«{placeholder}{symbol}»" in message
    assert spoken.text.startswith("Quyết định "), spoken.text
    assert "năm hai nghìn" in spoken.text or "/2020" not in symbol
    assert "Số" not in spoken.text and "/" not in spoken.text and "_" not in spoken.text
    assert ". Quyết" not in spoken.text and ":" not in spoken.text


def test_a_placeholder_left_blank_is_told_at_its_line_by_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The excerpt the flag is told at is what the source has, placeholder and all."""
    root = with_b(tmp_path, "Công an xã tuần tra.\n\nSố: ..../2020/QĐ-UBND ngày 5 tháng 12.\n")
    capsys.readouterr()
    run(root, "check")
    err = capsys.readouterr().err
    assert (
        "content/bai-viet/2021-01-01-b.md:12: cảnh báo: chặn phát thanh: Số hiệu văn bản «..../2020/QĐ-UBND»"
        in err
    ), err
    assert "bỏ «Số:» cùng số hiệu này" in err
    assert "«/hai»" not in err
