"""A note when the unit's own theme leaves out what a newer built-in theme shows readers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import jinja2
import jinja2.meta
from jinja2 import nodes

from publish.config import BUILTIN_THEME
from publish.correction_text import HEADING
from publish.errors import Problem
from publish.languages import more_in
from publish.model import Site
from publish.render.web import template_facts
from publish.render.web.context import pages_by_language
from publish.site_legal import LEGAL_KEYS, footer_by_key

__all__ = [
    "BULLETIN_TEMPLATE",
    "LIST_TEMPLATE",
    "MACROS_TEMPLATE",
    "REPORT_BOX",
    "OwnTheme",
    "missing_contact_lines",
    "missing_corrections",
    "missing_footer_legal",
    "missing_language_link",
    "missing_pinned",
    "missing_print_margins",
    "missing_report_box",
    "missing_same_language",
    "unused_own_theme",
]

BULLETIN_TEMPLATE = "bulletin.html"
CORRECTIONS = "corrections"
"""The template variable listing a bulletin's corrections (see render.web.pages)."""
LIST_TEMPLATE = "list.html"
PINNED = "pinned"
"""The template variable listing the home page's pinned bulletins (see render.web.pages)."""
BASE_TEMPLATE = "base.html"
PRINT_MARGINS = "print_margins"
"""The block of base.html's <head> that bulletin.html fills with its printed sheets' foot line."""
FOOT_LINE = "dòng cuối mỗi tờ khi in bản tin (tên đơn vị, đường dây nóng, số khẩn cấp, «Trang 1/2»)"
PAGE_TEMPLATE = "page.html"
CONTACT_KEYS = {"fax": "[contact] fax", "officer": "[contact.officer]"}
"""The keys of the template variables `footer` (every page) and `contact` (a contact page's
card) holding these site.toml values (see render.web.context), with the table each is from."""
OFFICER_LABEL = "Cán bộ phụ trách thông tin trên trang"
"""What the built-in theme writes before the officer's name."""
OFFICER_MACRO = "officer_contact"
"""The macro of _macros.html the built-in theme writes the officer's name, phone and e-mail with."""
MAIL_MACRO = "mail_link"
"""The macro of _macros.html the officer's and the report box's e-mail addresses are written
with: newer than both, so a theme from before either lacks it too."""
FOOTER_LEGAL = "footer_legal"
"""The template variable listing the footer's lines of [site] responsible, license and
reuse_source (see site_legal.footer_by_key)."""
MACROS_TEMPLATE = "_macros.html"
"""The theme's template of macros (pages import theirs from it)."""
REPORT_BOX = "report_box"
"""The macro of _macros.html the build makes the «Báo tin cho …» box from, and the template
variable holding the box (see render.web.report_box)."""
JINJA_NAMES = frozenset(("loop", "namespace", "caller", "varargs", "kwargs", "self", "super"))
"""Names Jinja gives a meaning of its own, read from no page's context (see _reads)."""
NAMED_AT_MOST = 3
"""Bulletins named in the note; the others are counted."""


N = TypeVar("N", bound=nodes.Node)


@dataclass(frozen=True)
class Parsed:
    """One template of the theme parsed, walked once: Jinja's find_all walks the whole tree
    again at each call (~0.5 ms for base.html), and the notes ask a template several things."""

    tree: nodes.Template
    every: tuple[nodes.Node, ...]
    """Every node of the tree."""
    used: tuple[str, ...]
    """The templates it extends, includes or imports by a fixed name."""

    @classmethod
    def of(cls, tree: nodes.Template) -> Parsed:
        """The template `tree`, walked."""
        used = (name for name in jinja2.meta.find_referenced_templates(tree) if name is not None)
        return cls(tree, tuple(tree.find_all(nodes.Node)), tuple(used))

    def all(self, kind: type[N]) -> Iterator[N]:
        """Every node of the `kind`."""
        return (node for node in self.every if isinstance(node, kind))


@dataclass
class OwnTheme:
    """The unit's own theme (never the built-in one: it shows everything) as the notes read it:
    each template parsed at most once per check, however many notes ask about it."""

    folder: Path
    """The theme's folder (the project's templates/), holding web/ and assets/."""
    env: jinja2.Environment
    _parsed: dict[str, Parsed | None] = field(default_factory=dict)

    def parsed(self, name: str) -> Parsed | None:
        """Template `name` parsed, or None when it is missing or does not compile."""
        if name not in self._parsed:
            assert self.env.loader is not None
            try:
                source, _, _ = self.env.loader.get_source(self.env, name)
                self._parsed[name] = Parsed.of(self.env.parse(source))
            except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
                self._parsed[name] = None
        return self._parsed[name]

    def has(self, name: str) -> bool:
        """Whether the theme has template `name` of its own."""
        return (self.folder / "web" / name).is_file()

    def uses(self, name: str, variable: str, seen: set[str]) -> bool:
        """Whether template `name`, or one it extends, includes or imports by a fixed name,
        reads `variable` (see reaches)."""
        return self.reaches(name, lambda parsed: _reads(parsed, variable), seen)

    def reaches(self, name: str, found: Callable[[Parsed], bool], seen: set[str]) -> bool:
        """Whether `found` holds for template `name`, or for one it extends, includes or
        imports by a fixed name. A template that is missing or does not compile counts as
        holding it: the template checks report it, and one problem is enough."""
        if name in seen:
            return False
        seen.add(name)
        parsed = self.parsed(name)
        if parsed is None or found(parsed):
            return True
        return any(self.reaches(used, found, seen) for used in parsed.used)


def missing_corrections(site: Site, own: OwnTheme) -> list[Problem]:
    """A warning when a published bulletin has corrections and the unit's own bulletin template
    (or what it extends and includes) never uses `corrections`: readers would not see them."""
    corrected = [b.source for b in site.for_channel("web") if b.corrections]
    if not corrected or own.uses(BULLETIN_TEMPLATE, CORRECTIONS, set()):
        return []
    return [
        _missing(
            BULLETIN_TEMPLATE,
            f"không hiện khung «{HEADING}»: người đọc website không thấy đính chính của "
            f"{len(corrected)} bản tin đã đăng ({_named(corrected)})",
            CORRECTIONS,
            f"khung «{HEADING}», giữa tiêu đề và tóm tắt",
        )
    ]


def missing_pinned(site: Site, own: OwnTheme) -> list[Problem]:
    """A warning when a bulletin is pinned now and the unit's own list template (or what it
    extends and includes) never uses `pinned`: the home page shows it in its place, unpinned."""
    if site.config.web.pinned_max <= 0:
        return []
    pinned = [b.source for b in site.pinned_now()]
    if not pinned or own.uses(LIST_TEMPLATE, PINNED, set()):
        return []
    return [
        _missing(
            LIST_TEMPLATE,
            f"không hiện khung «Tin cần chú ý»: {len(pinned)} bản tin ghim (pinned) không được "
            f"đưa lên đầu trang chủ ({_named(pinned)})",
            PINNED,
            "khung «Tin cần chú ý» trên danh sách",
        )
    ]


def missing_footer_legal(site: Site, own: OwnTheme) -> list[Problem]:
    """A note when site.toml writes a footer line ([site] responsible, license, reuse_source)
    and the unit's own base.html (or what it extends and includes) never uses `footer_legal`:
    a theme copied before those lines shows none of them. A note, not a warning: every page is
    whole, and the unit may show those words its own way."""
    legal = site.config.site
    # Each key's own line: one left empty (or blank) shows nothing.
    lines = footer_by_key(legal.responsible, legal.license, legal.reuse_source)
    written = [key for key in LEGAL_KEYS if lines[key]]
    if not written or own.uses(BASE_TEMPLATE, FOOTER_LEGAL, set()):
        return []
    shown = ", ".join(f"«{lines[key].rstrip('.')}»" for key in written)
    return [
        _theme_problem(
            (f"web/{BASE_TEMPLATE}",),
            f"mẫu giao diện riêng {BASE_TEMPLATE} không hiện ở chân trang dòng của "
            f"[site] {_and(written)} trong site.toml ({shown}): người đọc "
            "website không thấy các dòng ấy",
            "thêm '{% for line in footer_legal %}{{ line }}<br>{% endfor %}' vào chân trang "
            "trong bản của đơn vị (đoạn footer-meta, như base.html mặc định; không cần sửa "
            "style.css)",
            severity="note",
        )
    ]


LANGUAGES = "languages"
"""The footer's links to the pages in another language (context.languages)."""
LANGUAGE_LINK = (
    "{% for language in languages %}<a href=\"{{ language['url'] }}\" lang=\"{{ language['lang'] }}\" "
    "hreflang=\"{{ language['lang'] }}\">{{ language['label'] }}</a> · {% endfor %}"
)


def missing_language_link(site: Site, own: OwnTheme) -> list[Problem]:
    """A warning when a page is written in another language than the site's and the unit's own
    base.html (or what it extends and includes) never uses `languages`: such a page is no menu
    item, so a theme copied before the footer's language link links it from no page."""
    foreign = [page.source for page in site.pages if page.lang]
    if not foreign or own.uses(BASE_TEMPLATE, LANGUAGES, set()):
        return []
    return [
        _theme_problem(
            (f"web/{BASE_TEMPLATE}",),
            f"mẫu giao diện riêng {BASE_TEMPLATE} không có liên kết tới trang viết bằng ngôn "
            f"ngữ khác ({_named(foreign)}): trang ấy không nằm trong menu, nên người đọc "
            "website không tìm thấy nó từ trang nào",
            f"thêm '{LANGUAGE_LINK}' vào đầu dòng footer-meta ở chân trang, như "
            f"{BASE_TEMPLATE} mặc định (không cần sửa style.css)",
        )
    ]


SAME_LANGUAGE = "same_language"
"""The links from the first page of a language to its other pages (context.same_language)."""


def missing_same_language(site: Site, own: OwnTheme) -> list[Problem]:
    """A warning when a language other than the site's has several pages and the unit's own
    page.html (or what it extends and includes) never uses `same_language`: the footer links
    only the first of them and no menu item any, so a theme copied before that list on the
    first page links the others from no page."""
    several = [pages for pages in pages_by_language(site.pages).values() if len(pages) > 1]
    if not several or own.uses(PAGE_TEMPLATE, SAME_LANGUAGE, set()):
        return []
    unlisted = [page.source for pages in several for page in pages[1:]]
    headings = [f"«{more_in(pages[0].lang)}»" for pages in several if more_in(pages[0].lang)]
    listed = f"danh sách {_and(headings)}" if headings else "danh sách"
    return [
        _left_out(
            PAGE_TEMPLATE,
            f"không hiện {listed} (các trang khác cùng ngôn ngữ, ở cuối trang đầu tiên viết "
            "bằng ngôn ngữ ấy): chân trang chỉ liên kết trang đầu, nên người đọc website không "
            f"tìm thấy {len(unlisted)} trang còn lại từ trang nào ({_named(unlisted)})",
            (PAGE_TEMPLATE,),
            f"phần '{{% if {SAME_LANGUAGE} %}}…{{% endif %}}' cuối {PAGE_TEMPLATE} mặc định "
            "(trước </article>) và kiểu '.same-language h2' của giao diện mặc định",
        )
    ]


def missing_contact_lines(site: Site, own: OwnTheme, templates: Iterable[str]) -> list[Problem]:
    """A note when site.toml writes [contact] fax or names a [contact.officer] and none of the
    unit's own `templates` (nor what they extend, include or import) ever reads it: a theme
    copied before them shows neither, on any page. A note, as for the footer's legal lines:
    every page is whole, and a theme showing it on one page (its contact page) is told nothing.
    Nothing for a theme without base.html: the template checks tell it missing, one problem."""
    if not own.has(BASE_TEMPLATE):
        return []
    contact = site.config.contact
    lines = {}
    if contact.fax.strip():
        lines["fax"] = f"«Fax: {contact.fax.strip()}»"
    if contact.officer.shown:
        officer = contact.officer
        position = f", {officer.position.strip()}" if officer.position.strip() else ""
        lines["officer"] = f"«{OFFICER_LABEL}: {officer.name.strip()}{position}»"
    present = [name for name in templates if own.has(name)]
    missing = [key for key in lines if not _shown_anywhere(own, present, partial(_names_key, key))]
    if not missing:
        return []
    added = {
        "fax": "'{% if footer['fax'] %}<li>Fax: {{ footer['fax'] }}</li>{% endif %}' (đoạn "
        "contact-list)",
        "officer": "phần '{% if footer['officer'] %}…{% endif %}' (đoạn footer-meta)",
    }
    # The part pasted from today's base.html calls a macro an older _macros.html lacks, and
    # a name not imported fails mid-render: the steps name both.
    macro = (
        f"; phần của cán bộ phụ trách gọi macro {OFFICER_MACRO}: chép cả macro ấy và macro "
        f"{MAIL_MACRO} nó dùng từ {MACROS_TEMPLATE} mặc định vào {MACROS_TEMPLATE} của đơn vị "
        f"và thêm {OFFICER_MACRO} vào dòng import đầu {BASE_TEMPLATE}"
        if "officer" in missing
        else ""
    )
    return [
        _theme_problem(
            (f"web/{BASE_TEMPLATE}", f"web/{PAGE_TEMPLATE}"),
            f"mẫu giao diện riêng {BASE_TEMPLATE} không hiện ở chân trang dòng của "
            f"{_and(CONTACT_KEYS[key] for key in missing)} trong site.toml "
            f"({', '.join(lines[key] for key in missing)}), cũng không mẫu nào khác hiện: người "
            f"đọc website không thấy {'các dòng' if len(missing) > 1 else 'dòng'} ấy",
            f"thêm {_and(added[key] for key in missing)} vào chân trang trong bản của đơn vị, "
            f"như {BASE_TEMPLATE} mặc định (không cần sửa style.css){macro}",
            severity="note",
        )
    ]


def _shown_anywhere(
    own: OwnTheme, templates: Iterable[str], found: Callable[[Parsed], bool]
) -> bool:
    """Whether `found` holds for one of `templates` or what it extends, includes or imports."""
    seen: set[str] = set()  # shared: a template walked from one page needs no second walk
    return any(own.reaches(name, found, seen) for name in templates)


def _names_key(key: str, parsed: Parsed) -> bool:
    """Whether a template reads `key` of a mapping: footer['fax'], footer.fax, or the name
    written as a string anywhere else (contact.get('fax')): lenient, as the note is for a theme
    that never shows it at all."""
    return any(node.value == key for node in parsed.all(nodes.Const)) or any(
        node.attr == key for node in parsed.all(nodes.Getattr)
    )


def missing_report_box(site: Site, own: OwnTheme, templates: Iterable[str]) -> list[Problem]:
    """A note when one of the unit's own `templates` (or what it extends and includes) writes
    `report_box` and its own _macros.html has no such macro: the build then gives it an empty
    box, silently. The missing-macro check sees only names a template imports, and the box is
    made by the build, not imported. A note: every page is whole, only the box is missing."""
    contact = site.config.contact
    if not (contact.emergency or contact.hotline or contact.email or site.config.zalo.oa_id):
        return []  # with no way to report, the built-in theme's box is empty too
    # The macro asked first: an own _macros.html that has it (the usual case) ends the check
    # with one template read, before walking every page template and what each extends.
    try:
        module = own.env.get_template(MACROS_TEMPLATE).module
    except jinja2.TemplateNotFound:
        lacking = f"giao diện riêng không có {MACROS_TEMPLATE}"
    except Exception:  # a broken one is told by the template checks
        return []
    else:
        if hasattr(module, REPORT_BOX):
            return []
        lacking = f"{MACROS_TEMPLATE} của giao diện riêng không có macro {REPORT_BOX}"
    # _macros.html left out: missing, it would count as writing the box (see OwnTheme.reaches).
    writing = [
        name
        for name in templates
        if own.has(name) and own.uses(name, REPORT_BOX, {MACROS_TEMPLATE})
    ]
    if not writing:
        return []  # a theme from before the box, or one showing its own
    return [
        _theme_problem(
            (f"web/{MACROS_TEMPLATE}",),
            f"{_and(writing)} ghi {{{{ {REPORT_BOX} }}}} nhưng {lacking}: trang bản tin không có "
            "khung «Báo tin cho …» (số khẩn cấp, đường dây nóng, Zalo để người dân báo tin)",
            f"chép lại cả tệp ấy; không muốn khung ấy thì bỏ {{{{ {REPORT_BOX} }}}} khỏi "
            f"{_and(writing)}",
            severity="note",
            part=f"macro {REPORT_BOX} và các macro tel_link, {MAIL_MACRO} nó dùng",
        )
    ]


def unused_own_theme(root: Path) -> list[Problem]:
    """A warning when the project, whose website uses the built-in theme (see theme_dir), has a
    templates/ it cannot use: a link to a folder gone, or a folder without templates/web/
    (renamed, only assets/ copied). The website then quietly took the built-in theme, and the
    unit's own look was gone from the next upload."""
    own = root / "templates"
    if not (own.is_symlink() or own.is_dir()):
        return []
    hint = (
        f"Giao diện riêng cần các mẫu trong templates/web/ (chép từ {BUILTIN_THEME / 'web'} "
        "rồi sửa) và tệp kiểu trong templates/assets/: templates/web/ bị đổi tên thì đặt lại "
        "tên web. Không dùng giao diện riêng thì xóa templates."
    )
    if not own.exists():
        return [
            Problem(
                "templates",
                f"templates là liên kết tới «{os.readlink(own)}», nơi không còn: website dùng "
                "giao diện mặc định, không phải giao diện riêng của đơn vị",
                hint=f"Sửa liên kết cho đúng thư mục giao diện, hoặc thay nó bằng thư mục. {hint}",
                severity="warning",
            )
        ]
    found = sorted(p.relative_to(own).as_posix() for p in own.rglob("*") if p.is_file())
    if not found:
        return []  # an empty folder left behind holds nothing the unit made
    return [
        Problem(
            "templates",
            "thư mục templates/ không có templates/web/: website dùng giao diện mặc định, "
            f"{len(found)} tệp trong templates/ ({_files_named(found)}) không được dùng",
            hint=hint,
            severity="warning",
        )
    ]


def _files_named(found: list[str]) -> str:
    """The first NAMED_AT_MOST files under templates/, the others counted."""
    more = len(found) - NAMED_AT_MOST
    shown = ", ".join(f"templates/{name}" for name in found[:NAMED_AT_MOST])
    return shown + (f" và {more} tệp khác" if more > 0 else "")


def _named(files: list[str]) -> str:
    """The first NAMED_AT_MOST files, the others counted."""
    more = len(files) - NAMED_AT_MOST
    return ", ".join(files[:NAMED_AT_MOST]) + (f" và {more} bài khác" if more > 0 else "")


def _missing(template: str, what: str, variable: str, block: str) -> Problem:
    """The warning that the unit's own `template` leaves out what the built-in one shows
    (`what`), with how to bring back the `block` reading `variable` and its style."""
    return _left_out(
        template,
        what,
        (template,),
        f"phần '{{% if {variable} %}}…{{% endif %}}' ({block}) và kiểu '.{variable}' của giao "
        "diện mặc định",
    )


def _left_out(template: str, what: str, copied: tuple[str, ...], added: str) -> Problem:
    """The warning that the unit's own `template` leaves out what the built-in one shows
    (`what`): copy the built-in `copied` templates and style.css again, or add `added`."""
    return _theme_problem(
        (*(f"web/{name}" for name in copied), "assets/style.css"),
        f"mẫu giao diện riêng {template} {what}",
        f"thêm vào bản của đơn vị {added}",
    )


def _theme_problem(
    copied: tuple[str, ...],
    message: str,
    instead: str,
    *,
    severity: str = "warning",
    part: str = "",
) -> Problem:
    """The finding at the unit's own copy of copied[0] (paths under templates/): `message`,
    and the hint to copy `copied` again from the built-in theme (only its `part` of the one
    file, when given), or do `instead`."""
    shown = _and(f"templates/{path}" for path in copied)
    builtin = _and(str(BUILTIN_THEME / path) for path in copied)
    again = (
        f"Chép {part} từ {_and(Path(path).name for path in copied)} của giao diện mặc định "
        f"({builtin}) vào {shown}"
        if part
        else f"Chép lại {shown} từ giao diện mặc định ({builtin})"
    )
    return Problem(
        f"templates/{copied[0]}", message, hint=f"{again}, hoặc {instead}.", severity=severity
    )


def _and(items: Iterable[str]) -> str:
    """Items as Vietnamese lists them: «a và b», «a, b và c»."""
    *head, last = items
    return f"{', '.join(head)} và {last}" if head else last


def missing_print_margins(own: OwnTheme) -> list[Problem]:
    """A warning when the unit's own bulletin.html never fills the `print_margins` block (nor
    what it extends or includes), or fills it where the base.html it extends has no such block
    (an own base.html older than the block): every printed sheet but the last then ends with no
    number to call. Only for a theme with its own bulletin.html; the built-in fills it."""
    if not own.has(BULLETIN_TEMPLATE):
        return []
    if not own.reaches(BULLETIN_TEMPLATE, _fills, set()):
        return [
            _left_out(
                BULLETIN_TEMPLATE,
                f"không có {FOOT_LINE}: chỉ tờ cuối của bản in có số để gọi",
                (BULLETIN_TEMPLATE, BASE_TEMPLATE),
                f"khối '{{% block {PRINT_MARGINS} %}}…{{% endblock %}}' của bulletin.html mặc "
                f"định (và, nếu base.html chưa có, khối rỗng '{{% block {PRINT_MARGINS} %}}"
                "{% endblock %}' trong <head> của base.html)",
            )
        ]
    if _declared(own):
        return []
    return [
        _left_out(
            BASE_TEMPLATE,
            f"không có khối {PRINT_MARGINS}: {FOOT_LINE} mà bulletin.html ghi không được in",
            (BASE_TEMPLATE,),
            f"khối rỗng '{{% block {PRINT_MARGINS} %}}{{% endblock %}}' trong <head>, sau dòng "
            "nạp style.css, như base.html mặc định",
        )
    ]


def _fills(parsed: Parsed) -> bool:
    """Whether a template gives the `print_margins` block something to write."""
    return any(
        block.name == PRINT_MARGINS and not _blank(block.body) for block in parsed.all(nodes.Block)
    )


def _blank(body: list[nodes.Node]) -> bool:
    """Whether a block's body writes only spaces and line breaks, or nothing."""
    return all(
        isinstance(node, nodes.Output)
        and all(
            isinstance(part, nodes.TemplateData) and not part.data.strip() for part in node.nodes
        )
        for node in body
    )


def _declared(own: OwnTheme) -> bool:
    """Whether bulletin.html's `print_margins` block is written out: bulletin.html extends no
    template (a block is written where it stands), or one it extends or includes has the block
    (base.html's empty one in the built-in theme)."""
    parsed = own.parsed(BULLETIN_TEMPLATE)
    if parsed is None:
        return True  # the template checks report it (see OwnTheme.reaches)
    if next(parsed.all(nodes.Extends), None) is None:
        return True
    return any(own.reaches(used, _has_block, {BULLETIN_TEMPLATE}) for used in parsed.used)


def _reads(parsed: Parsed, variable: str) -> bool:
    """Whether a template reads `variable` from its page's context, as
    jinja2.meta.find_undeclared_variables says. That compiles the whole template (~5 ms for
    base.html, against ~0.5 ms to parse it), so it is asked only when the template also sets,
    loops over, imports or takes as a macro's argument a name `variable`: one that never names
    it does not read it, and one that only reads it reads it from the context. One Jinja cannot
    compile (an unknown filter) counts as reading it, as in OwnTheme.reaches."""
    named = [found.ctx for found in parsed.all(nodes.Name) if found.name == variable]
    # «{% set corrections.x = 1 %}» writes into a namespace it reads from the context.
    named += ["load" for found in parsed.all(nodes.NSRef) if found.name == variable]
    if "load" not in named:
        return False
    if variable in JINJA_NAMES or any(ctx != "load" for ctx in named) or _defines(parsed, variable):
        try:
            return variable in template_facts.undeclared(parsed.tree)
        except jinja2.TemplateError:  # an unknown filter or test: the template checks tell it
            return True
    return True


def _defines(parsed: Parsed, variable: str) -> bool:
    """Whether a template makes a macro or imports something under the name `variable`."""
    return (
        any(macro.name == variable for macro in parsed.all(nodes.Macro))
        or any(used.target == variable for used in parsed.all(nodes.Import))
        or any(
            (name[1] if isinstance(name, tuple) else name) == variable
            for used in parsed.all(nodes.FromImport)
            for name in used.names
        )
    )


def _has_block(parsed: Parsed) -> bool:
    """Whether a template has the `print_margins` block, empty or not."""
    return any(block.name == PRINT_MARGINS for block in parsed.all(nodes.Block))
