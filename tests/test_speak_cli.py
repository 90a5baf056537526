"""`publish speak`: files and stdin in, read-aloud script / TTS text / findings out."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest

from publish.cli import main
from publish.frontmatter import Parsed
from publish.limits import MAX_SOURCE_BYTES

BULLETIN = """\
---
title: "Ra quân bảo đảm TTATGT"
---

## Ra quân bảo đảm TTATGT

Ngày 08/12/2020, CAH phối hợp với Đội CSĐTTP
kiểm tra 21 trường hợp, phạt 105.500.000đ.
"""


@pytest.fixture
def bulletin(tmp_path: Path) -> Path:
    path = tmp_path / "tin.md"
    path.write_text(BULLETIN, encoding="utf-8")
    return path


def test_prints_script_of_a_file(bulletin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["speak", str(bulletin)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == (
        "Ngày tám tháng mười hai năm hai nghìn không trăm hai mươi, Công an huyện phối hợp với "
        "Đội CSĐTTP kiểm tra hai mươi mốt trường hợp, phạt một trăm linh năm triệu năm trăm "
        "nghìn đồng."
    )
    assert "1 cảnh báo (1 chặn duyệt)" in err


def test_reads_stdin_when_no_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Gọi số 113 lúc 14h30"))
    assert main(["speak"]) == 0
    assert capsys.readouterr().out.strip() == "Gọi số một một ba lúc mười bốn giờ ba mươi phút."


def test_flags_lists_findings_with_file_line_and_strict_exit(
    bulletin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["speak", "--flags", str(bulletin)]) == 0
    out = capsys.readouterr().out
    [line] = [text for text in out.splitlines() if text.startswith(f"{bulletin}:7: ")]
    assert line.startswith(f"{bulletin}:7: [chặn duyệt] Chữ viết tắt «CSĐTTP»")
    assert line.endswith(" (mã quy tắc R14.6)")
    assert "«CSĐTTP»" in out
    assert "Ngày tám" not in out  # findings only, not the script
    assert main(["speak", "--flags", "--strict", str(bulletin)]) == 1


def test_unit_abbreviations_file_resolves_finding(
    bulletin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = tmp_path / "don-vi.tsv"
    lexicon.write_text("# đơn vị\nCSĐTTP\tCảnh sát điều tra tội phạm\n", encoding="utf-8")
    assert main(["speak", "--strict", "--abbreviations", str(lexicon), str(bulletin)]) == 0
    out, err = capsys.readouterr()
    assert "Đội Cảnh sát điều tra tội phạm kiểm tra" in out
    assert err == ""


def test_bad_abbreviation_file_names_file_and_line(
    bulletin: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lexicon = tmp_path / "hong.tsv"
    lexicon.write_text("ANTT\tan ninh trật tự\nCSĐTTP Cảnh sát điều tra\n", encoding="utf-8")
    assert main(["speak", "--abbreviations", str(lexicon), str(bulletin)]) == 1
    err = capsys.readouterr().err
    assert f"{lexicon}:2: lỗi: " in err and "Tìm thấy 1 lỗi." in err
    assert "Traceback" not in err


def test_missing_file_is_a_vietnamese_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["speak", str(tmp_path / "khong-co.md")]) == 1
    assert "Không tìm thấy tệp" in capsys.readouterr().err


def test_a_file_over_the_markdown_size_cap_is_refused_with_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was read whole, however large, as the build no longer does (publish/limits.py)."""
    path = tmp_path / "lon.md"
    path.write_bytes(b"\n" * (MAX_SOURCE_BYTES + 100_000))
    assert main(["speak", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: tệp nặng 2,1 MB, quá giới hạn 2 MB cho một tệp Markdown: không đọc" in err
    assert "tách bài thành nhiều bản tin" in err


class _CountingBytes(io.BytesIO):
    """Bytes piped in, counting how many were read."""

    taken = 0

    def read(self, size: int | None = -1) -> bytes:
        """Read, counting."""
        data = super().read(size)
        self.taken += len(data)
        return data


def test_stdin_over_the_markdown_size_cap_is_refused_after_reading_cap_plus_one_bytes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`publish speak FILE` refused a file over 2 MB unread, `… < FILE` held it whole."""
    piped = _CountingBytes(b"\n" * (3 * MAX_SOURCE_BYTES))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(piped, encoding="utf-8"))
    assert main(["speak"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "đầu vào chuẩn: văn bản nặng hơn 2 MB, giới hạn cho một tệp Markdown: không đọc" in err
    assert "tách bài thành nhiều bản tin" in err and "Traceback" not in err
    assert piped.taken == MAX_SOURCE_BYTES + 1


def test_stdin_at_the_cap_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Gọi số 113.".encode()
    padded = text + b" " * (MAX_SOURCE_BYTES - len(text))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(padded), encoding="utf-8"))
    assert main(["speak"]) == 0
    assert capsys.readouterr().out.strip() == "Gọi số một một ba."


def test_stdin_not_in_utf8_is_a_vietnamese_error_with_its_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was an "internal error" (UnicodeDecodeError), as a file in another encoding is not."""
    piped = io.BytesIO("Gọi số 113.\n".encode() + "Lê Văn".encode("latin-1", "replace"))
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(piped, encoding="utf-8"))
    assert main(["speak"]) == 1
    err = capsys.readouterr().err
    assert "đầu vào chuẩn, dòng 2: dữ liệu không phải văn bản UTF-8" in err


@pytest.mark.parametrize(
    "text",
    [
        "TUYỆT MẬT\n\nKế hoạch tuần tra.\n",
        '---\ntitle: "Kế hoạch"\nclassification: "Mật."\n---\n\nKế hoạch tuần tra.\n',
        '---\ntitle: "[MẬT] Kế hoạch"\n---\n\nKế hoạch tuần tra.\n',
    ],
)
def test_a_secret_text_is_never_read_aloud(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Secret documents never pass through the tool: speak refuses them as build does."""
    secret = tmp_path / "mat.md"
    secret.write_text(text, encoding="utf-8")
    ordinary = tmp_path / "thuong.md"
    ordinary.write_text("Giữ bí mật thông tin cá nhân.\n", encoding="utf-8")
    assert main(["speak", str(ordinary), str(secret)]) == 1
    captured = capsys.readouterr()
    assert "Kế hoạch tuần tra" not in captured.out and "bí mật" not in captured.out
    assert "mật" in captured.err and "không bao giờ đọc thành lời" in captured.err


def test_tts_output_spells_letters_and_splits_hyphens(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("VTV: xe chạy 80 km/h trên QL1A"))
    assert main(["speak", "--tts"]) == 0
    assert capsys.readouterr().out.strip() == (
        "vê tê vê: xe chạy tám mươi ki lô mét trên giờ trên quốc lộ một a."
    )


def test_house_style_switches(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Có 104 xe, 1.000 người, lúc 7h05 ngày 3/6"))
    argv = ["speak", "--zero-tens", "lẻ", "--thousand", "ngàn", "--no-minutes-word", "--mung"]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == (
        "Có một trăm lẻ bốn xe, một ngàn người, lúc bảy giờ năm ngày mùng ba tháng sáu."
    )


def test_time_estimate_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Gọi số 113."))
    assert main(["speak", "--time", "--read-rate", "210"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Gọi số một một ba."
    assert "5 âm tiết, ước tính 0:02 (tốc độ 210 âm tiết/phút)" in err


@pytest.mark.parametrize("rate", ["0", "240.5", "601"])
def test_a_read_rate_out_of_range_or_not_whole_names_the_option_and_what_it_takes(
    rate: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--read-rate 0` named the internal key 'read_rate_spm', `240.5` got argparse's bare
    «giá trị không hợp lệ»: the editor is told of --read-rate, a whole number of syllables a
    minute, and the range, before anything is read."""
    monkeypatch.setattr("sys.stdin", io.StringIO("Gọi số 113."))
    with pytest.raises(SystemExit) as stopped:
        main(["speak", "--time", "--read-rate", rate])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--read-rate: cần số nguyên âm tiết mỗi phút, từ 60 đến 600" in err
    assert f"không phải «{rate}»" in err
    assert "read_rate_spm" not in err


def test_inside_a_project_the_site_toml_radio_settings_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hints send editors to [radio] abbreviations and url_spoken in site.toml: checking a
    sentence with `publish speak` in the project reads it as the build will."""
    from tests.helpers import SITE_TOML, make_project

    root = make_project(
        tmp_path,
        {
            "site.toml": SITE_TOML
            + '\n[radio]\nabbreviations = "tu-viet-tat.tsv"\nurl_spoken = "trang của đơn vị"\n',
            "tu-viet-tat.tsv": "CSĐTTP\tCảnh sát điều tra tội phạm\n",
        },
    )
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("Đội CSĐTTP, xem https://congan-chauthanh.example.vn/a")
    )
    assert main(["speak", "--root", str(root)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Đội Cảnh sát điều tra tội phạm, xem trang của đơn vị."
    assert "cảnh báo" not in err


REPO = Path(__file__).resolve().parents[1]


def test_the_documents_the_tool_refers_to_exist_and_explain_every_rule_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`publish speak --help` and the seed abbreviation list name a document of the repository;
    it explains every rule code a warning ends with (`(mã quy tắc R14.6)`), in Vietnamese."""
    import re

    with pytest.raises(SystemExit):
        main(["speak", "--help"])
    helped = capsys.readouterr().out
    seed = (REPO / "publish/radio/abbreviations.tsv").read_text("utf-8")
    named = set(re.findall(r"docs/[\w./-]+\.md", helped + seed))
    assert named and all((REPO / path).is_file() for path in named), named
    codes = set()
    for source in [
        *(REPO / "publish/radio").glob("*.py"),
        REPO / "publish/render/radio/episode.py",
    ]:
        text = source.read_text("utf-8")
        codes |= set(re.findall(r'(?:ctx\.flag\(|rule_note\()\s*"([RQT][\d.]+)"', text))
    assert {"R14.6", "R3.4", "Q9"} <= codes
    for path in named:
        document = (REPO / path).read_text("utf-8")
        assert not [code for code in sorted(codes) if f"`{code}`" not in document], path


def test_time_estimate_adds_the_cues_as_the_build_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 20: `--time` gave 0:03 for a text with a 0:35 insert and a 0:05 stinger, which
    `build` times at 0:43 (E1, T5: a cue's stated length is added, never read)."""
    text = (
        "Gọi số 113.\n\n[BĂNG: trả lời phỏng vấn | vào: “Chúng tôi…” | 0:35]\n\n"
        "[NHẠC CẮT 0:05]\n\nXin cảm ơn.\n"
    )
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["speak", "--time"]) == 0
    err = capsys.readouterr().err
    assert (
        "8 âm tiết, ước tính 0:42 (lời đọc 0:02 theo tốc độ 240 âm tiết/phút, cộng 0:40 của chỉ "
        "dẫn kỹ thuật)" in err
    )


SHORTCODES = """\
---
title: "Cảnh báo lừa đảo"
---

Đoạn một.

{{< figure src="/images/a.jpg" caption="Ảnh" >}}

{{< notice warning >}}
Cẩn thận lừa đảo.
{{< /notice >}}

<!-- {{< ghi chú >}} -->
[caption id="x"]<img src="/a.jpg"> Chú thích[/caption]
"""


def test_shortcodes_are_blanked_and_reported_once_as_the_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build blanks shortcodes out of the radio script and the load reports each once with
    the Markdown to write; `speak` flagged their fragments (`{{<`, `src="/images`, `>}}`) one
    by one instead, and read them into the script."""
    path = tmp_path / "tin.md"
    path.write_text(SHORTCODES, encoding="utf-8")
    assert main(["speak", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Đoạn một.\n\nCẩn thận lừa đảo."
    assert "3 lỗi mã ngắn (shortcode)" in err
    assert main(["speak", "--flags", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Q2" not in out and "{{<»" not in out
    errors = [line for line in out.splitlines() if "mã ngắn (shortcode)" in line]
    assert [line.split(": ")[0] for line in errors] == [f"{path}:{n}" for n in (7, 9, 14)]
    assert "Cách sửa: Viết ảnh bằng Markdown" in out


def test_shortcodes_in_plain_text_are_blanked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Gọi số 113.\n\n{{< youtube abc >}}\n"))
    assert main(["speak", "--flags"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("đầu vào chuẩn:3: lỗi: công cụ này không hiểu mã ngắn")
    assert "Q2" not in out


def test_a_windows_path_reads_the_file_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bai-viet").mkdir()
    (tmp_path / "bai-viet" / "tin.md").write_text(BULLETIN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["speak", "bai-viet\\tin.md"]) == 0
    assert "hai mươi mốt trường hợp" in capsys.readouterr().out


def test_read_title_reads_the_front_matter_title_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--read-title` promised the bulletin's title but read only `#` headings: a bulletin's
    title is its `title:`, and the presenter heard none. It is read first, as the build reads it
    with `read_title: true`, and its findings point at its line."""
    path = tmp_path / "tin.md"
    path.write_text(
        '---\ndate: 2024-12-02 08:00\ntitle: "Khen thưởng XYZQ ngày 02/12"\n---\n\n'
        "Công an huyện khen thưởng.\n\n## Thành tích\n\nTuần tra.\n",
        encoding="utf-8",
    )
    assert main(["speak", "--read-title", str(path)]) == 0
    assert capsys.readouterr().out.strip() == (
        "Tin: Khen thưởng XYZQ ngày hai tháng mười hai.\n\nCông an huyện khen thưởng.\n\n"
        "Thành tích\n\nTuần tra."
    )
    assert main(["speak", "--read-title", "--flags", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"{path}:3: [chặn duyệt] Chữ viết tắt «XYZQ»")


def test_read_title_reads_a_heading_repeating_the_title_once(
    bulletin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["speak", "--read-title", str(bulletin)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Tin: Ra quân bảo đảm trật tự an toàn giao thông.\n\nNgày tám tháng")
    assert out.count("Ra quân") == 1


@pytest.mark.parametrize(
    "heading",
    [
        "Khen thưởng tổ tuần tra\n=======================",
        "# KHEN THƯỞNG TỔ TUẦN TRA!",
        "## Khen thưởng: tổ tuần tra",
        "# " + unicodedata.normalize("NFD", "Khen thưởng tổ tuần tra"),
    ],
)
def test_read_title_reads_a_heading_repeating_the_title_in_any_form_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], heading: str
) -> None:
    """An underlined heading, or one told from the title by case, punctuation or Unicode form
    only, was read again after the front matter's title: a presenter rehearsing heard it twice."""
    path = tmp_path / "tin.md"
    path.write_text(
        f'---\ntitle: "Khen thưởng tổ tuần tra"\n---\n\n{heading}\n\nCông an huyện khen thưởng.\n',
        encoding="utf-8",
    )
    assert main(["speak", "--read-title", str(path)]) == 0
    assert capsys.readouterr().out.strip() == (
        "Tin: Khen thưởng tổ tuần tra.\n\nCông an huyện khen thưởng."
    )


def test_read_title_says_the_item_s_type_before_the_title_as_the_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build reads «Tin: …» or «Bài: …» (`radio.type`) before the title; `--read-title`
    read the title alone, so the presenter rehearsed a script the station never got."""
    path = tmp_path / "tin.md"
    path.write_text(
        '---\ntitle: "Khen thưởng tổ tuần tra"\nradio: {type: bài, read_title: true}\n---\n\n'
        "Công an huyện khen thưởng.\n",
        encoding="utf-8",
    )
    assert main(["speak", "--read-title", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Bài: Khen thưởng tổ tuần tra.\n\n")


def _built(
    tmp_path: Path, lead_in: str, tag: str, *, title: str = "", read_title: str = ""
) -> tuple[Path, dict[str, bytes], list[str]]:
    """A project whose one bulletin has `lead_in` and `tag` (and `title`, `radio.read_title`
    as YAML source, when given); the radio files the build renders and the notes its check
    tells of them."""
    import datetime as dt

    from publish import config as config_module
    from publish.content import load_site
    from publish.model import Artifact
    from publish.render import radio
    from tests.helpers import bulletin_md, make_project

    block = f'\n  lead_in: "{lead_in}"\n  tag: "{tag}"'
    block += f"\n  read_title: {read_title}" if read_title else ""
    fields = {"radio": block} | ({"title": f'"{title}"'} if title else {})
    text = bulletin_md(fields, body="Công an huyện ra quân bảo đảm trật tự.\n")
    root = make_project(tmp_path, {"content/a.md": text})
    now = dt.datetime(2020, 12, 10, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    site = load_site(config_module.load(root), now=now)
    files = {a.path: a.data for a in radio.render(site) if isinstance(a, Artifact)}
    notes = [p.render() for p in radio.check(site) if p.file == "content/a.md"]
    return root / "content" / "a.md", files, notes


def test_speak_reads_the_lead_in_and_tag_as_the_build_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`radio.lead_in` and `radio.tag` are read on air before and after the body; `speak`
    showed neither, nor their findings. It reads them with the build's own function: the same
    words, the same findings at the same lines."""
    import json

    path, files, _ = _built(
        tmp_path,
        "Thưa quý vị, Công an huyện vừa ra quân 12/3 tổ.",
        "Kẻ gian gọi từ số 0912345678 để lừa tiền.",
    )
    [rundown] = [json.loads(d) for p, d in files.items() if p.endswith("/rundown.json")]
    [item] = [i for i in rundown["items"] if i["key"] == "a"]
    built = [(f["excerpt"], f["line"]) for f in item["flags"]]
    script = files["items/a.txt"].decode("utf-8-sig")
    read = [line for line in script.splitlines() if line.startswith(("LỜI DẪN", "LỜI KẾT TIN"))]
    assert len(read) == 2 and {excerpt for excerpt, _ in built} == {"12/3", "0912345678"}

    assert main(["speak", "--root", str(path.parents[1]), "--flags", str(path)]) == 0
    told = capsys.readouterr().out.splitlines()
    assert len(told) == len(built)
    for excerpt, line in built:
        assert any(t.startswith(f"{path}:{line}: ") and f"«{excerpt}»" in t for t in told)
    # In the order read: the lead-in's before the tag's.
    assert "«12/3»" in told[0] and "«0912345678»" in told[-1]

    assert main(["speak", "--root", str(path.parents[1]), str(path)]) == 0
    out = capsys.readouterr().out.strip().split("\n\n")
    assert out == [read[0], "Công an huyện ra quân bảo đảm trật tự.", read[1]]


def test_speak_holds_a_bulletin_whose_lead_in_the_build_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown abbreviation in the lead-in holds the bulletin from the radio (R14.6);
    `speak --strict` said «Không có cảnh báo nào» and passed."""
    path, _, notes = _built(tmp_path, "Thưa quý vị, XQZ vừa ra quân.", "Xin cảm ơn quý vị.")
    [held] = [note for note in notes if "«XQZ»" in note]
    line = held.split(":")[1]
    assert main(["speak", "--root", str(path.parents[1]), "--strict", "--flags", str(path)]) == 1
    [told] = capsys.readouterr().out.splitlines()
    assert told.startswith(f"{path}:{line}: [chặn duyệt]") and "«XQZ»" in told


def test_speak_reads_the_title_first_when_the_bulletin_asks_for_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`radio: {read_title: true}` has the build read the title first; `speak` read it only with
    `--read-title`, so a presenter rehearsing the bulletin never heard what the station would
    air. It reads the field with the build's own `radio_block`."""
    path, files, _ = _built(
        tmp_path, "Thưa quý vị.", "Xin cảm ơn.", title="Khen thưởng CSGT", read_title="true"
    )
    script = files["items/a.txt"].decode("utf-8-sig").splitlines()
    [said] = [line for line in script if line.startswith("Tin: ")]
    assert said == "Tin: Khen thưởng Cảnh sát giao thông."
    assert main(["speak", "--root", str(path.parents[1]), str(path)]) == 0
    out = capsys.readouterr().out.strip().split("\n\n")
    assert out[1:3] == [said, "Công an huyện ra quân bảo đảm trật tự."]


def test_speak_holds_a_bulletin_whose_title_the_build_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title read first with an unknown abbreviation holds the bulletin from the radio;
    without `--read-title`, `speak --strict` passed it."""
    path, _, notes = _built(
        tmp_path, "Thưa quý vị.", "Xin cảm ơn.", title="Khen thưởng XQZ", read_title="true"
    )
    [held] = [note for note in notes if "«XQZ»" in note]
    line = held.split(":")[1]
    assert main(["speak", "--root", str(path.parents[1]), "--strict", "--flags", str(path)]) == 1
    [told] = capsys.readouterr().out.splitlines()
    assert told.startswith(f"{path}:{line}: [chặn duyệt]") and "«XQZ»" in told


@pytest.mark.parametrize("read_title", ["false", '"có"'])
def test_speak_reads_no_title_when_the_build_reads_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], read_title: str
) -> None:
    """`read_title: false`, or a value that is no true/false (`publish check` reports it), and
    the build reads no title: neither does `speak`."""
    path, files, _ = _built(
        tmp_path, "Thưa quý vị.", "Xin cảm ơn.", title="Khen thưởng tổ", read_title=read_title
    )
    assert not any(b"Tin: Khen" in data for data in files.values())
    assert main(["speak", "--root", str(path.parents[1]), str(path)]) == 0
    assert "Khen thưởng tổ" not in capsys.readouterr().out


def test_each_file_s_front_matter_is_split_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The secret gate, the shortcodes, the title and the lead-in each split the file again."""
    import publish.commands.speak as speak

    path = tmp_path / "tin.md"
    path.write_text(
        '---\ntitle: "Ra quân"\nradio:\n  lead_in: "Thưa quý vị"\n---\n\n'
        "Xem [thông báo](https://ca.example.vn/tb).\n",
        encoding="utf-8",
    )
    calls: list[str] = []
    split = speak.split

    def counted(text: str) -> Parsed:
        calls.append(text)
        return split(text)

    monkeypatch.setattr(speak, "split", counted)
    assert main(["speak", "--read-title", str(path)]) == 0
    assert capsys.readouterr().out.strip().split("\n\n") == [
        "LỜI DẪN: Thưa quý vị.",
        "Tin: Ra quân.",
        "Xem thông báo.",
    ]
    assert len(calls) == 1


def test_speak_reads_the_front_matter_of_a_windows_file_like_any_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin saved by Notepad (BOM, CRLF line ends) failed to split: its title and
    lead-in went unread and its front matter was read aloud as text."""
    text = (
        '---\ntitle: "Ra quân"\nradio:\n  lead_in: "Thưa quý vị"\n  tag: "Xin cảm ơn"\n'
        "  read_title: true\n---\n\nCông an huyện ra quân bảo đảm trật tự.\n"
    )
    unix = tmp_path / "unix.md"
    unix.write_text(text, encoding="utf-8")
    windows = tmp_path / "windows.md"
    windows.write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    assert main(["speak", str(unix)]) == 0
    read = capsys.readouterr().out
    assert read.strip().split("\n\n") == [
        "LỜI DẪN: Thưa quý vị.",
        "Tin: Ra quân.",
        "Công an huyện ra quân bảo đảm trật tự.",
        "LỜI KẾT TIN: Xin cảm ơn.",
    ]
    assert main(["speak", str(windows)]) == 0
    assert capsys.readouterr().out == read


def test_speak_tells_the_radio_block_s_own_errors_as_check_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `radio:` block with an air date that is none and a misspelt key stops the build once
    the bulletin is published (`publish check` tells both); `speak` read the block and dropped
    its errors: a clean script, exit 0 under `--strict`."""
    path = tmp_path / "tin.md"
    path.write_text(
        '---\ntitle: "Ra quân"\nradio:\n  air_date: "ngày mai"\n  read_titel: true\n---\n\n'
        "Công an huyện ra quân.\n",
        encoding="utf-8",
    )
    assert main(["speak", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "Công an huyện ra quân."
    assert f"{path}: 2 lỗi ở khối radio" in err
    assert main(["speak", "--flags", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    told = [line for line in out.splitlines() if ": lỗi: " in line]
    assert told == [
        f"{path}:4: lỗi: trường 'radio.air_date': không đọc được ngày phát «ngày mai»",
        f"{path}:5: lỗi: trường 'radio.read_titel': khóa không được hỗ trợ trong khối radio",
    ]
    assert "Cách sửa: Viết dạng 2020-12-12." in out
