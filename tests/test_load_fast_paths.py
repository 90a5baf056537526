"""The shortcuts the bulletin load takes (session 34) find exactly what the searches they stand
in for find: compared with the full search on random texts built from the characters that
matter (members of each class, their neighbours, Vietnamese letters, characters past U+FFFF)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from publish import content, content_images, control_chars, gates
from publish.control_chars import without_controls
from publish.text import HIDDEN, HIDDEN_ASTRAL, HIDDEN_BMP, CharClass, beyond_bmp
from tests.helpers import every_character

_OLD_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff"
    "\u2061-\u2064\u115f\u1160\u3164\uffa0\U000e0000-\U000e007f]"
)
"""control_chars.CONTROL_RE as main wrote it before the class was split."""
_OLD_HIDDEN_OR_LOOKALIKE = re.compile(HIDDEN.pattern[:-1] + gates._LOOKALIKE.pattern[1:])
"""gates._HIDDEN_OR_LOOKALIKE as main built it."""


def _edges(pattern: str) -> list[str]:
    """Each character a class names, and the ones just before and after it."""
    members = [ord(c) for c in pattern if c not in "[]-"]
    return [chr(c + d) for c in members for d in (-1, 0, 1) if 0 <= c + d <= sys.maxunicode]


_ALPHABET = sorted(
    {
        *_edges(_OLD_CONTROL.pattern),
        *_edges(_OLD_HIDDEN_OR_LOOKALIKE.pattern),
        *"aăâđeêoôơuưyAĂÂĐEÊOÔƠUƯYộỘậẬmMtT \n\t\xa0#*[]<>:/\\",
        "\ud800",
        "\U0001f600",
        "\U000e0041",
        "\U000e01ef",
        "\U000e01f0",
    }
)
_EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", 40)) * 5
"""Random examples per property: 200 in the suite (CI time); `PROPERTY_EXAMPLES=600` gives 3,000."""

_TEXTS = st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_TEXTS)
def test_beyond_bmp_tells_each_character_past_u_ffff(text: str) -> None:
    """UTF-16's length tells the same as looking at each character (lone surrogates too)."""
    assert beyond_bmp(text) == any(ord(c) > 0xFFFF for c in text)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_TEXTS)
def test_split_classes_find_what_the_whole_class_finds(text: str) -> None:
    """The control characters the load removes and the hidden or look-alike letters the stamp
    check reads past: same first match, same text once removed, as the one-class searches."""
    for fast, full in (
        (control_chars.CONTROLS, _OLD_CONTROL),
        (gates._HIDDEN_OR_LOOKALIKE, _OLD_HIDDEN_OR_LOOKALIKE),
        (CharClass(HIDDEN_BMP, HIDDEN_ASTRAL), HIDDEN),
    ):
        # Short texts are searched with the whole class; long ones, as a body, with the rest.
        for shown in (text, "a" * CharClass.SHORT + text, text + "ạ" * CharClass.SHORT):
            found, expected = fast.search(shown), full.search(shown)
            assert (found and found.span()) == (expected and expected.span())
            assert fast.sub("", shown) == full.sub("", shown)
    assert control_chars.CONTROL_RE.pattern == _OLD_CONTROL.pattern


_GRADE_TEXTS = st.text(
    alphabet=st.sampled_from([*"đĐdDộỘoóồOmMậẬaạtT x", " ", "\n", "\t", "\xa0", "\u2003"]),
    max_size=40,
)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_GRADE_TEXTS)
def test_grade_words_found_as_the_case_blind_search_finds_them(text: str) -> None:
    """«độ mật» in any case and spacing, found by str.find as re.IGNORECASE finds it."""
    assert gates._says_grade_words(text) == bool(gates._GRADE_WORDS.search(text))


def test_grade_heads_are_every_spelling_the_case_blind_search_takes() -> None:
    """Every two characters re.IGNORECASE matches to «độ» are one of _GRADE_HEADS."""
    first = re.findall("đ", every_character(), re.I)
    second = re.findall("ộ", every_character(), re.I)
    assert sorted(a + b for a in first for b in second) == sorted(gates._GRADE_HEADS)


def test_a_stamp_line_behind_hidden_characters_is_still_found() -> None:
    """A tag character (past U+FFFF) or a Cyrillic letter inside the stamp hides nothing."""
    for body in ("Bài viết\n\nM\U000e0041ẬT\n", "Bài viết\n\nMẬ\u0422\n", "độ mật: Mật\n"):
        assert gates.secret_stamp(body, _policy()) is not None, body


def _policy() -> gates.Policy:
    """The default policy of a site."""
    return gates.Policy()


def test_content_folder_is_looked_up_again_after_forget_resolved(tmp_path: Path) -> None:
    """The memo of content/'s resolved folder lasts one build: a project whose content/ became
    a link to another folder records its images under the new place."""
    from types import SimpleNamespace

    first = tmp_path / "a"
    second = tmp_path / "b"
    for folder in (first, second):
        (folder / "images").mkdir(parents=True)
    root = tmp_path / "project"
    root.mkdir()
    (root / "content").symlink_to(first)
    config: Any = SimpleNamespace(root=root)  # a stand-in: found_as reads only config.root
    content_images.forget_resolved()
    assert content_images.found_as(first / "images" / "a.jpg", config) == "images/a.jpg"
    (root / "content").unlink()
    (root / "content").symlink_to(second)
    content_images.forget_resolved()
    assert content_images.found_as(second / "images" / "a.jpg", config) == "images/a.jpg"
    assert content_images.found_as(first / "images" / "a.jpg", config) == str(
        first / "images" / "a.jpg"
    )


def test_a_bulletin_linked_out_of_content_is_still_refused_by_a_build(tmp_path: Path) -> None:
    """Files the walk of content/ found as plain files skip the check that they stay inside;
    a link to a bulletin outside content/ is still refused, and the one beside it loaded."""
    import pytest

    from publish import config as config_module
    from publish.errors import ContentError
    from tests.helpers import NOW, bulletin_md, make_project

    root = make_project(
        tmp_path,
        {
            "content/bai-viet/that.md": bulletin_md({"title": '"Bài thật"'}),
            "ngoai/mat.md": bulletin_md({"title": '"Bài ngoài"'}),
        },
    )
    (root / "content/bai-viet/lien-ket.md").symlink_to(root / "ngoai/mat.md")
    with pytest.raises(ContentError) as raised:
        content.load_site(config_module.load(root), now=NOW)
    found = [(p.file, p.message) for p in raised.value.problems]
    assert found == [
        (
            "content/bai-viet/lien-ket.md",
            "tệp là liên kết (symlink) tới nơi nằm ngoài thư mục content/: không đọc",
        )
    ]
    site = content.load_site(config_module.load(root), now=NOW, salvage=True)
    assert [b.title for b in site.bulletins] == ["Bài thật"]


def test_re_space_is_str_isspace_for_every_character() -> None:
    """markdown_images._SPACE stands in for str.isspace() in the check for a spaced reference."""
    from publish.markdown_images import _SPACE

    every = every_character()
    assert _SPACE.findall(every) == [c for c in every if c.isspace()]


_FRAGMENTS = st.sampled_from(
    [
        "![Ảnh](images/a.jpg)",
        '![Ảnh có chú thích](images/b.jpg "Chú thích")',
        "![Ảnh hội nghị](images/Ảnh hội nghị.jpg)",
        "![cách](<images/c d.jpg>)",
        "![Dùng tên][h]",
        "\n[h]: images/h.jpg\n",
        "`![mã](images/ma.jpg)`",
        "\n```\n![rào](images/rao.jpg)\n```\n",
        "\n    ![thụt](images/thut.jpg)\n",
        "\\]",
        "\\)",
        "![a\\]b](images/e.jpg)",
        "<img src='images/t.jpg' alt='Thẻ'>",
        "![",
        "](",
        ")",
        "]",
        " ",
        "\n",
        "\n\n",
        "Chữ thường. ",
    ]
)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=12))
def test_images_of_a_body_are_the_same_through_the_shortcut(pieces: list[str]) -> None:
    """A body without code or backslash is scanned for images once, not three times: the
    images found, their alt, caption and whether the approval counts them, are the same as
    when the body is scanned as one with code is."""
    body = "".join(pieces)
    fast = content_images._shown(body)
    real_masked = content_images.masked
    try:
        # An equal text that is not the body itself: _shown takes the path for bodies with code.
        content_images.masked = lambda text: (real_masked(text) + "x")[:-1]  # type: ignore[assignment]
        full = content_images._shown(body)
    finally:
        content_images.masked = real_masked
    assert fast == full


_FENCED = st.lists(
    st.sampled_from(["---", "...", "\n", "a", " ", "\t", "-- ", "x: 1", "\u2003", "..", "----"]),
    max_size=14,
).map("".join)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_FENCED, st.integers(min_value=1, max_value=8))
def test_front_matter_is_cut_where_splitting_into_lines_cut_it(text: str, end: int) -> None:
    """The closing fence, the front matter and the body are found by line breaks as they were
    by splitting the whole file into lines and joining them again."""
    from publish import frontmatter

    lines = text.split("\n")
    closing = next(
        (i for i, line in enumerate(lines) if i and line.rstrip() in ("---", "...")), None
    )
    assert frontmatter._closing_line(text) == closing
    assert frontmatter._between_fences(text, end) == (
        "\n".join(lines[1:end]),
        "\n".join(lines[end + 1 :]),
    )


_YAML_VALUES = st.lists(
    st.sampled_from(
        [
            '"',
            "'",
            " ",
            "\n  ",
            "a",
            "Ả",
            ":",
            "#",
            "-",
            "[",
            "]",
            ",",
            "{",
            "}",
            "\t",
            "\u2028",
            "\u2029",
            "\ufeff",
            "\xa0",
            "2020-01-01",
            "|",
            ">",
            "\n",
        ]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(st.lists(_YAML_VALUES, min_size=1, max_size=4))
def test_front_matter_without_a_backslash_reads_no_control_character(values: list[str]) -> None:
    """YAML makes a control character the text does not hold only from an escape: the load
    skips removing them from front matter written without a backslash."""
    import yaml

    from publish import frontmatter

    text = "\n".join(f"k{i}: {value}" for i, value in enumerate(values))
    assert "\\" not in text and not control_chars.CONTROL_RE.search(text)
    try:
        data = yaml.load(text, Loader=frontmatter.Loader)
    except yaml.YAMLError:
        return
    assert without_controls(data, content.CONTROL_RUNS)[0] == data


_FILE_LINES = st.lists(
    st.sampled_from(
        [
            b"---",
            b"...",
            b"\xef\xbb\xbf---",
            b"title: a",
            b"approved_by: A",
            b"approved_version: 1",
            b"draft : true",
            b"pii_reviewed_by:",
            b" approved_by: A",
            b"radio:",
            b"radio :  # c",
            b"radio: {aired: 3:00, a: 1}",
            b"radio:{aired: 1}",
            b"radiox: 1",
            b" radio: 1",
            b"  aired: 4:05",
            b"\taired: '1'",
            b"  a: 1",
            b"",
            b"x\ry",
            b"x\r\ny",
            b"--- \x0b",
            b"...\x0c",
            b"---\x1c",
            b"....",
        ]
    ),
    max_size=12,
)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_FILE_LINES, st.sampled_from([b"\n", b"\r\n", b"\r"]), st.booleans())
def test_file_digest_without_a_radio_block_is_the_line_by_line_one(
    lines: list[bytes], end: bytes, fenced: bool
) -> None:
    """A file with no `radio:` line is fingerprinted, without splitting it into lines, as the
    line-by-line reading of every front matter line does (approvals written in files must stay
    valid); such files are most of those drawn."""
    from publish import approval

    raw = end.join([b"---", *lines] if fenced else lines)
    fast = approval.file_digest(raw)
    real = approval._covered_without_radio
    try:
        approval._covered_without_radio = lambda normal: None  # the line-by-line reading
        full = approval.file_digest(raw)
    finally:
        approval._covered_without_radio = real
    assert fast == full


def _old_hashed_body(body: str) -> str:
    """approval._hashed_body as main wrote it (session 38)."""
    stripped = body.strip()
    first = next((line for line in body.splitlines() if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" \t"))]
    if len(indent.expandtabs(4)) >= 4:
        return f"{indent}{stripped}"
    return stripped


def _old_plain(value: object) -> object:
    """approval._plain as main wrote it (session 38)."""
    import datetime as dt
    from collections.abc import Mapping

    if isinstance(value, Mapping):
        return sorted([str(k), _old_plain(v)] for k, v in value.items())
    if isinstance(value, list | tuple):
        return [_old_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)


_BODY_TEXTS = st.lists(
    st.sampled_from(
        [
            " ",
            "\t",
            "\n",
            "\r",
            "\x0b",
            "\x1c",
            "\x85",
            "\u2028",
            "\xa0",
            "\u3000",
            "a",
            "ệ",
            "    ",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_BODY_TEXTS)
def test_hashed_body_is_the_one_approvals_were_written_with(body: str) -> None:
    """The body part of the content digest, taken without splitting the body into lines when
    no space or Tab comes before its text, is what it was."""
    from publish import approval

    assert approval._hashed_body(body) == _old_hashed_body(body)


class _Str(str):
    """A str of another type, as a YAML reader could make."""


_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=4),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.builds(_Str, st.text(max_size=3)),
    st.just(b"x"),
)
_FRONT_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=_EXAMPLES, deadline=None)
@given(_FRONT_VALUES)
def test_plain_values_are_the_ones_approvals_were_written_with(value: object) -> None:
    """Front matter values are written for the content digest as before the exact-type path
    (same JSON text, so the same digest)."""
    import json

    from publish import approval

    assert json.dumps(approval._plain(value)) == json.dumps(_old_plain(value))


def test_a_repeated_approver_is_judged_once() -> None:
    """Whether `approved_by` names someone is read once per text, not for every bulletin that
    repeats it (three times for each, ~6 % of loading one)."""
    from publish import person_fields

    value = "Thượng tá Lê Văn Không, Trưởng Công an huyện (kiểm thử)"
    first = person_fields.not_a_name(value)
    misses = person_fields.not_a_name.cache_info().misses
    for _ in range(3):
        assert person_fields.not_a_name(value) == first
        assert person_fields.not_yet(value) == person_fields.not_yet.__wrapped__(value)
    assert person_fields.not_a_name.cache_info().misses == misses


_YAML_KEYS = st.sampled_from(
    ["title", "tags", "a_b", "on", "yes", "null", "n", "x", "Title", "_a", "a-b", "<<", "date"]
)
_QUOTED_TEXTS = st.lists(
    st.sampled_from(
        [
            *"aệ Ả:#,[]{}'&*!|>%@`~",
            '\\"',
            "\\",
            '"',
            "\\n",
            "\\x41",
            "\t",
            "\x85",
            "\u2028",
            "\u2029",
            "\ufeff",
            "\U0001f600",
            "\xa0",
            "\u3000",
            "\x7f",
            "\x9f",
            "\ud7ff",
            "\ue000",
            "\ufffd",
            "“",
            " #",
            ": ",
        ]
    ),
    max_size=8,
).map(lambda parts: '"' + "".join(parts) + '"')
_PLAIN_TEXTS = st.one_of(
    st.sampled_from(
        ["yes", "no", "on", "off", "true", "null", "y", "n", "nan", "inf", "e", "x1", "a.b"]
    ),
    st.text(alphabet=st.sampled_from([*"abcexyz019._/-:# "]), min_size=1, max_size=8),
    st.builds(
        "{}-{}-{} {}:{}{}".format,
        st.sampled_from(["2022", "0000", "1", "20220"]),
        st.sampled_from(["03", "3", "13", "00"]),
        st.sampled_from(["11", "1", "31", "30"]),
        st.sampled_from(["15", "5", "25", "99"]),
        st.sampled_from(["41", "4", "60"]),
        st.sampled_from(["", ":00", ":60", ".5", " ", "Z"]),
    ),
)
_FLOW_LISTS = st.lists(_QUOTED_TEXTS, max_size=3).flatmap(
    lambda items: st.sampled_from([", ", ",", " , "]).map(lambda sep: f"[{sep.join(items)}]")
)
_ANY_LINE = st.tuples(
    _YAML_KEYS,
    st.sampled_from([": ", ":", ":  ", " : ", ":\t"]),
    st.one_of(_QUOTED_TEXTS, _PLAIN_TEXTS, _FLOW_LISTS),
    st.sampled_from(["", "", "", " ", " # c"]),
).map("".join)
_NEAR_QUOTED = st.lists(
    st.sampled_from(
        [
            *"aệẢ :#,[]{}'&*!|>%@`~-",
            '\\"',
            "\xa0",
            "\u2027",
            "\u202a",
            "\ud7ff",
            "\ue000",
            "\ufefe",
            "\uff00",
            "\ufffd",
            "“",
            "\u2028",  # from here: characters the reader leaves to PyYAML
            "\ufeff",
            "\t",
            "\ud800",
            "\U0001f600",
            "\x85",
        ]
    ),
    max_size=8,
).map(lambda parts: '"' + "".join(parts) + '"')
_NEAR_PLAIN = st.one_of(
    st.from_regex(r"[a-z][a-z0-9._/-]{0,6}", fullmatch=True),
    st.sampled_from(["yes", "no", "on", "off", "true", "false", "null", "y", "n", "nan"]),
    st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}", fullmatch=True),
    st.builds(
        "{}-{}-{}".format,
        st.sampled_from(["2022", "0000", "9999", "1", "20220"]),
        st.sampled_from(["02", "2", "12", "13", "00"]),
        st.sampled_from(["28", "29", "30", "31", "1", "00"]),
    ),
    st.from_regex(r"[0-9_]{1,20}|0[xob][0-9]{1,2}|[1-9]:[0-5][0-9]", fullmatch=True),
)
_NEAR_LIST = st.one_of(
    st.lists(_NEAR_QUOTED, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
    st.lists(_NEAR_PLAIN, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
)
_SIMPLE_LINE = st.tuples(
    st.sampled_from(["title", "tags", "a_b", "date", "x", "on", "cover", "slug"]),
    st.one_of(_NEAR_QUOTED, _NEAR_PLAIN, _NEAR_LIST),
).map(": ".join)
"""A line as the simple reader takes them, but for what the values hold."""
_BLOCK_LINE = st.tuples(
    st.sampled_from(["", "", "", "", " ", "  ", "\t"]),
    st.sampled_from(["radio", "air_date", "x", "on"]),
    st.sampled_from([":", ":", ":", ": ", " :"]),
).map("".join)
"""A key alone on its line (a block's), maybe indented."""
_NESTED_LINE = st.tuples(
    st.sampled_from(["  ", "  ", "  ", " ", "   ", "\t", "    "]), _SIMPLE_LINE
).map("".join)
"""A line of a block, two spaces in as the simple reader takes them, or not."""
_BLOCK = st.tuples(_BLOCK_LINE, st.lists(_NESTED_LINE, max_size=3)).map(
    lambda block: "\n".join([block[0], *block[1]])
)
"""A key alone and the lines under it."""
_YAML_LINES = st.lists(
    st.one_of(_SIMPLE_LINE, _SIMPLE_LINE, _ANY_LINE, _BLOCK, _NESTED_LINE), min_size=1, max_size=5
)
_USUAL_VALUES = st.one_of(
    st.text(alphabet=st.sampled_from([*"aệ :#'"]), max_size=4).map(lambda t: f'"{t}"'),
    st.sampled_from(
        [
            "web",
            "2022-05-14",
            "2024-02-30",
            "0",
            "17",
            "true",
            "false",
            "[web, zalo]",
            '["a"]',
            "[]",
        ]
    ),
)
_USUAL_LINE = st.tuples(
    st.sampled_from(["title", "order", "air_date", "note", "on"]), _USUAL_VALUES
).map(": ".join)
_USUAL_BLOCK = st.tuples(
    st.sampled_from(["radio:", "radio:", "radio:", "radio:", "radio: ", " radio:", "on:"]),
    st.lists(
        st.tuples(st.sampled_from(["  ", "  ", "  ", "  ", "  ", " ", "   ", "\t"]), _USUAL_LINE),
        unique_by=lambda indented: indented[1].partition(":")[0],
        max_size=3,
    ),
).map(lambda block: "\n".join([block[0], *map("".join, block[1])]))
_USUAL_LINES = st.lists(
    st.one_of(_USUAL_LINE, _USUAL_BLOCK),
    unique_by=lambda line: line.partition(":")[0],
    min_size=1,
    max_size=4,
)
"""Front matters, blocks or not, mostly of the form the simple reader takes, so that it does."""


def _lines_of(lines: list[str]) -> list[str]:
    """The lines as written, those holding a block's lines split."""
    return "\n".join(lines).split("\n")


_DOCUMENTS = st.one_of(_YAML_LINES, _USUAL_LINES).map(_lines_of)


@settings(max_examples=_EXAMPLES * 2, deadline=None)
@given(_DOCUMENTS)
def test_simple_front_matter_reads_as_pyyaml_reads_it(lines: list[str]) -> None:
    """The simple reader gives, for each front matter it takes, exactly what PyYAML's safe
    loader gives (values and their types), and takes none PyYAML refuses."""
    import yaml

    from publish import frontmatter, simple_yaml

    text = "\n".join(lines)
    fast = simple_yaml.read(text)
    try:
        full = yaml.load(text, Loader=frontmatter.Loader)
    except (yaml.YAMLError, UnicodeEncodeError):  # the C reader's error for a lone surrogate
        assert fast is None
        return
    assert fast is None or repr(fast) == repr(full)


def test_front_matter_as_publish_new_writes_it_takes_the_simple_reader() -> None:
    """A front matter as `publish new` and the sample write it is read by the simple reader,
    with the values PyYAML gives it (else the reader would save nothing)."""
    import yaml

    from publish import frontmatter, simple_yaml

    text = "\n".join(
        [
            'id: "bt-00001"',
            'title: "Ra mắt mô hình \\"Zalo an ninh\\" tại phường 3: #1"',
            "date: 2022-03-11 15:41",
            "category: phong-trao-toan-dan",
            'tags: ["tuyên truyền", "khu dân cư"]',
            "cover: images/ban-tin/an-ninh.jpg",
            'approved_by: ""',
            "empty: []",
            "order: 3",
            "channels: [web, zalo]",
            "radio:",
            "  air_date: 2022-05-14",
            '  note: "Đọc chậm"',
            "expires: 2022-02-30",
            "draft: true",
        ]
    )
    fast = simple_yaml.read(text)
    assert fast is not None
    assert fast["title"] == 'Ra mắt mô hình "Zalo an ninh" tại phường 3: #1'
    assert fast["radio"] == {"air_date": dt.date(2022, 5, 14), "note": "Đọc chậm"}
    assert fast["expires"] == "2022-02-30"  # no such day: a text, which the field check names
    assert repr(fast) == repr(yaml.load(text, Loader=frontmatter.Loader))
