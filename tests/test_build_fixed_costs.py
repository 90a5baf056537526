"""Work a build does once per process, not on every build: a second build in the same process
(`publish serve` rebuilding, the test suite, another project) finds it done."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from pathlib import Path

import jinja2
import PIL.Image
import pytest

import publish.render.web as web
from publish import installed
from publish.render.web import assets, environment, images, template_facts
from publish.render.web.kept_bytes import KeptBytes
from tests.web_fixture import build_site, copy_site


def test_library_versions_are_read_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The versions of the libraries loaded in a process cannot change under it."""
    calls: list[int] = []
    libraries = installed.libraries

    def counting() -> tuple[tuple[str, str], ...]:
        calls.append(1)
        return libraries()

    monkeypatch.setattr(installed, "libraries", counting)
    web._library_versions.cache_clear()
    first = web._library_versions()
    read = len(calls)
    assert web._library_versions() == first
    assert len(calls) == read <= len(web.LIBRARIES)
    assert [v.split("=")[0] for v in first] == list(web.LIBRARIES)


def test_library_versions_are_those_importlib_reads() -> None:
    """Read from the metadata folders' names, each version is the one importlib.metadata
    gives (what keys the pages kept in .cache/ to the libraries that shape them)."""
    for name in (*web.LIBRARIES, "python-docx", "PyYAML", "python_slugify"):
        assert installed.version(name) == importlib.metadata.version(name), name
    assert installed.version("khong-co-thu-vien-nay") is None


def test_a_library_installed_twice_counts_with_both_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two copies of a library on sys.path: the version names both, so upgrading either changes
    the key of the pages it shapes."""
    for folder, release in (("mot", "1.2.0"), ("hai", "1.10.0")):
        (tmp_path / folder / f"thu_vien-{release}.dist-info").mkdir(parents=True)
        monkeypatch.syspath_prepend(str(tmp_path / folder))
    assert installed.version("Thu-Vien") == "1.10.0+1.2.0"
    (tmp_path / "hai" / "thu_vien-1.10.0.dist-info").rename(
        tmp_path / "hai" / "thu_vien-1.11.0.dist-info"
    )
    assert installed.version("thu.vien") == "1.11.0+1.2.0"


def test_theme_assets_are_stripped_of_comments_once_per_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second project with the same stylesheet and script (or a rebuild) reuses the stripped
    bytes; an asset whose bytes changed is stripped again."""
    stripped: list[bytes] = []
    for name in ("css_without_comments", "js_without_comments"):
        strip = getattr(assets, name)

        def counting(data: bytes, strip: Callable[[bytes], bytes] = strip) -> bytes:
            stripped.append(data)
            return strip(data)

        monkeypatch.setattr(assets, name, counting)
    css = b"/* gi\xe1\xba\xa3i th\xc3\xadch */\nbody { color: red; }\n"
    js = b"// ghi ch\xc3\xba\nvar a = 1;\n"
    made = []
    for project in ("mot", "hai"):
        folder = tmp_path / project / "assets"
        folder.mkdir(parents=True)
        (folder / "style.css").write_bytes(css)
        (folder / "app.js").write_bytes(js)
        (folder / "logo.svg").write_bytes(b"<svg/>")
        made.append(assets.Assets(folder).files)
    assert made[0] == made[1]
    assert made[0]["style.css"][1] == b"body{color: red}\n"
    assert stripped.count(css) <= 1 and stripped.count(js) <= 1
    (tmp_path / "hai" / "assets" / "style.css").write_bytes(css + b"a { color: blue; }\n")
    changed = assets.Assets(tmp_path / "hai" / "assets").files["style.css"][1]
    assert changed == b"body{color: red}\na{color: blue}\n"


def test_a_common_themes_facts_stay_remembered_after_many_one_off_themes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Themes read once each (a test or an editor trying a template) do not keep the theme
    used by every build out of the memo: its templates are parsed once, not at each build."""
    parsed: list[str] = []
    read = template_facts._read_facts

    def counting(digest: str, templates, env):  # type: ignore[no-untyped-def]
        parsed.append(digest)
        return read(digest, templates, env)

    monkeypatch.setattr(template_facts, "_read_facts", counting)
    monkeypatch.setattr(template_facts, "_READ", {})
    common = tmp_path / "common"
    (common / "web").mkdir(parents=True)
    (common / "web" / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")
    env = environment(common)
    for n in range(2 * template_facts.READ_THEMES):
        one_off = tmp_path / f"one-off-{n}"
        (one_off / "web").mkdir(parents=True)
        (one_off / "web" / "page.html").write_text(f"<p>{n}</p>", encoding="utf-8")
        template_facts.theme_facts(one_off, env)
        if n >= template_facts.READ_THEMES:  # the memo has been full for a while
            assert template_facts.theme_facts(common, env).reusable
    assert parsed.count(template_facts.theme_facts(common, env).digest) == 1
    assert len(template_facts._READ) <= template_facts.READ_THEMES


def _variants(root: Path) -> dict[str, bytes]:
    """The image variants a build wrote, by name, and those in the project's .cache/."""
    made = {p.name: p.read_bytes() for p in (root / "output" / "web").rglob("*.jpg")}
    return made | {p.name: p.read_bytes() for p in (root / ".cache" / "images").glob("*.jpg")}


def test_photos_are_resized_once_per_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second fresh project with the same photos takes the variants made by the first
    (same bytes, also in its .cache/images/) instead of decoding and encoding them again."""
    encoded: list[tuple[int, int]] = []
    save = PIL.Image.Image.save

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        encoded.append(self.size)
        return save(self, *args, **kwargs)

    monkeypatch.setattr(PIL.Image.Image, "save", counting)
    monkeypatch.setattr(images, "VARIANTS", KeptBytes(images.VARIANTS.limit))
    first = copy_site(tmp_path / "mot")
    build_site(first)
    assert encoded, "the fixture's photos were resized"
    encoded.clear()
    second = copy_site(tmp_path / "hai")
    build_site(second)
    assert encoded == []
    assert _variants(second) == _variants(first)
    assert len(_variants(second)) > 1


def test_kept_variants_stay_under_their_bound() -> None:
    """The least recently used variants go first once the limit's bytes are held."""
    kept = KeptBytes(10)
    kept.put(("a", 1, 1, "v"), b"1234")
    kept.put(("b", 1, 1, "v"), b"5678")
    assert kept.get(("a", 1, 1, "v")) == b"1234"  # now the most recently used
    kept.put(("c", 1, 1, "v"), b"90ab")
    assert kept.get(("b", 1, 1, "v")) is None
    assert kept.get(("a", 1, 1, "v")) == b"1234"
    assert kept.get(("c", 1, 1, "v")) == b"90ab"
    kept.put(("d", 1, 1, "v"), b"x" * 11)  # larger than the bound: not kept
    assert kept.get(("d", 1, 1, "v")) is None
    assert kept.size == 8


def test_a_copy_of_a_theme_elsewhere_is_not_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another project with the same templates (each test's project, a second checkout) takes
    the compiled code, with its own file names: an error in a template names its own file."""
    compiled: list[str] = []
    compile_ = jinja2.Environment._compile

    def counting(self, source: str, filename: str) -> object:  # type: ignore[no-untyped-def]
        compiled.append(filename)
        return compile_(self, source, filename)

    monkeypatch.setattr(jinja2.Environment, "_compile", counting)
    source = (
        "{% macro the(x) %}<b>{{ x }}</b>{% endmacro %}{% block body %}"
        "{{ the(title) }}{% if broken %}{{ missing.name }}{% endif %}{% endblock %}"
    )
    themes = []
    for name in ("mot", "hai"):
        theme = tmp_path / name / "templates"
        (theme / "web").mkdir(parents=True)
        (theme / "web" / "trang.html").write_text(source, "utf-8")
        themes.append(theme)
    first = environment(themes[0]).get_template("trang.html")
    assert len(compiled) == 1
    second = environment(themes[1]).get_template("trang.html")
    assert len(compiled) == 1  # not compiled again
    assert second.render(title="A & B", broken=False) == "<b>A &amp; B</b>"
    assert second.filename == str(themes[1] / "web" / "trang.html")
    assert first.filename == str(themes[0] / "web" / "trang.html")
    with pytest.raises(jinja2.UndefinedError) as raised:
        second.render(title="x", broken=True)
    shown = [entry.path for entry in raised.traceback]
    assert str(themes[1] / "web" / "trang.html") in {str(p) for p in shown}
    assert str(themes[0] / "web" / "trang.html") not in {str(p) for p in shown}
