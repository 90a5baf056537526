"""Link checking: broken internal links and #anchors are errors naming page and target; external
links (only with --external) are warnings, checked here against a server on 127.0.0.1 only."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from publish.cache import Fragments, Shelf
from publish.cli import main
from publish.linkcheck import OUTLINES, SiteLinks, check_external, page_url
from publish.model import Artifact, Kept
from publish.parallel import MIN_JOBS
from tests.helpers import SITE_TOML, bulletin_md, make_project

BASE = "https://ca.example.vn/"


def page(path: str, body: str, source: str | None = None) -> Artifact:
    """An HTML artifact of the web channel."""
    return Artifact.text("web", path, f"<!doctype html><title>t</title>{body}", source=source)


def links_of(*artifacts: Artifact, base: str = BASE) -> SiteLinks:
    """A SiteLinks that has seen the artifacts."""
    links = SiteLinks(base)
    for artifact in artifacts:
        links.add(artifact)
    return links


def test_page_url_of_output_files() -> None:
    assert page_url("index.html") == "/"
    assert page_url("2024/01/x/index.html") == "/2024/01/x/"
    assert page_url("404.html") == "/404.html"


def test_working_links_of_every_kind_pass() -> None:
    links = links_of(
        page(
            "index.html",
            '<a href="/a/">a</a> <a href="a/#muc">rel</a> <a href="#dau">top</a> <p id="dau"></p>'
            '<img src="/anh/x-320.jpg" srcset="/anh/x-320.jpg 320w, /anh/x-640.jpg 640w" alt="">'
            '<link rel="stylesheet" href="/assets/s.css"> <a href="https://ca.example.vn/a/">abs</a>'
            '<a href="mailto:x@example.vn">m</a> <a href="tel:113">t</a> <a href="/a">no slash</a>'
            '<a href="/a/?q=1">query</a> <a href="#top">top</a>',
        ),
        page("a/index.html", '<h2 id="muc">Mục</h2>'),
        Artifact("web", "anh/x-320.jpg", b"x"),
        Artifact("web", "anh/x-640.jpg", b"x"),
        Artifact("web", "assets/s.css", b""),
    )
    assert links.problems() == []
    assert links.external() == {}


def test_missing_page_is_an_error_naming_source_page_and_target() -> None:
    links = links_of(
        page("2024/01/x/index.html", '<a href="/2023/khong-co/">cũ</a>', "content/bai-viet/x.md"),
        page("index.html", ""),
    )
    [problem] = links.problems()
    assert problem.severity == "error"
    assert problem.file == "content/bai-viet/x.md"
    assert "/2024/01/x/" in problem.message
    assert "/2023/khong-co/" in problem.message


def test_missing_anchor_and_missing_image_are_errors() -> None:
    links = links_of(
        page(
            "index.html",
            '<a href="/lien-he/#ban-do">bản đồ</a> <img src="/anh/mat.jpg" alt=""> '
            '<a href="#khong-co">x</a>',
        ),
        page("lien-he/index.html", '<h2 id="dia-chi">Địa chỉ</h2>'),
    )
    messages = sorted(p.message for p in links.problems())
    assert len(messages) == 3
    assert any("#ban-do" in m and "/lien-he/" in m for m in messages)
    assert any("/anh/mat.jpg" in m for m in messages)
    assert any("#khong-co" in m for m in messages)
    assert all(p.file == "output/web/index.html" for p in links.problems())


def kept_site(folder: Path, count: int) -> list[Kept]:
    """`count` pages kept in output/ from an earlier build (enough to be read on every core),
    each linking to the next one's #anchor; page 7 also to a page that is not there and to an
    anchor page 8 does not have."""
    kept = []
    for i in range(count):
        body = (
            f'<h2 id="muc-{i}">Mục</h2><a href="/p{(i + 1) % count}/#muc-{(i + 1) % count}">t</a>'
        )
        if i == 7:
            body += '<a href="/khong-co/">x</a><a href="/p8/#sai">y</a>'
        artifact = page(f"p{i}/index.html", body, source=f"content/bai-viet/p{i}.md")
        file = folder / artifact.path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(artifact.data)
        kept.append(Kept("web", artifact.path, artifact.digest, file, source=artifact.source))
    return kept


def test_pages_kept_from_the_last_build_are_checked_as_rendered_ones(tmp_path: Path) -> None:
    """A first check after a build reads the kept pages on every core: the same problems as
    when every page was rendered in memory, and the next check reads none of them again."""
    kept = kept_site(tmp_path / "output" / "web", MIN_JOBS + 16)
    rendered = [Artifact("web", k.path, k.data, source=k.source) for k in kept]
    expected = sorted((p.file, p.message) for p in links_of(*rendered).problems())
    assert expected == [
        (
            "content/bai-viet/p7.md",
            "liên kết hỏng «/khong-co/» ở trang /p7/: không có trang hay tệp /khong-co/ trong website",
        ),
        (
            "content/bai-viet/p7.md",
            "liên kết hỏng «/p8/#sai» ở trang /p7/: trang /p8/ không có mục #sai",
        ),
    ]
    shelf = Shelf(Fragments(tmp_path), OUTLINES)
    links = SiteLinks(BASE, outlines=shelf)
    for artifact in kept:
        links.add(artifact)
    links.save_outlines()
    assert sorted((p.file, p.message) for p in links.problems()) == expected
    for artifact in kept:
        Path(artifact.origin).unlink()  # a page still read would now fail the check
    again = SiteLinks(BASE, outlines=Shelf(Fragments(tmp_path), OUTLINES))
    for artifact in kept:
        again.add(artifact)
    again.save_outlines()
    assert sorted((p.file, p.message) for p in again.problems()) == expected


def test_a_kept_page_gone_before_it_is_read_is_a_file_system_error(tmp_path: Path) -> None:
    """As when the page was read where it streamed past: the check says which file it could
    not read (not an internal error of a worker process)."""
    kept = kept_site(tmp_path, MIN_JOBS + 16)
    links = SiteLinks(BASE)
    for artifact in kept:
        links.add(artifact)
    Path(kept[40].origin).unlink()
    with pytest.raises(FileNotFoundError) as raised:
        links.problems()
    assert raised.value.filename == str(kept[40].origin)


def test_a_broken_link_on_every_page_is_one_problem_listing_a_few_pages() -> None:
    pages = [page(f"p{i}/index.html", '<a href="/mat/">x</a>') for i in range(10)]
    [problem] = links_of(*pages).problems()
    assert "/p0/, /p1/, /p2/ và 7 trang khác" in problem.message


def test_base_url_with_a_folder() -> None:
    links = links_of(
        page(
            "index.html", '<a href="/ca/a/">ok</a> <a href="/ca/b/">hỏng</a> <a href="/khac/">x</a>'
        ),
        page("a/index.html", ""),
        base="https://example.vn/ca/",
    )
    [problem] = links.problems()
    assert "/ca/b/" in problem.message
    assert list(links.external()) == ["https://example.vn/khac/"]


def test_external_links_are_collected_with_their_pages() -> None:
    links = links_of(
        page("index.html", '<a href="https://dichvucong.gov.vn/p#x">dvc</a>'),
        page("a/index.html", '<a href="https://dichvucong.gov.vn/p">dvc</a>'),
    )
    assert links.problems() == []
    assert links.external() == {"https://dichvucong.gov.vn/p": ["/", "/a/"]}


class _Remote(http.server.BaseHTTPRequestHandler):
    """A stand-in for other websites: /ok, /mat (404), /chi-get (refuses HEAD), /cham (slow)."""

    def do_HEAD(self) -> None:
        if self.path == "/chi-get":
            self._answer(405)
        else:
            self.do_GET()

    def do_GET(self) -> None:
        if self.path == "/cham":
            time.sleep(1.5)
        self._answer({"/ok": 200, "/chi-get": 200, "/cham": 200}.get(self.path, 404))

    def _answer(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def remote() -> Iterator[str]:
    """Base URL of the stand-in remote site on 127.0.0.1."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Remote)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_external_failures_are_warnings_and_slow_sites_time_out(remote: str) -> None:
    urls = {f"{remote}{p}": ["/a/"] for p in ("/ok", "/mat", "/chi-get", "/cham")}
    client = httpx.Client(timeout=httpx.Timeout(0.5), follow_redirects=True)
    with client:
        warnings = check_external(urls, client=client)
    found = {w.message.split()[3]: w for w in warnings}
    assert set(found) == {f"{remote}/mat", f"{remote}/cham"}
    assert all(w.severity == "warning" for w in warnings)
    assert "404" in found[f"{remote}/mat"].message
    assert "quá thời gian chờ" in found[f"{remote}/cham"].message


def project(tmp_path: Path, body: str) -> Path:
    """A one-bulletin project whose body is `body`."""
    return make_project(tmp_path, {"content/bai-viet/a.md": bulletin_md(body=body)})


def test_check_fails_on_a_broken_internal_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path, "Xem [bài cũ](/2019/01/khong-co/) và [mục](#khong-co).\n")
    assert main(["check", "--root", str(root), "--channel", "web"]) == 1
    err = capsys.readouterr().err
    assert "content/bai-viet/a.md" in err
    assert "/2019/01/khong-co/" in err
    assert "#khong-co" in err


def test_a_broken_link_the_website_rewrote_is_told_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Under a folder the website writes "/khong-co/" as "/chau-thanh/khong-co/" and a link to a
    bulletin's file as its page's address: the line is the one the link is written on, and the
    site path and the file's name with its #anchor are quoted as typed (the path each is
    checked as follows in the hint)."""
    files = {
        "site.toml": SITE_TOML.replace("example.vn/", "example.vn/chau-thanh/"),
        "content/bai-viet/a.md": bulletin_md(
            {"slug": "a"}, body="Dòng một.\n\nXem [mục](b.md#khong-co)\nvà [bài](/khong-co/).\n"
        ),
        "content/bai-viet/b.md": bulletin_md({"slug": "b"}),
    }
    root = make_project(tmp_path, files)
    assert (
        main(["check", "--root", str(root), "--channel", "web", "--now", "2021-01-01T09:00"]) == 1
    )
    err = capsys.readouterr().err
    assert "content/bai-viet/a.md:12: lỗi: liên kết hỏng «b.md#khong-co» ở trang" in err
    assert "trang /chau-thanh/2020/12/b/ không có mục #khong-co" in err
    assert "được kiểm như đường dẫn /chau-thanh/2020/12/b/#khong-co. Sửa phần sau dấu #" in err
    assert "content/bai-viet/a.md:13: lỗi: liên kết hỏng «/khong-co/»" in err
    assert "được kiểm như đường dẫn /chau-thanh/khong-co/:" in err
    assert "ở trang /chau-thanh/2020/12/a/:" in err  # the page as the browser shows it too


def test_a_link_to_a_bulletin_that_expired_warns_without_stopping_ci(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bulletin's expiry must not block every later publication (CI runs check --strict
    first) until someone edits the bulletins that link to it."""
    files = {
        "content/bai-viet/tam.md": bulletin_md(
            {"slug": "tam", "date": "2020-12-08 08:00", "expires": "2020-12-20 00:00"}
        ),
        "content/bai-viet/b.md": bulletin_md(
            {"slug": "b", "date": "2020-12-09 08:00"},
            body="Xem [thông báo tạm](/2020/12/tam/) và [bài không có](/2019/01/khong-co/).\n",
        ),
    }
    root = make_project(tmp_path, files)
    argv = ["check", "--root", str(root), "--channel", "web", "--strict"]
    assert main([*argv, "--now", "2020-12-10T09:00"]) == 1  # only the really broken link
    err = capsys.readouterr().err
    assert "lỗi: liên kết hỏng «/2019/01/khong-co/»" in err and "/2020/12/tam/'" not in err
    (root / "content/bai-viet/b.md").write_text(
        bulletin_md({"slug": "b", "date": "2020-12-09 08:00"}, body="Xem [tạm](/2020/12/tam/).\n"),
        encoding="utf-8",
    )
    assert main([*argv, "--now", "2020-12-21T09:00"]) == 0
    err = capsys.readouterr().err
    assert "cảnh báo: liên kết «/2020/12/tam/»" in err and "hết hạn" in err


def test_check_external_only_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], remote: str
) -> None:
    root = project(tmp_path, f"[Được]({remote}/ok) và [hỏng]({remote}/mat).\n")
    assert main(["check", "--root", str(root), "--channel", "web"]) == 0
    assert remote not in capsys.readouterr().err
    assert main(["check", "--root", str(root), "--channel", "web", "--external"]) == 0
    err = capsys.readouterr().err
    assert f"{remote}/mat" in err and "cảnh báo" in err
    assert f"{remote}/ok " not in err
