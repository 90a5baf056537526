"""A link from a published bulletin to one not published now (draft, waiting for approval or
its date, expired, off the website) keeps its words and loses its address on every channel:
the address is made from the other's date and title, which may carry a victim's name or an
embargoed fact. Once the other is published, the link's address comes back, also in a rebuild
that reuses .cache/ and output/ when nothing but the clock changed, and goes again when the
other is held back.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from publish import replay
from publish.cli import main
from publish.links import held_words
from publish.render.radio.layout import station_words
from publish.render.web.search import plain_text
from tests.helpers import NOW, OA_ID, SITE_TOML, bulletin_md, make_project
from tests.zalo_project import jpeg

TOML = (
    SITE_TOML.replace(
        'base_url = "https://congan-chauthanh.example.vn/"',
        'base_url = "https://congan-chauthanh.example.vn/"\ndefault_cover = "images/bia.jpg"',
    )
    + f'\n[zalo]\noa_id = "{OA_ID}"\n'
)
"""Zalo needs a cover for every bulletin, and an OA to be built for at all."""
A = "content/bai-viet/2021-01-01-a.md"
LATER = NOW + dt.timedelta(hours=3)
"""After the embargo of the scheduled bulletin (an hour after NOW)."""
SCHEDULED = f"{NOW + dt.timedelta(hours=1):%Y-%m-%d %H:%M}"
HELD = {
    "content/bai-viet/2020-12-20-nan-nhan-nguyen-van-a.md": {"draft": "true"},
    "content/bai-viet/2020-12-21-cho-duyet-ten-nghi-pham.md": {"approved_by": '""'},
    "content/bai-viet/2021-01-01-sap-cong-bo-chuyen-an.md": {"date": SCHEDULED},
    "content/bai-viet/2020-12-23-da-het-han-bi-mat.md": {"expires": "2020-12-31 08:00"},
}
"""Held bulletins, each with the fields that hold it; their slugs must never go out."""
SLUGS = ("nan-nhan-nguyen-van-a", "cho-duyet-ten-nghi-pham", "sap-cong-bo-chuyen-an", "da-het-han")
BODY = (
    "Xem thêm [bài một](2020-12-20-nan-nhan-nguyen-van-a.md), "
    "[bài hai](2020-12-21-cho-duyet-ten-nghi-pham.md),\n"
    "[bài ba](2021-01-01-sap-cong-bo-chuyen-an.md#muc) và "
    "[bài bốn](2020-12-23-da-het-han-bi-mat.md).\n\n"
    "Đọc cả [bài đã đăng](2020-12-09-da-dang.md).\n"
)


def project(tmp_path: Path) -> Path:
    """Bulletin A linking to the four HELD and to one published bulletin."""
    files: dict[str, str | bytes] = {
        A: bulletin_md({"id": "a", "title": '"Bài A"', "date": "2021-01-01 08:00"}, body=BODY),
        "content/bai-viet/2020-12-09-da-dang.md": bulletin_md(
            {"id": "da-dang", "title": '"Đã đăng"', "date": "2020-12-09 08:00"}
        ),
        "content/images/bia.jpg": jpeg(200, 200),
        "site.toml": TOML,
    }
    for number, (path, fields) in enumerate(HELD.items()):
        name = path.rsplit("/", 1)[1]
        front = {"id": f"held-{number}", "title": f'"{name[11:-3]}"', "date": name[:10] + " 08:00"}
        files[path] = bulletin_md({**front, **fields}, body="## Mục\n\nNội dung.\n")
    return make_project(tmp_path, files)


def run(root: Path, *argv: str, now: dt.datetime = NOW) -> int:
    """`publish <argv> --root root --now now`."""
    return main([*argv, "--root", str(root), "--now", now.isoformat()])


def files_of(folder: Path) -> dict[str, bytes]:
    """Each file under `folder` by its path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_no_channel_gives_a_held_bulletins_address_and_the_words_stay(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, "build", "-q") == 0
    output = root / "output"
    for path, data in files_of(output).items():
        if path.endswith("/ghi-chu-bien-tap.txt"):
            continue  # the editors' own notes, never sent: see the station's test below
        text = data.decode("utf-8", "replace")
        for slug in SLUGS:
            assert slug not in text, f"{path} names {slug}"
    page = (output / "web/2021/01/a/index.html").read_text("utf-8")
    assert "Xem thêm bài một, bài hai,\nbài ba và bài bốn.</p>" in page
    assert '<a href="/2020/12/da-dang/" rel="noopener">bài đã đăng</a>' in page
    feed = (output / "web/feed.xml").read_text("utf-8")
    assert "Xem thêm bài một, bài hai,\nbài ba và bài bốn.&lt;/p&gt;" in feed
    payload = (output / "zalo/a.json").read_text("utf-8")
    assert "Xem thêm bài một, bài hai, bài ba và bài bốn." in payload
    assert "bài đã đăng (https://congan-chauthanh.example.vn/2020/12/da-dang/)" in payload


def test_the_station_gets_no_held_bulletins_file_name(tmp_path: Path) -> None:
    """rundown.json quotes the sentence the radio dropped for its links: their words alone.
    The editors' own notes (never sent) quote the file as written."""
    root = project(tmp_path)
    assert run(root, "build", "-q", "--channel", "radio") == 0
    rundowns = list((root / "output/radio").rglob("rundown.json"))
    assert rundowns
    flagged = [
        flag
        for rundown in rundowns
        for item in json.loads(rundown.read_text("utf-8"))["items"]
        for flag in item["flags"]
        if "Xem thêm" in flag["excerpt"]
    ]
    assert [f["excerpt"] for f in flagged] == ["Xem thêm bài một, bài hai, bài ba và bài bốn."]
    for rundown in rundowns:
        assert ".md" not in rundown.read_text("utf-8")
    notes = [p.read_text("utf-8") for p in (root / "output/radio").rglob("ghi-chu-bien-tap.txt")]
    assert any("2020-12-20-nan-nhan-nguyen-van-a.md" in n for n in notes)


def test_check_warns_of_each_link_and_says_its_address_is_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert run(root, "check", "--strict") == 0
    err = capsys.readouterr().err
    said = [line for line in err.splitlines() if "trỏ tới bản tin không được đăng" in line]
    assert len(said) == 4, err
    assert (
        f"{A}:10: cảnh báo: liên kết «2020-12-20-nan-nhan-nguyen-van-a.md» trỏ tới bản tin không "
        "được đăng lúc này: bản nháp (draft: true) (tệp "
        "content/bai-viet/2020-12-20-nan-nhan-nguyen-van-a.md); đường dẫn bị bỏ cho tới khi bài "
        "kia được đăng"
    ) in said
    assert any(
        line.startswith(f"{A}:11: cảnh báo: liên kết «2021-01-01-sap-cong-bo-chuyen-an.md#muc»")
        and "hẹn giờ" in line
        for line in said
    )
    assert any("chưa được duyệt" in line for line in said)
    assert any("hết hạn" in line for line in said)
    assert "lần dựng sau tự gắn lại đường dẫn" in err
    assert "da-dang.md" not in err


@pytest.fixture
def no_racy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let a build right after another be replayed (as tests/test_incremental.py does)."""
    monkeypatch.setattr(replay, "RACY_SECONDS", 0.0)


def clean_output(root: Path, scratch: Path, now: dt.datetime) -> dict[str, bytes]:
    """The output of a build of a copy of `root` without .cache/ and output/."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    assert run(scratch, "build", "-q", now=now) == 0
    return files_of(scratch / "output")


def linked(root: Path) -> str:
    """The paragraph of bulletin A's page holding its held links."""
    page = (root / "output/web/2021/01/a/index.html").read_text("utf-8")
    return page.split("Xem thêm", 1)[1].split("</p>", 1)[0]


@pytest.mark.usefixtures("no_racy_wait")
def test_an_embargo_passing_by_the_clock_alone_gives_the_link_back_as_a_clean_build(
    tmp_path: Path,
) -> None:
    root = project(tmp_path)
    assert run(root, "build", "-q") == 0
    assert "<a" not in linked(root)
    assert run(root, "build", "-q", now=LATER) == 0  # no file changed: only the clock
    assert '<a href="/2021/01/sap-cong-bo-chuyen-an/#muc" rel="noopener">bài ba</a>' in linked(root)
    payload = (root / "output/zalo/a.json").read_text("utf-8")
    assert (
        "bài ba (https://congan-chauthanh.example.vn/2021/01/sap-cong-bo-chuyen-an/#muc)" in payload
    )
    assert files_of(root / "output") == clean_output(root, tmp_path / "clean", LATER)
    # The clock set back (a build checked at an earlier time): held again, the address goes.
    assert run(root, "build", "-q") == 0
    assert "<a" not in linked(root)
    assert files_of(root / "output") == clean_output(root, tmp_path / "clean", NOW)


@pytest.mark.usefixtures("no_racy_wait")
def test_a_bulletin_approved_then_set_back_to_a_draft_links_as_a_clean_build(
    tmp_path: Path,
) -> None:
    """The other file changes, the linking one not: its cached page and Zalo body follow."""
    root = project(tmp_path)
    assert run(root, "build", "-q") == 0
    waiting = root / "content/bai-viet/2020-12-21-cho-duyet-ten-nghi-pham.md"
    text = waiting.read_text("utf-8")
    waiting.write_text(text.replace('approved_by: ""', 'approved_by: "Thượng tá Nguyễn Văn Hùng"'))
    assert run(root, "build", "-q") == 0
    assert '<a href="/2020/12/cho-duyet-ten-nghi-pham/" rel="noopener">bài hai</a>' in linked(root)
    assert files_of(root / "output") == clean_output(root, tmp_path / "clean", NOW)
    draft = root / "content/bai-viet/2020-12-09-da-dang.md"
    draft.write_text(draft.read_text("utf-8").replace("---\n\n", "draft: true\n---\n\n", 1))
    assert run(root, "build", "-q") == 0
    assert "da-dang" not in (root / "output/web/2021/01/a/index.html").read_text("utf-8")
    assert "da-dang" not in (root / "output/zalo/a.json").read_text("utf-8")
    assert files_of(root / "output") == clean_output(root, tmp_path / "clean", NOW)


B = "content/bai-viet/2021-01-01-b.md"
NEUTRAL = "(bài viết hiện không có trên trang)"
"""What a held link shows when its own words are its address (links.HELD_LINK_WORDS)."""


def with_b(tmp_path: Path, body: str, *, old: bool = False) -> Path:
    """The project with one more published bulletin B, of `body`; `old`: the site was once at
    https://cu.example.vn/."""
    root = project(tmp_path)
    (root / B).write_text(
        bulletin_md({"id": "b", "title": '"Bài B"', "date": "2021-01-01 07:00"}, body=body),
        "utf-8",
    )
    if old:
        toml = root / "site.toml"
        toml.write_text(
            toml.read_text("utf-8").replace(
                'base_url = "https://congan-chauthanh.example.vn/"',
                'base_url = "https://congan-chauthanh.example.vn/"\n'
                'old_base_urls = ["https://cu.example.vn/"]',
                1,
            ),
            "utf-8",
        )
    return root


def write_held_draft(root: Path, path: str, key: str = "vu-an") -> None:
    """A draft bulletin at `path` (under `root`), dated by its name: held on every channel."""
    name = path.rsplit("/", 1)[1]
    (root / path).write_text(
        bulletin_md(
            {"id": key, "title": '"Vụ án"', "date": f"{name[:10]} 08:00", "draft": "true"},
            body="Nội dung.\n",
        ),
        "utf-8",
    )


def sent(root: Path) -> dict[str, str]:
    """Each output file the public or the station gets, by path, as text (the editors' own
    notes left out)."""
    return {
        path: data.decode("utf-8", "replace")
        for path, data in files_of(root / "output").items()
        if not path.endswith("/ghi-chu-bien-tap.txt")
    }


def test_an_old_address_to_a_held_bulletin_is_not_read_as_the_home_page(tmp_path: Path) -> None:
    """Written with the site's old address, a link to a held bulletin led to no page: its
    words, the old address, were rewritten as the new address of «no path», the home page."""
    root = with_b(
        tmp_path,
        "Cũ <https://cu.example.vn/bai-viet/2020-12-23-da-het-han-bi-mat.md>.\n\n"
        "Cũ hai <https://cu.example.vn/bai-viet/2020-12-09-da-dang.md>.\n",
        old=True,
    )
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f"<p>Cũ {NEUTRAL}.</p>" in page
    assert "https://congan-chauthanh.example.vn/.<" not in page
    assert (
        '<p>Cũ hai <a href="/2020/12/da-dang/" rel="noopener">'
        "https://congan-chauthanh.example.vn/2020/12/da-dang/</a>.</p>"
    ) in page
    payload = json.loads((root / "output/zalo/b.json").read_text("utf-8"))
    texts = [block.get("content") for block in payload["body"]]
    assert f"Cũ {NEUTRAL}." in texts
    assert "Cũ hai https://congan-chauthanh.example.vn/2020/12/da-dang/." in texts
    for path, text in sent(root).items():
        assert "da-het-han" not in text, path


def test_a_link_whose_words_are_a_held_bulletins_address_shows_neutral_words(
    tmp_path: Path,
) -> None:
    root = with_b(
        tmp_path,
        "Tự <https://congan-chauthanh.example.vn/bai-viet/2020-12-23-da-het-han-bi-mat.md>.\n\n"
        "Tên [2020-12-20-nan-nhan-nguyen-van-a.md](2020-12-20-nan-nhan-nguyen-van-a.md) và "
        "[bài hai](2020-12-21-cho-duyet-ten-nghi-pham.md).\n\n"
        "Đã đăng <https://congan-chauthanh.example.vn/bai-viet/2020-12-09-da-dang.md>.\n",
    )
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f"<p>Tự {NEUTRAL}.</p>" in page
    assert f"<p>Tên {NEUTRAL} và bài hai.</p>" in page  # words of their own stay
    assert (
        '<a href="/2020/12/da-dang/" rel="noopener">'
        "https://congan-chauthanh.example.vn/bai-viet/2020-12-09-da-dang.md</a>"
    ) in page  # a published bulletin's link is left as it was
    feed = (root / "output/web/feed.xml").read_text("utf-8")
    assert f"&lt;p&gt;Tự {NEUTRAL}.&lt;/p&gt;" in feed
    payload = (root / "output/zalo/b.json").read_text("utf-8")
    assert f"Tự {NEUTRAL}." in payload and f"Tên {NEUTRAL} và bài hai." in payload
    for path, text in sent(root).items():
        for slug in SLUGS:
            assert slug not in text, f"{path} names {slug}"


def test_the_station_gets_no_file_name_from_an_address_read_out_of_a_sentence(
    tmp_path: Path,
) -> None:
    """R1.3 quotes the sentence an autolink was dropped with, R1.4 the address it left out."""
    root = with_b(
        tmp_path,
        "Công an huyện đề nghị người dân cảnh giác với thủ đoạn lừa đảo.\n\n"
        "Mời bà con xem thêm tại "
        "<https://congan-chauthanh.example.vn/bai-viet/2021-01-01-sap-cong-bo-chuyen-an.md> nhé.\n\n"
        "Chi tiết ở https://congan-chauthanh.example.vn/bai-viet/2020-12-23-da-het-han-bi-mat.md "
        "nhé.\n",
    )
    assert run(root, "build", "-q", "--channel", "radio") == 0
    rundowns = [p.read_text("utf-8") for p in (root / "output/radio").rglob("rundown.json")]
    flags = [
        flag
        for rundown in rundowns
        for item in json.loads(rundown)["items"]
        for flag in item["flags"]
        if flag["code"] in ("R1.3", "R1.4") and "example.vn" in flag["message"]
    ]
    assert sorted(f["code"] for f in flags) == ["R1.3", "R1.4"], flags
    for flag in flags:  # the host stays, to tell which address it was
        assert "https://congan-chauthanh.example.vn/…" in flag["message"] + flag["excerpt"]
    for path, text in sent(root).items():
        assert "chuyen-an" not in text and "da-het-han" not in text, path


def test_the_search_index_has_no_word_of_a_held_file_named_by_a_reference_definition(
    tmp_path: Path,
) -> None:
    root = with_b(tmp_path, "Xem [bài kia][r1].\n\n[r1]: 2020-12-24-kwzq-nan-nhan.md\n")
    (root / "content/bai-viet/2020-12-24-kwzq-nan-nhan.md").write_text(
        bulletin_md({"id": "kwzq", "title": '"Kwzq"', "draft": "true"}), "utf-8"
    )
    assert run(root, "build", "-q", "--channel", "web") == 0
    index = root / "output/web/tim-kiem/chi-muc"
    assert list(index.rglob("*.json"))
    for path in index.rglob("*.json"):
        assert "kwzq" not in path.read_text("utf-8"), path
    assert "Xem bài kia.</p>" in (root / "output/web/2021/01/b/index.html").read_text("utf-8")


def test_a_link_to_a_bulletin_never_on_the_website_is_one_error_and_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its channels keep it off the website for good: the link leads nowhere ever, an error,
    not a warning that the address comes back once the bulletin is published."""
    root = with_b(tmp_path, "Nghe [chỉ đài](2020-12-10-chi-dai.md).\n")
    (root / "content/bai-viet/2020-12-10-chi-dai.md").write_text(
        bulletin_md(
            {"id": "cd", "title": '"Chỉ đài"', "date": "2020-12-10 07:00", "channels": "[radio]"}
        ),
        "utf-8",
    )
    assert run(root, "check") == 1
    err = capsys.readouterr().err
    told = [line for line in err.splitlines() if "2020-12-10-chi-dai.md»" in line]
    assert len(told) == 1, err
    assert told[0].startswith(f"{B}:10: lỗi: ") and "không đăng trên website" in told[0]


@pytest.mark.usefixtures("no_racy_wait")
def test_the_neutral_words_give_way_to_the_address_once_the_bulletin_is_published(
    tmp_path: Path,
) -> None:
    """Reused from the cache, the page and the Zalo article of B follow the embargo's end."""
    address = "https://congan-chauthanh.example.vn/bai-viet/2021-01-01-sap-cong-bo-chuyen-an.md"
    root = with_b(tmp_path, f"Sắp có <{address}>.\n")
    assert run(root, "build", "-q") == 0
    page = root / "output/web/2021/01/b/index.html"
    assert f"<p>Sắp có {NEUTRAL}.</p>" in page.read_text("utf-8")
    assert run(root, "build", "-q", now=LATER) == 0
    assert (
        f'<p>Sắp có <a href="/2021/01/sap-cong-bo-chuyen-an/" rel="noopener">{address}</a>.</p>'
    ) in page.read_text("utf-8")
    assert NEUTRAL not in (root / "output/zalo/b.json").read_text("utf-8")
    assert files_of(root / "output") == clean_output(root, tmp_path / "clean", LATER)


def index_terms(root: Path) -> set[str]:
    """Every term the website's search index holds."""
    return {
        term
        for shard in (root / "output/web/tim-kiem/chi-muc/t").glob("*.json")
        for term in json.loads(shard.read_text("utf-8"))
    }


def test_the_search_index_has_no_word_of_a_held_file_its_link_words_spell(tmp_path: Path) -> None:
    """The page shows neutral words for a link whose words are the held file's name (without
    «.md» too, or as raw HTML); the index split those words into terms a reader could search
    for: «nguyen», «nhan», «2020»."""
    root = with_b(
        tmp_path,
        "Tên [2020-12-20-nan-nhan-nguyen-van-a](2020-12-20-nan-nhan-nguyen-van-a.md) và "
        '<a href="2020-12-21-cho-duyet-ten-nghi-pham.md">2020-12-21-cho-duyet-ten-nghi-pham.md</a>'
        " và [bài ba](2021-01-01-sap-cong-bo-chuyen-an.md) nhé.\n",
    )
    assert run(root, "build", "-q", "--channel", "web") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f"<p>Tên {NEUTRAL} và {NEUTRAL} và bài ba nhé.</p>" in page
    terms = index_terms(root)
    assert {"ten", "bai", "ba", "nhe"} <= terms  # the words of B's own are searched
    found = terms & {"nan", "nhan", "nguyen", "van", "cho", "duyet", "nghi", "pham", "2020", "md"}
    assert not found


def test_the_station_gets_no_file_name_written_as_a_links_words() -> None:
    assert station_words("Xem [2020-12-20-nan-nhan.md](2020-12-20-nan-nhan.md) nhé") == "Xem … nhé"
    address = "https://h.vn/bai-viet/2020-12-20-nan-nhan.md"
    assert station_words(f"Xem [{address}]({address}) nhé") == "Xem https://h.vn/… nhé"
    assert station_words('Xem <a href="x.md">x.md</a> nhé') == "Xem … nhé"
    assert station_words("Xem [2020-12-20-nan-nhan](2020-12-20-nan-nhan.md)") == "Xem …"
    assert station_words("Xem [bài kia](2020-12-20-nan-nhan.md) nhé") == "Xem bài kia nhé"


@pytest.mark.parametrize(
    ("href", "words"),
    [
        ("2020-12-20-nan-nhan-nguyen-van-a.md", "https://h.vn/2020/12/nan-nhan-nguyen-van-a/"),
        ("2020-12-20-nan-nhan-nguyen-van-a.md", "2020-12-20-nan-nhan-nguyen-van-a"),
        ("../bai-viet/2020-12-20-tin.md", "https://h.vn/2020/12/tin/"),
        ("tin.md", "tin.md"),
        ("2020-12-20-nan-nhan.md", "**nan-nhan**."),
        ("2020-12-20-nan-nhan.md", "<code>2020-12-20-nan-nhan.md</code>"),
        ("2020-12-20-nan-nhan.md?x=1#muc", "«https://h.vn/bai-viet/2020-12-20-nan-nhan.md#muc»"),
    ],
)
def test_words_spelling_a_held_files_name_or_its_pages_address_are_neutral(
    href: str, words: str
) -> None:
    assert held_words(href, words) == NEUTRAL


@pytest.mark.parametrize(
    ("href", "words"),
    [
        ("tin.md", "Xem tin mới"),
        ("tin.md", "Xem tin."),
        ("2020-12-20-tin.md", "Bản tin mới"),
        ("2020-12-20-nan-nhan.md", "2020-12-20-nan-nhanh"),
        ("2020-12-20-nan-nhan.md", "nạn nhân"),
        ("tin.md", "tin"),
        ("2020-12-20-nan-nhan.md", "Bài nan-nhan"),
        ("2020-12-20-covid-19.md", "Cập nhật COVID-19"),
        ("2020-12-20-zalo-oa.md", "thông báo về Zalo-OA"),
        ("https://github.com/org/repo/blob/main/README.md", "hướng dẫn README.md"),
    ],
)
def test_words_merely_holding_a_short_file_name_stay(href: str, words: str) -> None:
    assert held_words(href, words) is None


def test_the_search_index_keeps_words_of_their_own_and_drops_file_names() -> None:
    """Words that merely hold a slug («COVID-19» of «2020-12-20-covid-19.md») or a file name of
    another site are what a reader searches for; words that are the file's name go, in a
    reference link and in a raw HTML link with tags in its words too."""
    held = "2020-12-20-vu-an-nguyen-van-a.md"
    assert plain_text("Xem [thông báo về Zalo-OA](2020-12-20-zalo-oa.md).").split() == [
        "Xem", "thông", "báo", "về", "Zalo-OA", "."
    ]  # fmt: skip
    assert "COVID-19" in plain_text("[Cập nhật COVID-19](2020-12-20-covid-19.md)")
    readme = "Đọc [hướng dẫn README.md](https://github.com/org/repo/blob/main/README.md)."
    assert "hướng dẫn README.md" in plain_text(readme)
    for body in (
        f"Xem [{held}][r1].\n\n[r1]: {held}",
        f"Xem [{held}][].\n\n[{held}]: <{held}>",
        f"Xem [{held}] nhé.\n\n[{held.upper()}]: {held}",
        f'Xem <a href="{held}"><b>vu-an-nguyen-van-a</b></a>.',
        f'Xem <A HREF="{held}#muc"><em>{held}</em></A>.',
    ):
        text = plain_text(body)
        assert "vu-an" not in text and "Xem" in text, body
    kept = plain_text(f"Xem [bài kia][R1] và [^1].\n\n[r1]: {held}\n[^1]: Chú thích.")
    assert "bài kia" in kept and "[^1]" in kept and "Chú thích" in kept and "vu-an" not in kept
    tagged = plain_text('Xem <a href="x.md"><b>đậm</b> chữ</a> và <a href=y.md>khác</a>.')
    assert tagged.split() == ["Xem", "đậm", "chữ", "và", "khác", "."]


def test_the_station_gets_no_file_name_of_a_link_with_a_query_or_title() -> None:
    held = "2020-12-20-vu-an-nguyen-van-a.md"
    assert station_words(f'Xem [vu-an-nguyen-van-a]({held}?x=1 "t").') == "Xem …."
    assert station_words(f"Xem [bài kia]({held}?x=1#muc).") == "Xem bài kia."
    assert station_words(f'Xem <a href="{held}?x=1"><b>vu-an-nguyen-van-a</b></a>.') == "Xem …."
    assert station_words("Xem [Cập nhật COVID-19](2020-12-20-covid-19.md).") == (
        "Xem Cập nhật COVID-19."
    )


@pytest.mark.parametrize(
    "words",
    [
        "Xem 2020-12-20-nan-nhan.md",
        "bản tin 2020-12-20-nan-nhan",
        "<2020-12-20-nan-nhan.md>",
        "Xem <https://h.vn/bai-viet/2020-12-20-nan-nhan.md> nhé",
        "Xem bài <b>nan-nhan.md</b>",
        "Xem trang https://h.vn/2020/12/nan-nhan/",
    ],
)
def test_a_held_files_name_among_words_of_their_own_does_not_go_out(words: str) -> None:
    """Words around the file's name («Xem …») or an address in «<…>», which is no tag, do not
    let the name reach the page, Zalo, the search index or the station."""
    href = "2020-12-20-nan-nhan.md"
    assert held_words(href, words) == NEUTRAL
    assert "nan-nhan" not in plain_text(f"[{words}]({href})")
    assert "nan-nhan" not in station_words(f"Đọc [{words}]({href}) nhé")


@pytest.mark.parametrize(
    "words", ["2020-12-20-ten-bai .", "<bai-viet/2020-12-20-ten-bai.md>", "ten-bai.md !"]
)
def test_a_held_file_s_name_beside_lone_punctuation_or_as_a_relative_address_is_caught(
    words: str,
) -> None:
    """A punctuation mark standing alone is no word of the editor's own, and «<bai-viet/….md>»
    is an address, not a tag (final review)."""
    assert held_words("2020-12-20-ten-bai.md", words) is not None


CUSTOM = "content/bai-viet/2020-12-25-khac.md"
"""A held bulletin whose address is its front matter's `slug`, not its file's name."""


def with_custom_slug(tmp_path: Path, body: str, slug: str = "vu-an-bi-mat-xyz") -> Path:
    """The project with B of `body` and the draft CUSTOM at /2020/12/<slug>/."""
    root = with_b(tmp_path, body)
    (root / CUSTOM).write_text(
        bulletin_md(
            {
                "id": "khac",
                "title": '"Khác"',
                "date": "2020-12-25 08:00",
                "slug": slug,
                "draft": "true",
            }
        ),
        "utf-8",
    )
    return root


@pytest.mark.parametrize(
    "words",
    [
        "vu-an-bi-mat-xyz",
        "https://h.vn/2020/12/vu-an-bi-mat-xyz/",
        "Xem trang /2020/12/vu-an-bi-mat-xyz/ nhé",
        "**vu-an-bi-mat-xyz**.",
    ],
)
def test_words_spelling_a_held_bulletins_own_address_are_neutral(words: str) -> None:
    """Its `slug` is in its address, not in its file's name: the words were let out."""
    assert held_words("2020-12-25-khac.md", words, "/2020/12/vu-an-bi-mat-xyz/") == NEUTRAL
    assert held_words("2020-12-25-khac.md", words) is None  # the address is what tells


def test_words_merely_holding_a_held_bulletins_own_slug_stay() -> None:
    """As for the slug of a file's name: among words of their own, a slug alone is a word."""
    assert held_words("2020-12-20-covid.md", "Cập nhật covid-19", "/2020/12/covid-19/") is None
    assert held_words("2020-12-20-covid.md", "vu-an", "/2020/12/covid-19/") is None


CUSTOM_BODY = (
    "Một [vu-an-bi-mat-xyz](2020-12-25-khac.md).\n\n"
    "Hai [https://congan-chauthanh.example.vn/2020/12/vu-an-bi-mat-xyz/](2020-12-25-khac.md).\n\n"
    "Ba [vu-an-bi-mat-xyz][r] và [bài kia][r].\n\n"
    '<p>Bốn <a href="2020-12-25-khac.md">vu-an-bi-mat-xyz</a>.</p>\n\n'
    "[r]: 2020-12-25-khac.md\n"
)


def test_a_held_bulletins_own_address_as_a_links_words_goes_out_on_no_channel(
    tmp_path: Path,
) -> None:
    root = with_custom_slug(tmp_path, CUSTOM_BODY)
    assert run(root, "build", "-q", "--channel", "web,zalo") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    for line in (
        f"Một {NEUTRAL}.",
        f"Hai {NEUTRAL}.",
        f"Ba {NEUTRAL} và bài kia.",
        f"Bốn {NEUTRAL}.",
    ):
        assert f"<p>{line}</p>" in page, line
    feed = (root / "output/web/feed.xml").read_text("utf-8")
    assert f"&lt;p&gt;Ba {NEUTRAL} và bài kia.&lt;/p&gt;" in feed
    texts = [
        b.get("content")
        for b in json.loads((root / "output/zalo/b.json").read_text("utf-8"))["body"]
    ]
    assert f"Một {NEUTRAL}." in texts and f"Ba {NEUTRAL} và bài kia." in texts, texts
    assert "xyz" not in index_terms(root) and {"bai", "kia"} <= index_terms(root)
    for path, text in sent(root).items():
        assert "xyz" not in text, path


@pytest.mark.usefixtures("no_racy_wait")
def test_a_held_bulletins_address_changing_alone_words_the_link_as_a_clean_build(
    tmp_path: Path,
) -> None:
    """Only the held file changes (its `slug`): B's page, Zalo body and index, reused from the
    cache, follow it."""
    root = with_custom_slug(tmp_path, CUSTOM_BODY, slug="khac-han")
    assert run(root, "build", "-q", "--channel", "web,zalo") == 0
    assert "<p>Một vu-an-bi-mat-xyz.</p>" in (root / "output/web/2021/01/b/index.html").read_text(
        "utf-8"
    )
    held = root / CUSTOM
    held.write_text(held.read_text("utf-8").replace("slug: khac-han", "slug: vu-an-bi-mat-xyz"))
    assert run(root, "build", "-q", "--channel", "web,zalo") == 0
    for path, text in sent(root).items():
        assert "xyz" not in text, path
    scratch = tmp_path / "clean"
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    assert run(scratch, "build", "-q", "--channel", "web,zalo") == 0
    assert files_of(root / "output") == files_of(scratch / "output")


def test_a_held_files_name_after_a_line_break_in_a_links_words_does_not_go_out(
    tmp_path: Path,
) -> None:
    """«Xem<br>2020-12-20-….md»: the tag joined the two words into one («xem2020-…»), which
    named no file, and the page, the feeds and Zalo showed the name on a line of its own."""
    root = with_b(
        tmp_path,
        "Một [Xem<br>2020-12-20-nan-nhan-nguyen-van-a.md](2020-12-20-nan-nhan-nguyen-van-a.md).\n\n"
        "Hai [Xem<BR/>bài kia](2020-12-21-cho-duyet-ten-nghi-pham.md).\n",
    )
    assert run(root, "build", "-q", "--channel", "web,zalo") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f"<p>Một {NEUTRAL}.</p>" in page
    assert "<p>Hai Xem<br>bài kia.</p>" in page  # words of their own stay
    texts = [
        b.get("content")
        for b in json.loads((root / "output/zalo/b.json").read_text("utf-8"))["body"]
    ]
    assert f"Một {NEUTRAL}." in texts, texts
    for path, text in sent(root).items():
        for slug in SLUGS:
            assert slug not in text, f"{path} names {slug}"


def test_the_search_index_has_no_content_file_name_typed_as_plain_text(tmp_path: Path) -> None:
    """A held file's name typed as text, no link: the page shows it as the editor typed it
    (and approved it), but its date and slug were split into terms anyone could search for
    («khac», «2020»). A file's name is never what a reader searches; a slug alone is a word
    («COVID-19»), and stays."""
    assert plain_text("Theo 2020-12-25-khac.md, bai-viet/2020-12-20-ten.md#muc và (2020-12-21-y.md).").split() == [
        "Theo", ",", "và", "(", ")."
    ]  # fmt: skip
    assert plain_text("Xem https://h.vn/bai-viet/2020-12-20-ten-bai.md nhé").split() == [
        "Xem",
        "nhé",
    ]
    kept = "Cập nhật covid-19, tệp README.md, 2020-12-25-khac.mdx, 2020-12-25-khac"
    assert plain_text(kept) == kept
    root = with_custom_slug(
        tmp_path, "Theo hồ sơ 2020-12-25-khac.md và chuyên án vu-an-bi-mat-xyz thôi.\n"
    )
    assert run(root, "build", "-q", "--channel", "web") == 0
    terms = index_terms(root)
    assert {"theo", "ho", "so", "xyz"} <= terms and not terms & {"khac", "md", "25"}
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert "<p>Theo hồ sơ 2020-12-25-khac.md và chuyên án vu-an-bi-mat-xyz thôi.</p>" in page


def test_the_radio_reads_the_pages_neutral_words_for_a_link_spelling_a_held_bulletin(
    tmp_path: Path,
) -> None:
    """The script read a link's words as typed: a held bulletin's slug («nan-nhan-nguyen-van-a»,
    its own `slug:» «vu-an-bi-mat-xyz»), inline, by reference or as HTML, went to the station in
    script.txt and in rundown.json's excerpts. It reads what the page shows."""
    root = with_custom_slug(
        tmp_path,
        "Công an huyện thông báo về vụ việc.\n\n"
        "Một [nan-nhan-nguyen-van-a](2020-12-20-nan-nhan-nguyen-van-a.md) đã xảy ra.\n\n"
        "Hai [vu-an-bi-mat-xyz][r] và [bài kia][r] đã xảy ra.\n\n"
        'Ba <a href="2020-12-25-khac.md">vu-an-bi-mat-xyz</a> đã xảy ra.\n\n'
        "Xem thêm [vu-an-bi-mat-xyz](2020-12-25-khac.md).\n\n"
        "Bốn [da-dang](2020-12-09-da-dang.md) đã xảy ra.\n\n"
        "[r]: 2020-12-25-khac.md\n",
    )
    assert run(root, "build", "-q", "--channel", "radio") == 0
    item = (root / "output/radio/items/b.txt").read_text("utf-8-sig")
    assert "Một, bài viết hiện không có trên trang, đã xảy ra." in item, item
    assert "Hai, bài viết hiện không có trên trang, và bài kia đã xảy ra." in item, item
    assert "Ba, bài viết hiện không có trên trang, đã xảy ra." in item, item
    assert "Bốn da-dang đã xảy ra." in item  # published: its words, as the page's link
    for path, text in sent(root).items():
        for slug in ("nan-nhan", "xyz"):
            assert slug not in text, f"{path} names {slug}"


def test_the_radio_reads_neutral_words_for_a_held_links_words_in_backticks(tmp_path: Path) -> None:
    """A link's words in a code span («[`slug`](….md)»): the page, Zalo and the index showed the
    neutral words, the radio read the slug, for its check met the words with the code blanked
    (review of session 77)."""
    root = with_custom_slug(
        tmp_path,
        "Công an huyện thông báo về vụ việc.\n\n"
        "Một [`nan-nhan-nguyen-van-a`](2020-12-20-nan-nhan-nguyen-van-a.md) đã xảy ra.\n\n"
        "Hai [`vu-an-bi-mat-xyz`][r] đã xảy ra.\n\n"
        'Ba <a href="2020-12-25-khac.md">`vu-an-bi-mat-xyz`</a> đã xảy ra.\n\n'
        "[r]: 2020-12-25-khac.md\n",
    )
    assert run(root, "build", "-q", "--channel", "radio") == 0
    item = (root / "output/radio/items/b.txt").read_text("utf-8-sig")
    for told in ("Một", "Hai", "Ba"):
        assert f"{told}, bài viết hiện không có trên trang, đã xảy ra." in item, item
    for path, text in sent(root).items():
        for slug in ("nan-nhan", "xyz"):
            assert slug not in text, f"{path} names {slug}"


@pytest.mark.usefixtures("no_racy_wait")
def test_the_radio_item_follows_a_held_bulletins_address_changing_alone(tmp_path: Path) -> None:
    """Kept on the item shelf, B's item is read again once the held file's `slug` makes the
    link's words its address, as a clean build reads it."""
    root = with_custom_slug(
        tmp_path,
        "Công an huyện thông báo.\n\nMột [vu-an-bi-mat-xyz][r] đã xảy ra.\n\n[r]: 2020-12-25-khac.md\n",
        slug="khac-han",
    )
    assert run(root, "build", "-q", "--channel", "radio") == 0
    item = root / "output/radio/items/b.txt"
    assert "Một vu-an-bi-mat-xyz đã xảy ra." in item.read_text("utf-8-sig")
    held = root / CUSTOM
    held.write_text(held.read_text("utf-8").replace("slug: khac-han", "slug: vu-an-bi-mat-xyz"))
    assert run(root, "build", "-q", "--channel", "radio") == 0
    assert "Một, bài viết hiện không có trên trang, đã xảy ra." in item.read_text("utf-8-sig")
    scratch = tmp_path / "clean"
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(".cache", "output"))
    assert run(scratch, "build", "-q", "--channel", "radio") == 0
    assert files_of(root / "output") == files_of(scratch / "output")


SPACED = "content/bai-viet/2020-12-22-vu an mat.md"
"""A held bulletin whose file name holds spaces, as Explorer lets an editor save it."""


@pytest.mark.parametrize(
    "address",
    ["<2020-12-22-vu an mat.md>", "2020-12-22-vu an mat.md", "2020-12-22-vu%20an%20mat.md"],
)
def test_a_held_bulletin_named_with_spaces_goes_out_on_no_channel(
    tmp_path: Path, address: str
) -> None:
    """Python-Markdown links each of these to the whole name; the radio's, the station's and the
    search index's readers took its first word («2020-12-22-vu») as the address, and every
    channel wrote the name, its date and words, as the link's words."""
    root = with_b(
        tmp_path,
        "Công an huyện thông báo sự việc.\n\n"
        f"Một [2020-12-22-vu an mat.md]({address}) đã xảy ra.\n\n"
        f'Hai [bài kia]({address} "Bài kia") đã xảy ra.\n',
    )
    write_held_draft(root, SPACED)
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert f"<p>Một {NEUTRAL} đã xảy ra.</p>" in page
    assert "<p>Hai bài kia đã xảy ra.</p>" in page  # words of their own stay
    payload = (root / "output/zalo/b.json").read_text("utf-8")
    assert f"Một {NEUTRAL} đã xảy ra." in payload
    item = (root / "output/radio/items/b.txt").read_text("utf-8-sig")
    assert "Một, bài viết hiện không có trên trang, đã xảy ra." in item, item
    assert {"mot", "hai", "bai", "kia"} <= index_terms(root)
    assert not index_terms(root) & {"vu", "mat", "22"}
    for path, text in sent(root).items():
        for name in ("vu an", "vu%20an", "an mat", "an%20mat"):
            assert name not in text, f"{path} names {name}"


def test_the_station_gets_no_file_name_with_spaces_written_as_a_links_words() -> None:
    for address in ("<2020-12-22-vu an mat.md>", '2020-12-22-vu an mat.md "t"'):
        assert station_words(f"Xem [2020-12-22-vu an mat.md]({address}) nhé") == "Xem … nhé"
        assert station_words(f"Xem [bài kia]({address}) nhé") == "Xem bài kia nhé"


def test_the_radio_reads_neutral_words_for_a_held_file_named_with_spaces() -> None:
    from publish.held_link_words import neutral_link_words

    held = {"2020-12-22-vu an mat.md": "/2020/12/vu-an-mat/"}
    body = 'Xem [2020-12-22-vu an mat.md](2020-12-22-vu an mat.md "t") nhé.\n'
    assert neutral_link_words(body, held) == f'Xem [{NEUTRAL}](2020-12-22-vu an mat.md "t") nhé.\n'


def test_a_file_name_holding_brackets_is_no_word_of_the_search_index_nor_the_station() -> None:
    """«2020-12-22-vu-an (1).md», as Windows names a copy: the index's link pattern ended the
    address at its first «)» and kept the name, words and «.md)», and the name's words spelled
    it across a space no word-by-word reading matched."""
    name = "2020-12-22-vu-an (1).md"
    assert plain_text(f"Xem [{name}]({name}) nhé").split() == ["Xem", "nhé"]
    assert plain_text(f"Xem [bài kia]({name}) nhé").split() == ["Xem", "bài", "kia", "nhé"]
    assert held_words(name, f"Xem {name}") == NEUTRAL
    assert station_words(f"Xem [{name}]({name}) nhé") == "Xem … nhé"


@pytest.mark.parametrize("name", ["2020-12-22-vụ án mất.md", "2020-12-22-vu an (1).md"])
def test_a_held_bulletin_linked_in_html_by_a_spaced_name_is_no_word_of_the_search_index(
    tmp_path: Path, name: str
) -> None:
    """A browser reads a quoted href to its closing quote: the page links the whole name and
    shows neutral words; the index's reader stopped at the first space and kept the link's
    words, the held bulletin's date and words («vu», «22», «mat»)."""
    root = with_b(
        tmp_path,
        f'Công an huyện thông báo sự việc.\n\nXem <a href="{name}">{name}</a> nhé.\n',
    )
    write_held_draft(root, f"content/bai-viet/{name}")
    assert run(root, "build", "-q") == 0
    page = (root / "output/web/2021/01/b/index.html").read_text("utf-8")
    assert NEUTRAL in page
    assert {"xem", "nhe"} <= index_terms(root)
    assert not index_terms(root) & {"vu", "mat", "22"}


@pytest.mark.parametrize("name", ["2020-12-22-vụ án mất.md", "2020-12-22-vu an (1).md"])
def test_the_station_reads_an_html_links_words_to_a_spaced_name_as_a_markdown_links(
    name: str,
) -> None:
    """Published or not, the station gets an HTML link's words as a Markdown link's: its file's
    name spelled in them is «…», never a date and half a name read aloud."""
    assert station_words(f'Xem <a href="{name}">{name}</a> nhé.') == "Xem … nhé."
    assert station_words(f"Xem <a href='{name}'>bài kia</a> nhé.") == "Xem bài kia nhé."
    assert station_words(f"Xem [{name}](<{name}>) nhé.") == "Xem … nhé."


def test_the_radio_reads_neutral_words_for_an_html_link_to_a_held_spaced_name() -> None:
    from publish.held_link_words import neutral_link_words

    held = {"2020-12-22-vu an mat.md": "/2020/12/vu-an-mat/"}
    body = 'Xem <a href="2020-12-22-vu an mat.md">2020-12-22-vu an mat.md</a> nhé.\n'
    assert neutral_link_words(body, held) == (
        f'Xem <a href="2020-12-22-vu an mat.md">{NEUTRAL}</a> nhé.\n'
    )
