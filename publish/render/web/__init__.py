"""The website channel: every page, feed, sitemap, image and asset as Artifacts; nothing is written here.

Templates come from `<root>/templates/web/` when the project has one, else from the built-in
theme; assets from the `assets/` folder next to it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import hashlib
import os
import re
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache as once
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import jinja2.debug
import jinja2.meta
from markupsafe import Markup

from publish import attachments, installed
from publish.cache import Fragments, Shelf
from publish.carried import carried
from publish.config import BUILTIN_THEME, Config
from publish.config_files import DEFAULT_COVER
from publish.content_images import forget_resolved, image_use
from publish.errors import ContentError, Problem, PublishError
from publish.gates import COMING
from publish.ledger import Entry, Ledger
from publish.model import Artifact, Bulletin, Kept, Page, Site
from publish.parallel import run_jobs
from publish.render.web import escaping
from publish.render.web.assets import Assets
from publish.render.web.context import FOLLOW_TEMPLATE, TAGS_TEMPLATE
from publish.render.web.feeds import site_feeds
from publish.render.web.follow import follow_owner, follow_owner_later
from publish.render.web.images import (
    Learned,
    Picture,
    Pictures,
    facts_shelf,
    missing_default_cover,
    probe,
    small_cover,
    small_default_cover,
    small_photos,
    unreadable_image,
)
from publish.render.web.kept_templates import KeptTemplates
from publish.render.web.pages import PageJob, Views, output_path
from publish.render.web.redirects import (
    list_redirects,
    page_redirects,
    recorded_clashes,
    redirect_artifacts,
    redirect_targets,
)
from publish.render.web.reuse import PageRecord, PageRecords
from publish.render.web.search import search_artifacts
from publish.render.web.seo import SitemapEntry, robots_txt, sitemap_files
from publish.render.web.template_facts import ThemeEnvironment, theme_facts
from publish.render.web.theme_notes import (
    MACROS_TEMPLATE,
    REPORT_BOX,
    OwnTheme,
    missing_contact_lines,
    missing_corrections,
    missing_footer_legal,
    missing_language_link,
    missing_pinned,
    missing_print_margins,
    missing_report_box,
    missing_same_language,
    unused_own_theme,
)
from publish.render.web.trimmed import ANCHORED, has_id, trimmed_redirects
from publish.site_paths import RESERVED_SLUGS, page_slug_problems, recorded_history
from publish.syntax import template_error
from publish.template_faults import template_runtime_error
from publish.text import quoted, vn_date, vn_datetime

__all__ = ["TEMPLATES", "check", "render", "theme_dir", "unreadable_images"]

TEMPLATES = (
    "base.html",
    "list.html",
    "bulletin.html",
    "page.html",
    "archive.html",
    "search.html",
    "404.html",
)
"""Templates the channel renders or extends; each must exist in the theme."""
OPTIONAL_TEMPLATES = (FOLLOW_TEMPLATE, TAGS_TEMPLATE)
"""Templates of pages a theme from before them simply does not have (the follow page, the
tags page): without one the website leaves its page out, as it did then."""
EMPTY_FEED_UPDATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
"""The <updated> of the feeds of a site with no bulletin published (Atom requires one)."""
LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3", "pillow", "zxing-cpp")
"""Libraries whose version can change a page's bytes (the tool's own code is in the cache salt)."""


def theme_dir(site: Site) -> Path:
    """The project's templates/ when it has templates/web/, else the built-in theme."""
    own = site.config.root / "templates"
    return own if (own / "web").is_dir() else BUILTIN_THEME


THEME_ID_RE = re.compile(r"""\bid=["']([A-Za-z][\w-]*)["']""")
"""A fixed id in a template (ids built from template variables cannot be known ahead)."""


def theme_ids(theme: Path) -> frozenset[str]:
    """The element ids the theme's web templates write, which body headings must not reuse."""
    return frozenset(
        found
        for template in sorted((theme / "web").glob("*.html"))
        for found in THEME_ID_RE.findall(template.read_text("utf-8", errors="replace"))
    )


def check(site: Site) -> list[Problem]:
    """Problems visible before rendering: missing or broken templates, unreadable images."""
    return (
        _template_problems(site)
        + _image_problems(site)
        + _slug_problems(site)
        + _alias_problems(site)
        + _recorded_alias_problems(site)
        + _follow_notes(site)
        + _theme_notes(site)
    )


def _theme_notes(site: Site) -> list[Problem]:
    """Warnings when the unit's own theme leaves out what the built-in one shows readers, or
    when the project has one the website cannot use."""
    theme = theme_dir(site)
    if theme == BUILTIN_THEME:
        return unused_own_theme(site.config.root)
    own = OwnTheme(theme, environment(theme))
    return (
        missing_corrections(site, own)
        + missing_pinned(site, own)
        + missing_print_margins(own)
        + missing_footer_legal(site, own)
        + missing_language_link(site, own)
        + missing_same_language(site, own)
        + missing_report_box(site, own, (*TEMPLATES, *OPTIONAL_TEMPLATES))
        + missing_contact_lines(site, own, (*TEMPLATES, *OPTIONAL_TEMPLATES))
    )


def warm_up(site: Site) -> list[Callable[[], object]]:
    """The theme's templates to compile before `check` (see parallel.meanwhile), one task
    each: compiled once per process and source (kept_templates), they are then only looked up
    by the check and the pages; a template that does not compile is left to the check."""
    made: list[jinja2.Environment] = []  # made by the first task: a failure is one of its own

    def compile_one(name: str) -> None:
        """Compile one template (into this process's cache of compiled templates)."""
        if not made:
            made.append(environment(theme_dir(site), site.config.root))
        made[0].get_template(name)

    return [partial(compile_one, name) for name in (*TEMPLATES, *OPTIONAL_TEMPLATES)]


def _follow_notes(site: Site) -> list[Problem]:
    """A note when the unit's own page or old address keeps the follow page's address, or
    will when a scheduled one goes live."""
    if not (theme_dir(site) / "web" / FOLLOW_TEMPLATE).is_file():
        return []  # a theme without the follow page: nothing is left out
    owner = follow_owner(site, recorded_history(site))
    owner = owner or follow_owner_later(site)
    return [owner] if owner else []


def _slug_problems(site: Site) -> list[Problem]:
    """Pages whose slug is a folder the website already uses (or a year's: a note)."""
    return [found for page in site.pages for found in page_slug_problems(page.source, page.slug)]


def _alias_problems(site: Site) -> list[Problem]:
    """Old addresses (`aliases`) in a folder the website fills itself: the redirect page would
    take the place of a category, tag, search or archive page."""
    items: list[Bulletin | Page] = [*site.for_channel("web"), *site.pages]
    return [
        Problem(
            item.source,
            f"địa chỉ cũ {quoted(alias)} nằm trong thư mục /{folder}/ mà website dùng sẵn (chuyên mục, "
            "thẻ, tìm kiếm, lưu trữ, ảnh…): trang chuyển hướng sẽ đè lên trang của website",
            field="aliases",
            hint="Bỏ địa chỉ đó khỏi aliases.",
        )
        for item in items
        for alias in item.aliases
        if (folder := alias.split("/")[1]) in RESERVED_SLUGS
    ]


def _recorded_alias_problems(site: Site) -> list[Problem]:
    """Aliases at another bulletin's old address (state/web-urls.json): one redirect page there
    would be lost, silently, or stop the build when the files are written. Scheduled bulletins
    count as on the website already: the build of the moment one is published would stop."""
    scheduled = [
        e.bulletin for e in site.excluded if e.code == "scheduled" and "web" in e.bulletin.channels
    ]
    items: list[Bulletin | Page] = [*site.for_channel("web"), *site.pages, *scheduled]
    if not any(item.aliases for item in items):
        return []
    history = recorded_history(site)
    on_web = {b.key: b for b in site.for_channel("web") if not site.is_preview(b)}
    tz = site.now.tzinfo
    coming = {b.key: vn_datetime(b.date.astimezone(tz)) for b in scheduled if b.key not in on_web}
    return recorded_clashes(history, on_web | {b.key: b for b in scheduled}, items, coming)


def _template_problems(site: Site) -> list[Problem]:
    """Each required template exists and compiles."""
    theme = theme_dir(site)
    env = environment(theme, site.config.root)
    problems = []
    # The follow and tags pages are the theme's choice: one from before them simply has none.
    optional = tuple(name for name in OPTIONAL_TEMPLATES if (theme / "web" / name).is_file())
    for name in (*TEMPLATES, *optional):
        shown = _shown(theme / "web" / name, site.config.root)
        try:
            env.get_template(name)
            problems += _missing_includes(env, name, shown, site.config.root)
        except jinja2.TemplateNotFound:
            problems.append(
                Problem(
                    shown,
                    f"thiếu mẫu giao diện {name}",
                    hint=f"Thêm tệp {shown} (chép từ giao diện mặc định) hoặc xóa thư mục templates/web/ để dùng giao diện mặc định.",
                )
            )
        except jinja2.TemplateSyntaxError as exc:
            problems.append(_syntax_problem(exc, shown, site.config.root))
    return problems


def _syntax_problem(exc: jinja2.TemplateSyntaxError, shown: str, root: Path) -> Problem:
    """A template that does not compile, in Vietnamese."""
    found = template_error(exc)
    return Problem(
        _shown(Path(exc.filename), root) if exc.filename else shown,
        f"mẫu giao diện sai cú pháp: {found.message}",
        line=found.line,
        hint=found.hint,
    )


UNDEFINED_RE = re.compile(r"^'([^']+)' is undefined$")
"""Jinja's message for a name a template uses and nothing defines, passes or imports."""
TOOL = Path(__file__).resolve().parents[2]
"""The publish package, whose Python files are the tool's, not a template's."""
JINJA_STAND_IN = Path(escaping.__file__).resolve()
"""The tool's stand-in for Jinja's escaping of every `{{ … }}` (and a filter): a fault met there
is the value's, as it would be in Jinja."""
BUILT_IN = BUILTIN_THEME.resolve()
"""The built-in theme's folder as a traceback's frames are compared with it."""
DEFAULT_WEB = f"giao diện mặc định ({BUILTIN_THEME / 'web'})"
"""The built-in theme's templates, as a message about the unit's own sends the unit to them."""


def _template_failure(exc: BaseException, template: str, root: Path) -> ContentError | None:
    """A ContentError naming the unit's template and line when `exc`, raised rendering
    `template`, arose in one of the unit's own templates (a name nothing gives, a filter or
    expression that fails there: `{{ none|length }}`, `{{ 1 / 0 }}`, or the tool's code it
    called with a value that code cannot take); None for a fault of the built-in theme, the
    tool's, raised as it is."""
    frames = traceback.extract_tb(exc.__traceback__)
    paths = [Path(frame.filename).resolve() for frame in frames]
    at = _innermost_template(paths, root)
    if at is not None and paths[at].is_relative_to(BUILT_IN):
        return None  # the unit has no template to fix: «sửa mẫu của đơn vị» would mislead
    if at is None:
        if not isinstance(exc, jinja2.TemplateError):
            return None
        # No template frame to tell the fault's frames from the calling ones, which are this
        # module's (page(), report_box()): the technical detail only.
        return ContentError([_render_problem(exc, template, None, described=False)])
    # An undefined value is always a template's (only a template's lookup makes one, even when
    # a tool's helper meets it); a PublishError is the tool's own words on the unit's mistake.
    tools = not isinstance(exc, (PublishError, jinja2.UndefinedError)) and any(
        map(_in_tool, paths[at + 1 :])
    )
    shown = _shown(Path(frames[at].filename), root)
    if tools:
        # Not described («cần một danh sách» could send the unit after a mistake not in its
        # template), nor «Lỗi nội bộ» for what is most often the unit's: a value of the wrong
        # kind handed to a helper (vn_date(page.title)). Told at the line, as either.
        return ContentError([_tool_call_problem(exc, shown, frames[at].lineno)])
    return ContentError([_render_problem(exc, shown, frames[at].lineno, described=True)])


def _tool_call_problem(exc: BaseException, shown: str, line: int | None) -> Problem:
    """A fault in the tool's code that the unit's template `shown` called at `line`: a value of
    the wrong kind the line hands over, or the tool's own fault."""
    return Problem(
        shown,
        "mẫu giao diện gọi một hàm của công cụ ở dòng này và hàm ấy lỗi (chi tiết kỹ thuật: "
        f"{type(exc).__name__}: {exc})",
        line=line,
        hint="Xem lại giá trị dòng này đưa vào hàm (ví dụ vn_date cần một ngày, không phải "
        f"chữ) và so với dòng tương ứng của {DEFAULT_WEB}. Nếu "
        "dòng ấy giống giao diện mặc định mà vẫn lỗi thì đó là lỗi của công cụ: chạy lại với "
        "--debug và gửi kết quả cho nhóm phát triển.",
    )


def _innermost_template(paths: Sequence[Path], root: Path) -> int | None:
    """The index in `paths` (a traceback's resolved files) of the innermost frame in a template
    (Jinja rewrites those to the template's file): a file under the project's templates/ or
    templates/web/ (the folder the loader reads, which may be a link to a theme shared outside
    the project), or the built-in theme; not one merely named like a template (a tool's
    helper, a template of another folder)."""
    folders = (BUILT_IN, (root / "templates").resolve(), (root / "templates" / "web").resolve())
    for index in range(len(paths) - 1, -1, -1):
        if any(paths[index].is_relative_to(folder) for folder in folders):
            return index
    return None


def _in_tool(path: Path) -> bool:
    """Whether the resolved file `path` is the tool's own Python code (not its stand-in for
    Jinja's)."""
    return path.suffix == ".py" and path.is_relative_to(TOOL) and path != JINJA_STAND_IN


def _render_problem(
    exc: BaseException, shown: str, line: int | None, *, described: bool
) -> Problem:
    """A fault of the unit's template `shown` at `line` while a page was rendered, in Vietnamese
    (when `described`, as template_runtime_error describes it; a name the unit's own theme uses
    and nothing gives it, as a macro called without importing it: found only here, and it was
    «Lỗi nội bộ»)."""
    original = str(getattr(exc, "message", None) or exc)
    if found := UNDEFINED_RE.match(original):
        name = found.group(1)
        return Problem(
            shown,
            f"mẫu giao diện dùng «{name}», nhưng không có gì mang tên ấy khi dựng trang (chưa "
            "định nghĩa, chưa import, hay gõ sai tên)",
            line=line,
            hint=f"Nếu «{name}» là macro của _macros.html, thêm nó vào dòng "
            '{% from "_macros.html" import … %} đầu mẫu (và chép macro ấy từ _macros.html của '
            f"giao diện mặc định, {BUILTIN_THEME / 'web' / '_macros.html'}, nếu _macros.html của "
            "đơn vị chưa có); nếu không, sửa tên cho đúng hoặc bỏ chỗ dùng nó.",
        )
    if isinstance(exc, PublishError):
        # The tool's own words, complete with how to fix (asset_url naming a file that
        # templates/assets/ lacks): not «chưa được mô tả».
        return Problem(shown, f"mẫu giao diện lỗi khi dựng trang: {original}", line=line)
    if described and (told := template_runtime_error(exc)):
        return Problem(
            shown,
            f"mẫu giao diện lỗi khi dựng trang: {told.message}",
            line=line,
            hint=told.hint,
        )
    return Problem(
        shown,
        "mẫu giao diện lỗi khi dựng trang: chỗ sai chưa được mô tả (chi tiết kỹ thuật: "
        f"{original})",
        line=line,
        hint=f"Sửa chỗ đó trong mẫu của đơn vị, hoặc chép lại mẫu từ {DEFAULT_WEB}.",
    )


TEMPLATE_USE_RE = re.compile(r"""{%-?\s*(?:include|import|from|extends)\s+["']([^"']+)["']""")
"""A template named by a fixed string in include/import/from/extends (a computed name is
found only while rendering)."""
FROM_IMPORT_RE = re.compile(
    r"""{%-?\s*from\s+["']([^"']+)["']\s+import\s+(.+?)\s*(?:with(?:out)?\s+context\s*)?-?%}""",
    re.S,
)
"""`{% from "x.html" import a, b as c %}`: the template and the names it takes from it."""


def _missing_includes(env: jinja2.Environment, name: str, shown: str, root: Path) -> list[Problem]:
    """Templates `name` includes, imports or extends by a fixed name that do not exist or do
    not compile (found only while rendering otherwise, as an English or internal error)."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    problems = []
    # A regex, not env.parse: parsing every template again cost ~20 ms of every build.
    for used in dict.fromkeys(TEMPLATE_USE_RE.findall(source)):
        try:
            # Compiled here (once: Jinja keeps it), or a syntax error in it is found only
            # while rendering, as an internal error.
            env.get_template(used)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(_syntax_problem(exc, shown, root))
        except jinja2.TemplateNotFound:
            line = next((i for i, text in enumerate(source.split("\n"), 1) if used in text), None)
            problems.append(
                Problem(
                    shown,
                    f"mẫu giao diện {name} dùng {used}, nhưng không có tệp đó",
                    line=line,
                    hint=f"Thêm {used} vào cùng thư mục, hoặc bỏ dòng include/import/extends đó.",
                )
            )
    return problems + _missing_macros(env, name, source, shown)


def _missing_macros(env: jinja2.Environment, name: str, source: str, shown: str) -> list[Problem]:
    """Macros `name` imports by name from a template that does not define them: a unit that
    copied a new base.html from the built-in theme beside its old _macros.html got an internal
    error from the middle of rendering (Jinja's «does not export the requested name»)."""
    problems = []
    for found in FROM_IMPORT_RE.finditer(source):
        used = found[1]
        try:
            module = env.get_template(used).module
        except Exception:  # a missing or broken one is told above, or while rendering
            continue
        for wanted in found[2].split(","):
            macro = wanted.split()[0] if wanted.split() else ""
            if not macro or hasattr(module, macro):
                continue
            line = source.count("\n", 0, found.start()) + 1
            builtin = BUILTIN_THEME / "web" / used
            problems.append(
                Problem(
                    shown,
                    f"mẫu giao diện {name} dùng macro {macro} của {used}, nhưng {used} không có "
                    "macro đó (thường do chép tệp mới từ giao diện mặc định mà giữ bản cũ của "
                    f"{used})",
                    line=line,
                    hint=(
                        f"Chép lại {used} từ giao diện mặc định ({builtin}), hoặc thêm macro "
                        f"{macro} vào {used} của đơn vị."
                        if builtin.is_file()
                        else f"Thêm macro {macro} vào {used}, hoặc bỏ {macro} khỏi dòng đó."
                    ),
                )
            )
    return problems


ImageUses = dict[tuple[str, str], Bulletin | Page | None]
"""Each image (path under content/) and the file showing it, with the bulletin or page (None:
site.toml's default cover), in the order they are met."""


def _image_problems(site: Site) -> list[Problem]:
    """Every image the website will resize, of bulletins and pages, can be opened by Pillow; each
    user of a bad one is named. So can those of bulletins held until they are approved or their
    date comes (gates.COMING), as a missing one is told for them: otherwise a broken photo is
    told only once the bulletin is approved, or at its scheduled hour. A share image too small
    for a share preview is warned of: the default cover's, and a website bulletin's own cover
    when no photo of it is larger."""
    held = [
        e.bulletin
        for e in site.excluded
        if e.code in COMING and {"web", "zalo"} & set(carried(e.bulletin.channels, site.config))
    ]
    uses = _image_uses([*site.for_channel("web"), *held, *site.pages])
    problems = []
    default = site.config.site.default_cover
    missing = missing_default_cover(site.config) if default else None
    if missing is not None:
        problems.append(missing)
    elif default:
        uses.setdefault((default, "site.toml"), None)
    facts = facts_shelf(Fragments(site.config.root), site.config.web.image_widths)
    sizes = _sizes(uses, site.config, facts, site.digests)
    problems += _unreadable(uses, sizes, site.config)
    if default and not any(p.field == DEFAULT_COVER for p in problems):
        small = small_default_cover(site.config, sizes[default])
        problems += [small] if small is not None else []
    on_web = [
        *site.for_channel("web"),
        *(b for b in held if "web" in carried(b.channels, site.config)),
    ]
    for b in on_web:
        small = small_cover(b, sizes, default)
        if small is None and (photo := small_photos(b, sizes, default)) is not None:
            small = dataclasses.replace(photo[0], line=image_use(b, photo[1], site.config)[1])
        problems += [small] if small is not None else []
    return problems


def unreadable_images(bulletin: Bulletin, config: Config) -> list[Problem]:
    """The images of `bulletin` Pillow cannot open, told as the build tells them (for `publish
    approve`: approved, the build that publishes the bulletin would stop on them)."""
    uses = _image_uses([bulletin])
    return _unreadable(uses, _sizes(uses, config, None, None), config)


def _image_uses(items: Sequence[Bulletin | Page]) -> ImageUses:
    """The images `items` show: a bulletin's cover and body images, a page's body images."""
    # Ordered, and a set: a list made this quadratic. The user, to say where it shows the image.
    uses: ImageUses = {}
    for item in items:
        refs = (item.cover, *item.shown_images) if isinstance(item, Bulletin) else item.shown_images
        for ref in refs:
            if ref is not None:
                uses.setdefault((ref.path, item.source), item)
    return uses


def _sizes(
    uses: ImageUses, config: Config, facts: Shelf | None, digests: Mapping[str, str] | None
) -> dict[str, tuple[int, int] | BaseException]:
    """The size each image of `uses` is shared at, or why Pillow cannot open it (its header
    only; `facts`, `digests`: see images.probe)."""
    widths = config.web.image_widths
    return {
        p: probe(config.root, p, widths, facts, digests) for p in dict.fromkeys(p for p, _ in uses)
    }


def _unreadable(
    uses: ImageUses, sizes: Mapping[str, tuple[int, int] | BaseException], config: Config
) -> list[Problem]:
    """A problem for each use of an image Pillow cannot open (`sizes` holds the error), at the
    field or line that shows it."""
    problems = []
    for (path, owner), user in uses.items():
        if isinstance(error := sizes[path], BaseException):
            field, line = (DEFAULT_COVER, None) if user is None else image_use(user, path, config)
            problems.append(unreadable_image(owner, path, error, field=field, line=line))
    return problems


def _shown(path: Path, root: Path) -> str:
    """A path relative to the project root when inside it, as the editor reaches it: in a
    theme linked from outside the project (templates/web a link to a folder several units
    share), templates/web/page.html, not the shared folder's absolute path."""
    # Jinja names a template's file by its loader's folder joined to the name, links kept.
    reached, base = Path(os.path.normpath(path)), Path(os.path.normpath(root))
    if reached.is_absolute() == base.is_absolute() and reached.is_relative_to(base):
        return reached.relative_to(base).as_posix()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _compiled_templates(root: Path) -> jinja2.BytecodeCache:
    """Templates compiled earlier in this process or by earlier builds, kept in .cache/jinja/
    (memory alone when that folder cannot be made).

    Jinja checks each template's source against the stored code, so an edited template is
    compiled again; compiling the theme cost every build (twice: check and render) ~0.2 s."""
    folder = root / ".cache" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return KeptTemplates(None)
    return KeptTemplates(folder)


def environment(theme: Path, root: Path | None = None) -> jinja2.Environment:
    """The Jinja environment: autoescaped HTML/XML, strict about undefined names; compiled
    templates kept under `root`/.cache/ when given."""
    return ThemeEnvironment(
        loader=jinja2.FileSystemLoader(theme / "web"),
        bytecode_cache=_compiled_templates(root) if root is not None else KeptTemplates(None),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one environment per build: no stat of each template per page
    )


def report_box(env: jinja2.Environment, common: Mapping[str, Any], root: Path) -> Markup:
    """The «Báo tin cho …» box ending every bulletin page, from the theme's `report_box` macro
    and site.toml's [contact]: the same on every page, so made once per build (as `report_box`
    in every page's context), not in each of a thousand pages. Empty for a theme without it (one
    from before it shows its own box from `footer`, or none). A fault in the unit's macro is
    told at its line (see _template_failure), as a page's is."""
    try:
        made = getattr(env.get_template(MACROS_TEMPLATE).module, REPORT_BOX, None)
        return Markup(made(common["footer"], common["unit"])) if made is not None else Markup("")
    except jinja2.TemplateNotFound:
        return Markup("")
    except Exception:
        # Called from here, not from a template's render: Jinja has not pointed the traceback
        # at the template's lines, as render does for a page.
        rewritten = jinja2.debug.rewrite_traceback_stack(source=None)
        told = _template_failure(rewritten, MACROS_TEMPLATE, root)
        if told is None:
            raise
        # Chained: --debug shows the frames (the tool's own, when the hint sends them on).
        raise told from rewritten


class _RecordingPictures(Pictures):
    """Pictures that remember which images each page used, so a reused page can be checked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As Pictures, with an empty record."""
        super().__init__(*args, **kwargs)
        self.used: dict[str, Picture] = {}

    def picture(self, path: str, *, owner: str) -> Picture:
        """The picture for `path`, recorded as used."""
        found = self.used[path] = super().picture(path, owner=owner)
        return found

    def take_used(self) -> dict[str, Picture]:
        """The pictures used since the last call."""
        used, self.used = self.used, {}
        return used


@once
def _library_versions() -> tuple[str, ...]:
    """Installed versions of LIBRARIES, read once per process: the code of those loaded here
    cannot change under it (read from the metadata folders' names, as a replay reads them:
    importlib.metadata cost every web render ~20 ms to load and ~20 ms to search)."""
    return tuple(f"{name}={installed.version(name) or '?'}" for name in LIBRARIES)


@dataclass(frozen=True, slots=True)
class _Page:
    """What rendering one page gives back to the main process."""

    artifacts: list[Artifact | Kept]
    sitemap: SitemapEntry | None
    bodies: dict[str, str]
    """Body HTML the feeds will need again, so they do not convert it a second time."""
    record: PageRecord | None = None
    """What a later build needs to reuse the page (none when pages are never reused)."""
    key: str = ""
    """The digest of the page's inputs the record is kept under."""
    facts: dict[str, Learned] | None = None
    """What became of the images a worker made (see Pictures.take_learned)."""


def _linked_files(site: Site, on_web: Sequence[Bulletin], seen: set[str]) -> Iterator[Artifact]:
    """The files bulletins and pages link to (a form, a notice) at their path under tep/; a
    Zalo article's links lead there too, so its bulletins' files are served even when the
    bulletin itself is not on the website."""
    zalo = [b for b in site.for_channel("zalo") if not site.is_preview(b)]
    items: list[Bulletin | Page] = [*on_web, *zalo, *site.pages]
    for output, (path, _) in attachments.served_files(items, site.config).items():
        if output not in seen:
            seen.add(output)
            source = (
                "content/" + path.relative_to(site.config.root.resolve() / "content").as_posix()
            )
            yield Artifact("web", output, attachments.read(path), source=source)


def render(site: Site) -> Iterator[Artifact | Kept]:
    """Every file of output/web/: pages, images, assets, feeds, sitemap, robots, and last the
    pages at trimmed addresses (/2022/05/) that no other file takes."""
    trimmed: list[Artifact] = []
    taken: set[str] = set()
    anchored: dict[str, bytes] = dict.fromkeys(map(output_path, ANCHORED), b"")
    for artifact in _render(site, trimmed, anchored):
        taken.add(artifact.path)
        if artifact.path in anchored:
            anchored[artifact.path] = artifact.data
        yield artifact
    # Whatever else is there is someone's choice (a page with a year for slug, an alias, a
    # recorded old address), never a clash: the trimmed address's page gives way.
    yield from (a for a in trimmed if a.path not in taken)


def _render(
    site: Site, trimmed: list[Artifact], anchored: dict[str, bytes]
) -> Iterator[Artifact | Kept]:
    """See render; the trimmed addresses' pages go to `trimmed`, not out, made once the pages
    they point into are in `anchored` (their HTML by output path, filled by render)."""
    forget_resolved()  # images may have moved since the site was loaded
    config = site.config
    theme = theme_dir(site)
    assets = Assets(theme / "assets", config.root)
    # The folder this build writes: a --drafts preview's pages are in .cache/preview/web.
    ledger = Ledger(config.root / ".cache", site.output or config.root / "output", "web")
    pictures = _RecordingPictures(
        config.root,
        config.web.image_widths,
        url=lambda p: views.url("/" + p),
        fragments=Fragments(config.root),
        ledger=ledger,
        digests=site.digests,
    )
    recorded = recorded_history(site)
    follow_page = (theme / "web" / FOLLOW_TEMPLATE).is_file() and not follow_owner(site, recorded)
    views: Views = Views(
        site,
        pictures,
        page_ids=theme_ids(theme),
        follow_page=follow_page,
        tags_template=(theme / "web" / TAGS_TEMPLATE).is_file(),
    )
    env = environment(theme, site.config.root)
    env.globals.update(
        asset_url=lambda name: views.url(assets.path(name)),
        absolute_url=lambda url: views.absolute(url),
        vn_date=vn_date,
    )
    common = views.common()
    common["report_box"] = report_box(env, common, site.config.root)
    facts = theme_facts(theme, env, Fragments(config.root))
    reusable = facts.reusable
    # Where the project lives reaches a page only through a template that shows config.root.
    placed = config if facts.uses_root else dataclasses.replace(config, root=Path("."))
    shown: dict[str, Any] = {
        k: placed if k == "config" else v for k, v in common.items() if k != "site"
    }
    if not facts.counts_everywhere:
        # Only the search page shows them (its own inputs hold them): a bulletin added or
        # removed leaves the other pages' keys alone.
        shown["categories"] = [
            {k: v for k, v in c.items() if k != "count"} for c in shown["categories"]
        ]
    shared = repr(
        (
            facts.digest,
            _library_versions(),
            sorted((name, path) for name, (path, _) in assets.files.items()),
            shown,
            views.prefix,
            sorted(views.folder_pages),
            # A preview's records apart: each build keeps only its own pages' records, and an
            # editor alternating `build --drafts` and `build` rendered again what the other dropped.
            site.drafts,
        )
    )
    shared = hashlib.sha256(shared.encode("utf-8", "surrogatepass")).hexdigest()

    records = PageRecords(views.fragments, shared, views, pictures)

    def page(job: PageJob, key: str | None) -> _Page:
        """One page rendered, with any image variants it made, its sitemap entry and (when it
        has a `key`; None: work it out here) the record that lets a later build reuse it."""
        if key is None:
            key = views.fragments.key("web-page", shared, job.inputs())
        pictures.take_used()
        views.take_lookups()
        views.take_links()
        view = job.make()
        try:
            html = env.get_template(view.template).render(**common, **view.context)
        except Exception as exc:
            told = _template_failure(exc, view.template, site.config.root)
            if told is None:
                raise
            # Chained: --debug shows the frames (the tool's own, when the hint sends them on).
            raise told from exc
        page = Artifact.hashed("web", output_path(view.url), html, source=view.source, key=view.key)
        entry = None
        if view.indexed and view.url.endswith("/"):
            entry = SitemapEntry(views.absolute(view.url), view.lastmod)
        record = None
        if key:
            record = records.record(
                page, entry, pictures.take_used(), views.take_lookups(), views.take_links()
            )
        learned = pictures.take_learned()
        return _Page([*pictures.drain(), page], entry, views.take_bodies(), record, key, learned)

    def decide(job: PageJob) -> tuple[str, Entry | bool | None]:
        """A page's key, and whether output/ holds the page last made from it (pure)."""
        key = views.fragments.key("web-page", shared, job.inputs())
        return key, records.verdict(key, ledger)

    def every_page(jobs: list[PageJob]) -> Iterator[_Page]:
        """Each job's page in order: reuse is checked here, only the rest go to the workers
        (after one edit a handful of pages: no process is started, nothing crosses a pipe)."""
        # Stamps and jobs live through the pages: out of the collector's walks (unfrozen when
        # the build ends).
        gc.freeze()
        # With no page kept from an earlier build (a cold build) nothing can be reused: each
        # page's key is worked out where it renders, not all of them here first (~0.3 s).
        keys: list[str | None]
        verdicts: list[Entry | bool | None]
        if not reusable:
            keys, verdicts = [""] * len(jobs), [None] * len(jobs)
        elif records.empty():
            keys, verdicts = [None] * len(jobs), [None] * len(jobs)
        else:
            # Each page's key and whether output/ still holds its last page, on every core
            # (records read before the workers fork, only texts come back). 10,000 bulletins,
            # one edit in CI (output/ restored: every page read and hashed) 2.70 -> 2.42 s;
            # one edit where the ledger vouches for the pages (a stat each) 1.99 -> 1.88 s,
            # since the workers are forked without multiprocessing.Pool's threads (before,
            # forking cost what it saved there).
            records.preload()
            decisions = run_jobs([partial(decide, job) for job in jobs], chunk=256)
            keys, verdicts = [], []
            for decided, verdict in decisions:
                keys.append(decided)
                verdicts.append(verdict)
        kept: dict[int, _Page] = {}
        for i, key in enumerate(keys):
            if key and (found := records.reuse(key, ledger, verdicts[i])) is not None:
                artifact, record = found
                kept[i] = _Page([*pictures.drain(), artifact], record.sitemap, {}, record, key)
        todo = [i for i in range(len(jobs)) if i not in kept]
        work = [partial(page, jobs[i], keys[i]) for i in todo]
        pages = run_jobs(work, after_chunk=views.fragments.flush)
        with contextlib.closing(pages) as rendered:
            for i in range(len(jobs)):
                fresh = i not in kept
                done = next(rendered) if fresh else kept.pop(i)
                if done.record is not None:
                    records.keep(done.key, done.record, fresh=fresh)
                yield done

    sitemap = []
    seen: set[str] = set()
    learned: dict[str, Learned] = {}
    # Pages render in worker processes; each made its own image variants, so keep the first copy.
    compiled = [*TEMPLATES]
    if follow_page:
        compiled.append(FOLLOW_TEMPLATE)
    if views.tags_page:
        compiled.append(TAGS_TEMPLATE)
    for name in compiled:
        env.get_template(name)  # compiled once before the workers fork, not in each of them
    views.prepare()
    with views.fragments.batched():
        for done in every_page(views.jobs()):
            for artifact in done.artifacts:
                if artifact.path not in seen:
                    seen.add(artifact.path)
                    yield artifact
            if done.sitemap is not None:
                sitemap.append(done.sitemap)
            if done.facts:
                learned.update(done.facts)
            views.keep_bodies(done.bodies)
        records.save()
    yield from (a for a in pictures.drain() if a.path not in seen)
    yield from _linked_files(site, views.bulletins, seen)
    # A site with nothing published yet (a new unit's) still needs an <updated>: a fixed one, not
    # the clock, or every build rewrote its feeds and a deploy uploaded them again.
    newest = views.public[0].date if views.public else EMPTY_FEED_UPDATED
    # A category's old feed address keeps its subscribers: its feed is written there too (with
    # that address's id); its old pages get redirect pages.
    for path, data, kind in site_feeds(views, fallback_updated=newest):
        yield from (a for a in pictures.drain() if a.path not in seen)
        yield Artifact("web", output_path(path), data, kind=kind)
    pictures.save_facts(learned)
    for name, data in sitemap_files(sitemap, config.absolute_url):
        yield Artifact("web", name, data)
    on_web = {b.key: b for b in views.bulletins if not site.is_preview(b)}
    targets = redirect_targets(recorded, on_web, site.pages)
    yield from redirect_artifacts(targets, views.url, views.absolute, views.shared)
    per_page = max(1, config.web.per_page)
    moved = {
        views.category_url(alias): (
            views.category_url(key),
            category.label,
            len(views.by_category[key]),
        )
        for key, category in config.categories.items()
        for alias in category.aliases
    }
    # Shared from an old or trimmed address, a list shows the site's description and picture.
    site_share = (config.site.description, views.og_image())
    as_category = ("Chuyên mục", "category-alias")
    yield from list_redirects(moved, per_page, as_category, views.url, views.absolute, site_share)
    renamed = {
        views.tag_url(old): (views.tag_url(new), views.tag_labels[new], len(views.by_tag[new]))
        for old, new in site.tag_moves.items()
        if new in views.by_tag  # a tag on published bulletins only has a page
    }
    as_tag = ("Thẻ", "tag-alias")
    yield from list_redirects(renamed, per_page, as_tag, views.url, views.absolute, site_share)
    yield from page_redirects(site.pages, views.url, views.absolute, site_share)
    trimmed.extend(
        trimmed_redirects(views, lambda url, name: has_id(anchored[output_path(url)], name))
    )
    yield Artifact.text("web", "robots.txt", robots_txt(config))
    yield from assets.artifacts()
    # The pages' memos (cards, stamps, related bulletins, page records) are done with: freed
    # here, the search index reuses their memory instead of growing the build's peak. (The
    # template globals reach `views` through this variable, never hold it themselves: a bound
    # method there kept ~27 MB of card HTML alive through the search phase at 10,000.)
    views = records = sitemap = None  # type: ignore[assignment]
    yield from search_artifacts(site, ledger)
