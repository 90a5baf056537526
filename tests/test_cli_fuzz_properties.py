"""Fuzzing the command line (hypothesis): a bulletin or site.toml of the sample project broken in
any way an editor, a pasted document or a bad copy could break it still gets a clear answer from
`publish check` and `publish build`: exit 0 or 1, never a traceback nor the «Lỗi nội bộ» of an
uncaught exception, on failure a Vietnamese message naming the broken file, and output/ as the
last good build left it.

Examples are few and derandomized so the suite stays fast and repeatable; hunt with many more:
`CLI_FUZZ_EXAMPLES=2000 CLI_FUZZ_RANDOM=1 pytest tests/test_cli_fuzz_properties.py`.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publish.cli import main
from tests.helpers import snapshot

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-12-31T09:00"
"""After every sample bulletin's date: each one is published, so each is rendered."""
BULLETIN = "content/bai-viet/2022-05-10-canh-bao-gia-danh-cong-an-goi-dien-lua-dao.md"
"""The bulletin the fuzzer breaks: it has tags, a cover, a radio block and an approval."""
OTHER = "content/bai-viet/2020-12-08-ra-mat-trang-zalo-official-account.md"
"""A second, untouched bulletin: links, listings and related articles have something to do."""

FUZZ = settings(
    max_examples=int(os.environ.get("CLI_FUZZ_EXAMPLES", 10)),
    derandomize=not os.environ.get("CLI_FUZZ_RANDOM"),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    print_blob=True,
)

# --- what a front matter value can be, as YAML source text --------------------------------------

SCALAR_YAML = st.sampled_from(
    [
        "", "~", "null", "true", "no", "0", "-1", "99999999999999999999999", "1e309", ".nan",
        "3.14", "20220510", "2022-05-10", "2022-13-45", "2022-05-10 25:61", "10/05/2022",
        "0000-00-00", "9999-12-31 23:59", "-2022-05-10", "2022-05-10T08:00:00+99:00", "[]", "{}",
        "[1, 2, [3, [4]]]", "{a: 1, b: [x]}", "!!python/object/apply:os.system ['true']",
        "!!python/name:os.system", "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]",
        "!!timestamp 2022-05-10", "!!float nope", "!custom x", "&a [1, 2]", "*missing",
        "'''", '"\\x00"', '"\\ud800"', '"\\uffff"', '"a\\tb"', "|\n  nhiều\n  dòng",
        ">-\n  gấp\n  dòng", "- a\n- b", "- - - x", "\n  x: 1\n  y: [2]", "\n  - 1\n  - {}",
        "'../../../etc/passwd'", '"/tmp/x"', '"C:\\\\Windows"', '"..\\\\..\\\\x"',
        '"a/../../b"', '"."', '".."', '"con"', '"aux.md"', '"<script>alert(1)</script>"',
        '"ＣＡＮＨ-BAO"', '"canh-bao-toi-pham "', "canh-bao-toi-pham", "an-ninh-trat-tu",
        '"khong-co"', "images/khong-co.jpg", "images/canh-bao-lua-dao.jpg", '"images/"',
        '"http://x.vn/a.jpg"', '"file:///etc/passwd"', "[web, zalo]", "[web, fax]", "web",
        "[null]", '[""]', "mật", '"tối mật"', "{air_date: 2022-05-14}", "{air_date: x}",
        "{reader: [1]}", "{title: {}}", "Thượng tá Nguyễn Văn Hùng",
    ]
)  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    max_size=30,
)
QUOTED_TEXT = TEXT.map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"')
HUGE = st.sampled_from(["x" * 100_000, "đ" * 50_000, "[" * 20_000, "a " * 30_000]).map(
    lambda s: '"' + s + '"'
)
DEEP = st.integers(50, 3000).map(lambda n: "[" * n + "]" * n)
VALUE_YAML = st.one_of(SCALAR_YAML, QUOTED_TEXT, TEXT, HUGE, DEEP)
KEYS = st.sampled_from(
    [
        "id", "title", "date", "category", "summary", "tags", "author", "cover", "cover_alt",
        "approved_by", "approved_version", "draft", "expires", "channels", "slug",
        "classification", "pii_reviewed_by", "web", "zalo", "radio", "aliases", "series",
        "Draft", "aproved_by", "x" * 300, "? [a]", "<b>", "1", "null", "ngày",
    ]
)  # fmt: skip

# --- whole-file damage, applied to the bytes -----------------------------------------------------


def _replace_front(text: str, key: str, value: str) -> str:
    """The bulletin with `key:` set to `value` (appended when the key is not there)."""
    lines = text.split("\n")
    end = lines.index("---", 1)
    for index in range(1, end):
        if lines[index].startswith(f"{key}:"):
            # A block value continues on indented lines: drop them with the key.
            stop = index + 1
            while stop < end and lines[stop].startswith((" ", "\t")):
                stop += 1
            lines[index:stop] = [f"{key}: {value}"]
            return "\n".join(lines)
    lines.insert(end, f"{key}: {value}")
    return "\n".join(lines)


BYTE_DAMAGE = st.sampled_from(
    [
        lambda b: b"\xef\xbb\xbf" + b,
        lambda b: b"\xef\xbb\xbf\xef\xbb\xbf" + b,
        lambda b: b.replace(b"\n", b"\r\n"),
        lambda b: b.replace(b"\n", b"\r"),
        lambda b: b.replace(b"title:", b"title:\x00"),
        lambda b: b.replace(b'summary: "', b'summary: "\xed\xa0\x80'),  # a lone surrogate
        lambda b: b.replace(b"Th\xe1\xbb", b"Th\xe1"),  # a cut multi-byte character
        lambda b: b.replace("Công".encode(), "Công".encode("cp1258", "replace")),
        lambda b: b.replace(b"\n", b"\n", 3).replace(b"  air_date", b"\tair_date"),
        lambda b: b.replace(b"---\n", b"", 1),
        lambda b: b.replace(b"\n---\n", b"\n", 1),
        lambda b: b[: len(b) // 3],
        lambda b: b"",
        lambda b: b"---\n---\n",
        lambda b: b"---\n",
        lambda b: b.replace(b"title:", b"title: &t x\nt2: *t\ntitle:"),
        lambda b: b.replace(b"author:", b"author: a\nauthor:"),
        lambda b: b.replace(b"radio:\n", b"radio: &r\n  <<: *r\n", 1),
        lambda b: b.replace(b"---\n", b"--- !!python/object:os.system\n", 1),
        lambda b: b.replace(b"---\n", b"---\n%YAML 1.1\n", 1),
        lambda b: b.replace(b"tags:", b"tags: !!set\n  ? a\nx:"),
        lambda b: b.decode("utf-8").encode("utf-16"),
        lambda b: b.decode("utf-8").encode("utf-8").replace(b"\xc3\xa0", b"a\xcc\x80"),  # NFD
    ]
)

BODY_PIECES = st.sampled_from(
    [
        "```\nchưa đóng\n", "~~~python\n", "<div>", "</div>", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "<!-- chưa đóng", "{{< youtube abc >}}", "{{< x",
        "{{% ref \"a.md\" %}}", "{{</* x */>}}", "[a]: https://x.vn\n", "[a]: <>\n",
        "[a][b]", "[^1]", "[^1]: ghi chú\n", "![](images/khong-co.jpg)", "![x](../../etc/passwd)",
        "![x](/etc/passwd)", "![x](images/canh-bao-lua-dao.jpg \"t\")", "[x](javascript:alert(1))",
        "[x](bai-khac.md)", "[x](../pages/lien-he.md#a)", "| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 50,
        "|" * 500 + "\n", "\x01\x02\x07\x1b[31m", "\x0b\x0c", "\u202e", "\u200b\u200d", "\ufeff",
        "\t- tab\n", "> " * 40 + "sâu\n", "- " * 40 + "sâu\n", "1. " * 30 + "\n", "# \n", "#" * 7 + " x\n",
        "***\n", "---\n", "===\n", "*" * 300, "_" * 300, "`" * 50, "\\" * 50, "&#0;", "&#xD800;",
        "&nbsp;" * 20, "http://", "<http://x>", "a@b.c", "0277 3610 113", "CCCD 012345678901",
        "\r\n", "\n\n", "\u0301\u0301", "- " * 1000 + "x\n", "<" * 5000, "[" * 5000,
    ]
)  # fmt: skip
BODIES = st.lists(st.one_of(BODY_PIECES, TEXT), min_size=1, max_size=12).map("".join)

# --- site.toml damage ---------------------------------------------------------------------------

TOML_VALUES = st.sampled_from(
    [
        '""', '" "', "0", "-1", "1.5", "true", "[]", "[1]", '["x"]', "{}", "{a = 1}",
        "1979-05-27", "1979-05-27T07:32:00", "07:32:00", '"x" ', "inf", "nan", '"' + "x" * 5000 + '"',
        '"../../etc"', '"/tmp"', '"\\u0000"', '"Thứ Tám"', '"25:00"', '"Asia/Không_có"',
        '"ftp://x"', '"https://"', '"vi"', '"en"', '["web", "fax"]', '["web", "web"]', "99999999999",
    ]
)  # fmt: skip


def _toml_keys(text: str) -> list[tuple[int, str]]:
    """(line index, key) of every `key = value` line of the sample site.toml."""
    return [
        (index, line.split("=", 1)[0].strip())
        for index, line in enumerate(text.split("\n"))
        if re.match(r"^[A-Za-z_][\w-]* *=", line)
    ]


TOML_DAMAGE = st.sampled_from(
    [
        lambda t: t.replace("[unit]", "[unit", 1),
        lambda t: re.sub(r"(?ms)^\[site\].*?(?=^\[)", "", t, count=1),
        lambda t: re.sub(r"(?ms)^\[unit\].*?(?=^\[)", "", t, count=1),
        lambda t: re.sub(r"(?ms)^\[categories\.[^\]]+\].*?(?=^\[(?!categories))", "", t),
        lambda t: re.sub(r"(?ms)^\[radio\].*?(?=^\[)", "", t, count=1),
        lambda t: t + '\n[unit]\nname = "x"\n',
        lambda t: t + "\n[khong_co]\na = 1\n",
        lambda t: t + "\n[categories.x]\n",
        lambda t: t + "\n[categories]\nx = 1\n",
        lambda t: t.replace("[web]", "web = 1\n[web2]", 1),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: t[: len(t) // 2],
        lambda t: "",
        lambda t: t.replace("Châu", "Ch\udcc3u"),
    ]
)


@contextlib.contextmanager
def _captured() -> Iterator[tuple[io.StringIO, io.StringIO]]:
    """stdout and stderr of an in-process command (hypothesis and capsys do not mix)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project cut to two bulletins, built once: each example starts from a copy."""
    root = tmp_path_factory.mktemp("sample") / "project"
    root.mkdir()
    shutil.copy(REPO / "site.toml", root / "site.toml")
    shutil.copytree(REPO / "content" / "images", root / "content" / "images")
    shutil.copytree(REPO / "content" / "pages", root / "content" / "pages")
    shutil.copy(REPO / "content" / "tu-viet-tat.tsv", root / "content" / "tu-viet-tat.tsv")
    for rel in (BULLETIN, OTHER):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / rel, root / rel)
    with _captured() as (_, err):
        code = main(["build", "--root", str(root), "--now", NOW, "-q"])
    assert code == 0, err.getvalue()
    return root


@contextlib.contextmanager
def _copy(built: Path) -> Iterator[Path]:
    """A fresh copy of the built sample project, removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        shutil.copytree(built, root, symlinks=True)
        yield root


VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def _assert_clear(
    command: str, root: Path, broken: tuple[str, ...], before: dict[str, bytes]
) -> None:
    """Run `command` on `root`: exit 0 or 1, no crash, a failure in Vietnamese naming a file of
    `broken`,
    and output/ untouched by a failure (and by `check` always)."""
    with _captured() as (out, err):
        code = main([command, "--root", str(root), "--now", NOW])
    text = err.getvalue()
    assert code in (0, 1), (code, text)
    assert "Traceback" not in text and "Lỗi nội bộ" not in text, _debug(command, root, text)
    if code == 1:
        assert any(name in text for name in broken), text[:3000]
        assert VIETNAMESE.search(text), text[:3000]
    if code == 1 or command == "check":
        assert snapshot(root / "output") == before, text[:3000]
    del out


def _debug(command: str, root: Path, text: str) -> str:
    """The traceback of the crash, rerun with --debug, for the failure report."""
    import traceback

    try:
        with _captured():
            main([command, "--root", str(root), "--now", NOW, "--debug"])
    except BaseException:
        return text + "\n" + traceback.format_exc()
    return text


COMMANDS = st.sampled_from(["check", "build"])


@FUZZ
@given(
    command=COMMANDS,
    changes=st.lists(st.tuples(KEYS, VALUE_YAML), min_size=1, max_size=4),
    body=st.none() | BODIES,
    damage=st.none() | BYTE_DAMAGE,
)
def test_a_broken_bulletin_gets_a_clear_answer(
    built: Path,
    command: str,
    changes: list[tuple[str, str]],
    body: str | None,
    damage: Callable[[bytes], bytes] | None,
) -> None:
    with _copy(built) as root:
        path = root / BULLETIN
        text = path.read_text(encoding="utf-8")
        for key, value in changes:
            text = _replace_front(text, key, value)
        if body is not None:
            head, _, rest = text.partition("\n---\n")
            text = head + "\n---\n" + rest[: len(rest) // 2] + body + rest[len(rest) // 2 :]
        raw = text.encode("utf-8", "surrogateescape")
        if damage is not None:
            with contextlib.suppress(UnicodeError):  # a damage that needs valid UTF-8
                raw = damage(raw)
        path.write_bytes(raw)
        _assert_clear(command, root, (BULLETIN,), snapshot(root / "output"))


@FUZZ
@given(
    command=COMMANDS,
    changes=st.lists(st.tuples(st.integers(0, 200), TOML_VALUES), max_size=3),
    damage=st.none() | TOML_DAMAGE,
)
def test_a_broken_site_toml_gets_a_clear_answer(
    built: Path,
    command: str,
    changes: list[tuple[int, str]],
    damage: Callable[[str], str] | None,
) -> None:
    with _copy(built) as root:
        path = root / "site.toml"
        text = path.read_text(encoding="utf-8")
        keys = _toml_keys(text)
        lines = text.split("\n")
        for pick, value in changes:
            index, key = keys[pick % len(keys)]
            lines[index] = f"{key} = {value}"
        text = "\n".join(lines)
        if damage is not None:
            text = damage(text)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
        # A category or setting gone is the bulletins' problem as much as site.toml's.
        _assert_clear(command, root, ("site.toml", "content/"), snapshot(root / "output"))
