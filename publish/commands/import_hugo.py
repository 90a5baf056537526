"""`publish import-hugo THƯ_MỤC_HUGO`: bring a Hugo site's posts, pages and images into this
project, then check the result as `publish check` does."""

from __future__ import annotations

import argparse
import dataclasses
import errno
import json
import os
import re
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from publish import approval
from publish import config as config_module
from publish.cli import common_options, make_parser, resolve_now
from publish.commands.approve import SiteDocuments, prepare
from publish.config import CHANNELS, Config
from publish.content_images import HEAD_BYTES, image_format
from publish.errors import ContentError, Problem, PublishError, display_path, not_a_file, os_reason
from publish.fields import category_hint, category_key, unknown_category
from publish.frontmatter import FrontMatterError, decode, split
from publish.frontmatter_edit import EditError, set_keys, write_atomically
from publish.image_suffixes import SUFFIX_FORMATS
from publish.limits import read_capped, too_large
from publish.migrate import hugo
from publish.migrate.hugo_languages import LanguageError, languages_of
from publish.no_follow import linked_folder

__all__ = ["add_parser", "run"]

CONFIG_NAMES = (
    *("hugo.toml", "config.toml", "hugo.yaml", "config.yaml", "hugo.yml", "config.yml"),
    *("hugo.json", "config.json"),
)
"""The settings file at the top of a Hugo site: one of these, or the folder `config/`."""
CONFIG_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
CONFIG_DIR = "config/_default"
"""Where newer Hugo sites keep their settings, split in files (hugo.toml, permalinks.toml…)."""
PERMALINK_FILES = ("permalinks.toml", "permalinks.yaml", "permalinks.yml")
LANGUAGE_FILES = ("languages.toml", "languages.yaml", "languages.yml")
MAX_FILE_BYTES = 5_000_000
"""A Hugo post larger than this is not a post (an export gone wrong): not read."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `import-hugo`."""
    parser = subparsers.add_parser(
        "import-hugo",
        parents=[common_options()],
        help="nhập bài, trang và ảnh của một website Hugo vào dự án này",
        description="Đọc content/ và static/ của website Hugo, ghi bản tin vào content/bai-viet/, "
        "trang vào content/pages/, ảnh vào content/; không ghi đè tệp có sẵn, không tự duyệt "
        "bài nào. Xong thì kiểm tra như publish check.",
    )
    parser.add_argument("source", metavar="THƯ_MỤC_HUGO", type=Path, help="thư mục website Hugo")
    parser.add_argument("--dry-run", action="store_true", help="chỉ in báo cáo, không ghi tệp nào")
    parser.add_argument(
        "--approved-by",
        default="",
        metavar="NGƯỜI_DUYỆT",
        help="ghi người này là người duyệt mọi bài nhập (trừ bài nháp, bài có phân loại): "
        "người đó chịu trách nhiệm đã đọc lại từng bài",
    )
    parser.add_argument(
        "--category",
        metavar="CHUYÊN_MỤC",
        help="chuyên mục (khóa hoặc nhãn) cho bài không có chuyên mục nào khớp site.toml",
    )
    parser.add_argument(
        "--channels",
        default="web",
        metavar="KÊNH",
        help="kênh của bài nhập, ngăn bằng dấu phẩy; mặc định chỉ web (bài cũ không gửi lại "
        "lên Zalo hay đài)",
    )
    parser.add_argument(
        "--language",
        metavar="NGÔN_NGỮ",
        help="website Hugo nhiều ngôn ngữ: khóa ngôn ngữ cần nhập trong [languages] (mặc định: "
        "tiếng Việt, không có thì ngôn ngữ mặc định); bài ngôn ngữ khác không nhập, địa chỉ cũ "
        "của bản dịch chuyển về bài đã nhập",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Convert every post, write what can be written, report, then check the project."""
    config = config_module.load(args.root)
    now = resolve_now(args.now, config.tz)
    # realpath, not resolve(): Python 3.11's resolve() raises RuntimeError on a symlink loop.
    source = Path(os.path.realpath(args.source))
    if (why := _not_a_hugo_site(source, config.root)) is not None:
        raise PublishError(f"{source}: {why}. {WHAT_TO_PASS}")
    options = hugo.Options(
        now=now,
        channels=_channels(args.channels),
        approved_by=" ".join(args.approved_by.split()),
        category=_category(args.category, config),
        **_site_options(source, args.language),
    )
    files = _files(source)
    results, skipped, translated = _convert(source, files, config, options)
    content = config.root / "content"
    for result in results:
        _against_project(result, source, content)
    done = [r for r in results if r.importable]
    copies = {dest: origin for r in done for origin, dest in r.copies.items()}
    copies = {d: o for d, o in copies.items() if not (content / d).exists()}
    kept = {r.target for r in done if (content / r.target).exists()}
    if not args.dry_run:
        _write(done, copies, source, content)
        if options.approved_by:
            _stamp([r for r in done if not r.page and r.target not in kept], config, options)
    _report(results, skipped, translated, copies, options, kept=kept, dry_run=args.dry_run)
    failed = len(results) - len(done)
    if args.dry_run or not done:
        return 1 if failed else 0
    print("\nKiểm tra dự án sau khi nhập (như publish check):")
    return max(1 if failed else 0, _check(args))


WHAT_TO_PASS = (
    "Ghi đường dẫn tới thư mục gốc của website Hugo cũ: thư mục có content/ và tệp cấu hình "
    "hugo.toml (hoặc config.toml, hugo.yaml…)."
)


def _not_a_hugo_site(source: Path, root: Path) -> str | None:
    """Why `source` is no Hugo site to import from (this project, another project of this
    tool, no content/ or no settings Hugo would read); None when it is one. The project itself
    was «imported» with every bulletin told as another post of the same name."""
    if source == Path(os.path.realpath(root)):
        return "là chính dự án này, không phải website Hugo"
    if (source / config_module.CONFIG_NAME).is_file():
        return (
            f"là một dự án của công cụ này (có {config_module.CONFIG_NAME}), không phải website "
            "Hugo: bản tin của nó không cần nhập, chép thẳng tệp .md trong content/ của nó nếu cần"
        )
    if not (source / "content").is_dir():
        return "không phải thư mục website Hugo (không có thư mục content/)"
    if not _has_hugo_settings(source):
        return (
            "không phải thư mục website Hugo (có content/ nhưng không có tệp cấu hình Hugo: "
            f"{', '.join(CONFIG_NAMES)}, hay thư mục config/_default/ chứa tệp cấu hình)"
        )
    return None


def _has_hugo_settings(source: Path) -> bool:
    """Whether Hugo would find settings in `source`: a config file at the top, or one in a
    folder of config/ (`_default/`, or an environment's such as `production/`), as it looks."""
    if any((source / name).is_file() for name in CONFIG_NAMES):
        return True
    folder = source / "config"
    try:
        places = [p for p in folder.iterdir() if p.is_dir()] if folder.is_dir() else []
        return any(
            f.suffix.lower() in CONFIG_SUFFIXES and f.is_file() for p in places for f in p.iterdir()
        )
    except OSError:
        return False


def _channels(written: str) -> tuple[str, ...]:
    """The channels named by --channels, refused when one is unknown."""
    names = tuple(dict.fromkeys(c.strip() for c in written.split(",") if c.strip()))
    wrong = [c for c in names if c not in CHANNELS]
    if wrong or not names:
        raise PublishError(
            f"--channels: không có kênh {', '.join(wrong) or '(trống)'}. "
            f"Dùng một hay nhiều trong: {', '.join(CHANNELS)}, ví dụ --channels web,zalo"
        )
    return names


def _category(written: str | None, config: Config) -> str | None:
    """The key --category names, refused when it names none."""
    if written is None:
        return None
    key = category_key(written, config)
    if key is None:
        raise ContentError(
            [
                Problem(
                    "--category",
                    unknown_category(written, config),
                    hint=category_hint(written, config),
                )
            ]
        )
    return key


def _site_options(source: Path, language: str | None) -> dict[str, Any]:
    """Hugo's [permalinks] by section, its baseURL, the settings its addresses follow
    (removePathAccents, uglyURLs, disablePathToLower) and its languages (the one imported:
    `language`, else Vietnamese, else the default), from its config file and its config folder
    (config/_default/, where newer sites keep hugo.toml, permalinks.toml and languages.toml);
    none when unreadable."""
    data: dict[str, Any] = {}
    for folder in ("", f"{CONFIG_DIR}/"):
        for name in CONFIG_NAMES:
            loaded = _config_file(source, folder + name)
            if loaded is None:
                continue
            if not isinstance(loaded, dict):
                return {}  # unreadable, told
            for key, value in loaded.items():
                data.setdefault(key, value)  # the file at the top wins, as in Hugo
            break
    for name in PERMALINK_FILES:
        loaded = _config_file(source, f"{CONFIG_DIR}/{name}")
        if isinstance(loaded, dict):
            data.setdefault("permalinks", loaded)
            break
    for name in LANGUAGE_FILES:
        loaded = _config_file(source, f"{CONFIG_DIR}/{name}")
        if isinstance(loaded, dict):
            data.setdefault("languages", loaded)
            break
    try:
        languages = languages_of(data, language)
    except LanguageError as exc:
        raise PublishError(str(exc)) from None
    if language is not None and languages is None:
        raise PublishError(
            f"--language {language}: website Hugo này chỉ có một ngôn ngữ (không có [languages]). "
            "Bỏ --language rồi chạy lại."
        )
    if not data:
        return {}
    found = data.get("permalinks")
    if isinstance(found, dict):
        found = {str(k).lower(): v for k, v in found.items()}
        if isinstance(found.get("page"), dict):
            found = found["page"]  # Hugo 0.120 and later: [permalinks.page]
    base = data.get("baseurl")
    sections = found if isinstance(found, dict) else {}
    return {
        "permalinks": {str(k): v for k, v in sections.items() if isinstance(v, str)},
        "base_url": base.strip() if isinstance(base, str) else "",
        "remove_accents": data.get("removepathaccents") is True,
        "ugly_urls": _ugly_urls(data.get("uglyurls")),
        "keep_case": data.get("disablepathtolower") is True,
        "languages": languages,
    }


def _ugly_urls(value: object) -> bool | dict[str, bool]:
    """Hugo's uglyURLs: true for the whole site, or a table of sections (`posts = true`)."""
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items() if isinstance(v, bool)}
    return value is True


def _config_file(source: Path, name: str) -> dict[str, Any] | bool | None:
    """One Hugo config file's settings (keys lower case), None when there is no such file, False
    when it cannot be read (told)."""
    if not (source / name).is_file():
        return None
    try:
        text = _read(source, name).decode("utf-8")
        data = (
            tomllib.loads(text)
            if name.endswith(".toml")
            else json.loads(text)
            if name.endswith(".json")
            else yaml.safe_load(text)
        )
    except Outside as exc:
        print(f"{exc}; coi địa chỉ cũ của bài là /<thư mục>/<tên bài>/.")
        return False
    except (
        OSError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        yaml.YAMLError,
        json.JSONDecodeError,
    ):
        print(f"{name}: không đọc được; coi địa chỉ cũ của bài là /<thư mục>/<tên bài>/.")
        return False
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}


class Outside(OSError):
    """A file or folder of the Hugo site that is a link to one outside it: not read."""


class NotRegular(OSError):
    """A name of the Hugo site that is no regular file (a FIFO, a link to nothing): not read."""


OUTSIDE_HINT = "Chép những tệp cần nhập vào trong website Hugo (thay cho liên kết) rồi chạy lại."


def _outside(source: Path, name: str) -> Outside | None:
    """What to say about `name` (relative to the resolved Hugo site `source`) when its real
    path is outside the site (a symlink to ~/.ssh or /etc), else None."""
    real = Path(os.path.realpath(source / name))
    if real.is_relative_to(source):
        return None
    return Outside(
        f"{name}: là liên kết tới {real}, ngoài thư mục website Hugo ({source}): không đọc, "
        "không chép"
    )


def _read(source: Path, name: str) -> bytes:
    """The bytes of one file of the Hugo site; Outside when its real path is not in the site
    (checked again when read: a link may have changed since the site was listed)."""
    _readable(source, name)
    return (source / name).read_bytes()


def _read_post(source: Path, name: str) -> bytes:
    """The bytes of one post of the Hugo site (see _read), refused by its size before it is
    read: a 2 GB export gone wrong was read whole, only to be refused."""
    _readable(source, name)
    with open(source / name, "rb") as handle:
        raw, size = read_capped(handle, MAX_FILE_BYTES)
    if size > MAX_FILE_BYTES:
        raise FrontMatterError(
            f"tệp {too_large(size, MAX_FILE_BYTES)} cho một bài: không nhập",
            hint="Một bài Hugo chỉ vài chục KB: mở tệp xem có phải bài không (hay gặp: bản "
            "xuất bị lỗi, ảnh dán thẳng vào bài dạng data:image/…;base64). Sửa hay tách tệp đó "
            "trong website Hugo rồi chạy lại lệnh; các bài khác vẫn được nhập.",
        )
    return raw


def _readable(source: Path, name: str) -> None:
    """Raise Outside or NotRegular unless `name` is a regular file inside the Hugo site."""
    if (outside := _outside(source, name)) is not None:
        raise outside
    if not (source / name).is_file():
        # Read, a FIFO waits forever for a writer: the import hung without a word.
        raise NotRegular(f"{not_a_file(source / name)}: không đọc, không chép")


def _files(source: Path) -> frozenset[str]:
    """Every file of content/ and static/, relative to the (resolved) site; symlinks are not
    followed, and one leading outside the site is told (static -> ~/.ssh copied a key)."""
    found: set[str] = set()
    for top in ("content", "static"):
        if (outside := _outside(source, top)) is not None:
            if top == "content":
                raise PublishError(f"{outside}. {OUTSIDE_HINT}")
            print(f"{outside}. {OUTSIDE_HINT}")
            continue
        for folder, dirs, names in os.walk(source / top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            rel = Path(folder).relative_to(source).as_posix()
            for name in [*names, *dirs]:
                if os.path.islink(Path(folder) / name) and (
                    outside := _outside(source, f"{rel}/{name}")
                ):
                    print(f"{outside}. {OUTSIDE_HINT}")
            found.update(f"{rel}/{n}" for n in names if not os.path.islink(Path(folder) / n))
    return frozenset(found)


def _convert(
    source: Path, files: frozenset[str], config: Config, options: hugo.Options
) -> tuple[list[hugo.Result], list[str], Translated]:
    """Every post converted (in path order), the list pages of Hugo left out, and the files
    in the site's other languages (not imported)."""
    sources: list[hugo.Source] = []
    results: list[hugo.Result] = []
    skipped = []
    lists: list[hugo.Source] = []
    others: list[hugo.Source] = []
    other_names: list[str] = []
    languages = options.languages
    for name in sorted(f for f in files if f.startswith("content/") and f.endswith(".md")):
        path = name.removeprefix("content/")
        language, folder, suffix = languages.of(path) if languages else ("", "", "")
        base = path.rsplit("/", 1)[-1]
        listing = (base.removesuffix(f".{suffix}.md") + ".md" if suffix else base) == "_index.md"
        foreign = languages is not None and language != languages.chosen
        if foreign:
            other_names.append(name)
        elif listing:
            skipped.append(name)
        try:
            raw = _read_post(source, name)
            read = dataclasses.replace(hugo.read(path, decode(raw)), folder=folder, suffix=suffix)
            if not (foreign and listing):
                (others if foreign else lists if listing else sources).append(read)
        except (FrontMatterError, OSError) as exc:
            if listing or foreign:  # not imported: lists are read only for their cascade
                continue
            if isinstance(exc, OSError):
                reason = str(exc) if isinstance(exc, Outside | NotRegular) else os_reason(exc)
                hint = OUTSIDE_HINT if isinstance(exc, Outside) else None
                results.append(hugo.Result("", None, [Problem(name, reason, hint=hint)]))
                continue
            problem = Problem(name, str(exc), None, exc.line, exc.hint, "error", exc.column)
            results.append(hugo.Result("", None, [problem]))
    sources = hugo.cascaded(sources, lists)
    targets = {s.logical: hugo.target_of(s, config, options.now) for s in sources}
    ref = hugo.ref_targets(targets, {s.logical: hugo.title_of(s) for s in sources})
    paired = _translations(sources, others)
    taken: dict[str, str] = {}
    for item in sources:
        result = hugo.convert(item, config, options, files, ref, paired.get(item.path, ()))
        first = taken.setdefault(result.target, item.path)
        if first != item.path:
            result.text = None
            result.problems.append(
                Problem(
                    item.shown,
                    f"cùng tên tệp mới {result.target} với content/{first}",
                    "slug",
                    hint="Đặt địa chỉ bài khác (slug: …) cho một trong hai bài trong tệp Hugo "
                    "rồi chạy lại.",
                )
            )
        results.append(result)
    kept_apart = {id(o) for found in paired.values() for o in found}
    lone = sorted(o.shown for o in others if id(o) not in kept_apart)
    return results, skipped, Translated(other_names, lone)


@dataclass(frozen=True, slots=True)
class Translated:
    """A multilingual site's files in the languages not imported."""

    names: list[str]
    """Every such file (content/posts/a.en.md), list pages too."""
    lone: list[str]
    """The posts among them with no counterpart in the imported language."""


def _translations(
    sources: list[hugo.Source], others: list[hugo.Source]
) -> dict[str, list[hugo.Source]]:
    """Hugo file path → its translations among `others`, paired as Hugo pairs them: by
    translationKey when the file sets one, else by path (a.md, a.en.md, en/a.md)."""

    def key(item: hugo.Source) -> tuple[str, str]:
        """What Hugo pairs translations by."""
        written = item.get("translationkey")
        if isinstance(written, str | int) and str(written).strip():
            return ("key", str(written).strip())
        return ("path", item.logical)

    own = {key(item): item.path for item in sources}
    paired: dict[str, list[hugo.Source]] = {}
    for other in others:
        if (found := own.get(key(other))) is not None:
            paired.setdefault(found, []).append(other)
    return paired


def _against_project(result: hugo.Result, source: Path, content: Path) -> None:
    """Refuse a post one of whose images is not an image or not in the Hugo site, or whose
    file, or one of whose images, is already in content/ with other bytes: nothing there is
    overwritten."""
    if result.text is None:
        return
    shown = result.source or f"content/{result.target}"
    for origin in result.copies:
        if (problem := _not_an_image(source, origin, shown)) is not None:
            result.problems.append(problem)
            result.text = None
    if result.text is None:
        result.copies.clear()
        return
    target = content / result.target
    if target.exists():
        # As written by an import with --approved-by, which then adds approved_version.
        written = re.sub(rb'\napproved_version: "[0-9a-f-]+"', b"", target.read_bytes())
        same = written == result.text.encode("utf-8")
        edited = not same and _imported_before(target, result.text)
        if same or edited:
            said = "giống hệt: đã nhập lần trước" if same else "đã nhập lần trước, đã sửa sau đó"
            result.problems.append(
                Problem(
                    shown,
                    f"content/{result.target} đã có ({said}): giữ nguyên",
                    hint=None
                    if same
                    else "Muốn nhập lại từ Hugo thì xóa tệp đó rồi chạy lại (mất các sửa đổi).",
                    severity="note",
                )
            )
            return
        result.problems.append(
            Problem(
                shown,
                f"content/{result.target} đã có, là bài khác cùng tên: không ghi đè",
                hint="Đặt địa chỉ bài khác (slug: …) cho bài trong tệp Hugo, hoặc đổi tên tệp đã "
                "có, rồi chạy lại.",
            )
        )
        result.text = None
        result.copies.clear()
        return
    for origin, dest in result.copies.items():
        there = content / dest
        if there.exists() and there.read_bytes() != _read(source, origin):
            result.problems.append(
                Problem(
                    f"content/{dest}",
                    f"đã có ảnh khác cùng tên (ảnh của bài là {origin}): không ghi đè",
                    hint="Đổi tên một trong hai ảnh (và chỗ bài dùng nó) rồi chạy lại.",
                )
            )
            result.text = None


def _not_an_image(source: Path, origin: str, shown: str) -> Problem | None:
    """The error about one image to copy that is outside the Hugo site, unreadable, or no image
    by its first bytes (a file named .jpg that is not one); None when it is fine. A real image
    under another format's name (a PNG named .jpg) is copied: the website reads it by its bytes."""
    if (outside := _outside(source, origin)) is not None:
        return Problem(shown, str(outside), hint=OUTSIDE_HINT)
    try:
        with (source / origin).open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError as exc:
        return Problem(shown, f"không đọc được ảnh {origin}: {os_reason(exc)}")
    if image_format(head) is not None:
        return None
    named = SUFFIX_FORMATS.get(PurePosixPath(origin).suffix.lower())
    return Problem(
        shown,
        f"{origin} có tên tệp ảnh nhưng không phải ảnh (không phải ảnh {named or 'nào'} như "
        "đuôi tệp nói): không chép",
        hint="Mở tệp bằng trình xem ảnh để kiểm tra; thay bằng ảnh thật hoặc xóa ảnh khỏi bài "
        "trong tệp Hugo, rồi chạy lại.",
    )


def _imported_before(target: Path, text: str) -> bool:
    """Whether `target` is this post as an earlier run imported it, edited since (approved_by
    filled in, summary reworded): it still lists one of the post's old addresses in aliases."""
    try:
        theirs = split(decode(target.read_bytes())).data.get("aliases")
        ours = split(text).data.get("aliases")
    except (OSError, FrontMatterError):
        return False
    if not isinstance(theirs, list) or not isinstance(ours, list):
        return False
    return bool({str(a) for a in theirs} & {str(a) for a in ours})


def _write(done: list[hugo.Result], copies: dict[str, str], source: Path, content: Path) -> None:
    """Images first, then the files that show them, each whole or not at all, none over an
    existing file; on a failure, what this run wrote is removed again."""
    made: list[Path] = []
    try:
        _refuse_linked_folders(
            [content / d for d in copies] + [content / r.target for r in done], content
        )
        for dest, origin in sorted(copies.items()):
            _create(content / dest, _read(source, origin), made)
        for result in done:
            target = content / result.target
            if not target.exists():
                _create(target, result.text.encode("utf-8"), made)  # type: ignore[union-attr]
    except OSError as exc:
        for path in reversed(made):
            path.unlink(missing_ok=True)
        why = (
            str(exc)
            if isinstance(exc, (Outside, LinkedFolder))
            else f"không ghi được {exc.filename or 'tệp'}: {os_reason(exc)}"
        )
        raise PublishError(
            f"{why}. Chưa có gì được nhập (các tệp đã ghi trong lần này đã được xóa lại)."
        ) from None


def _stamp(posts: list[hugo.Result], config: Config, options: hugo.Options) -> None:
    """Bind the approval --approved-by gave to each new post's content, as `publish approve`
    does; a post that does not load cleanly is left unapproved (an approval by name alone
    would publish whatever it is edited into), and told."""
    unbound: list[str] = []
    personal: list[str] = []  # held for their personal data alone: a decision, not an error
    images = approval.ImageDigests(config.root / "content")  # covers many posts share
    documents = SiteDocuments(config, None)  # every new post is written: one load sees all
    for result in posts:
        if result.text is None or 'approved_by: ""' in result.text:
            continue  # a draft or a classified post: never approved by the import
        path = config.root / "content" / result.target
        told: list[Problem] = []
        found = prepare(
            str(path),
            config,
            options.approved_by,
            publish=False,
            problems=told,
            images=images,
            documents=documents,
        )
        if found is not None:
            write_atomically(path, found.new)
            continue
        try:
            text = set_keys(path.read_text(encoding="utf-8"), {"approved_by": ""}, after={})
        except (OSError, UnicodeDecodeError, EditError):
            continue
        write_atomically(path, text.encode("utf-8"))
        undecided = any(p.field == "pii_reviewed_by" and p.severity == "error" for p in told)
        (personal if undecided else unbound).append(f"content/{result.target}")
    if personal:
        print(
            f"{len(personal)} bài nhập có dữ liệu cá nhân chưa ai xem xét nên chưa được ghi người "
            f"duyệt (approved_by để trống): {', '.join(personal)}. Người duyệt đọc từng bài (cảnh "
            "báo ở phần kiểm tra dưới), che bớt hay xóa dữ liệu ấy rồi chạy publish approve "
            'TỆP... --by "Họ tên, chức vụ"; đã cân nhắc và vẫn cần đăng thì thêm --pii-reviewed.'
        )
    if unbound:
        print(
            f"{len(unbound)} bài nhập còn lỗi nên chưa được ghi người duyệt (approved_by để "
            f"trống): {', '.join(unbound)}. Sửa lỗi (xem phần kiểm tra dưới) rồi người duyệt "
            'chạy publish approve TỆP... --by "Họ tên, chức vụ".'
        )


NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.ENOSYS, errno.EMLINK}
)
"""What os.link fails with where the filesystem has no hard links (FAT, exFAT, some shares)."""


class LinkedFolder(OSError):
    """A folder of the project a new file would go in that is a symbolic link: nothing written."""


def _refuse_linked_folders(paths: list[Path], content: Path) -> None:
    """LinkedFolder when a file of `paths` would be written through a folder of content/ that is
    a symbolic link (it may point out of the project, and the loader never enters it)."""
    for path in paths:
        if (linked := linked_folder(path.parent, content)) is not None:
            shown = display_path(linked, content.parent)
            raise LinkedFolder(
                f"{shown} là liên kết (symlink): không ghi qua liên kết (nó có thể trỏ ra ngoài "
                "dự án, và tệp trong thư mục liên kết không bao giờ được đọc). Cách sửa: xóa liên "
                f"kết, tạo thư mục thật {shown} rồi chạy lại"
            )


def _create(path: Path, data: bytes, made: list[Path]) -> None:
    """Write a new file whole: in a temporary file, then linked to its name (which fails when
    that name exists, so nothing is overwritten); where hard links are not supported, created
    under its name only if that name is free, and removed again if the write fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f".import-{secrets.token_hex(8)}"
    _write_new(temp, data)
    try:
        try:
            os.link(temp, path)
        except OSError as exc:
            if exc.errno not in NO_HARD_LINKS:
                raise
            _write_new(path, data)
    finally:
        os.unlink(temp)
    made.append(path)


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` only if no file has that name, write `data` into it and flush it to disk;
    on a failure the half-written file is removed."""
    # 0o666 and O_EXCL: the umask decides who may read it, as for any file of the project.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _report(
    results: list[hugo.Result],
    skipped: list[str],
    translated: Translated,
    copies: dict[str, str],
    options: hugo.Options,
    *,
    kept: set[str],
    dry_run: bool,
) -> None:
    """The findings of every file, then what was done and what the editor must still do;
    `kept`: the files already in content/ with the same bytes (an earlier run's)."""
    for result in results:
        for problem in result.problems:
            print(problem.render())
    done = [r for r in results if r.importable]
    posts = [r for r in done if not r.page]
    fresh = [r for r in done if r.target not in kept]
    fresh_posts = sum(1 for r in fresh if not r.page)
    verb = "Sẽ nhập" if dry_run else "Đã nhập"
    print(
        f"\n{verb} {fresh_posts} bản tin vào content/{hugo.BULLETINS}/, "
        f"{len(fresh) - fresh_posts} trang vào content/{hugo.PAGES}/, "
        f"{'sẽ chép' if dry_run else 'chép'} {len(copies)} ảnh."
    )
    if kept:
        print(f"{len(kept)} tệp đã nhập từ lần trước, giữ nguyên.")
    if skipped:
        print(f"Bỏ qua {len(skipped)} trang danh sách của Hugo (_index.md): công cụ tự làm.")
    _report_languages(options, translated)
    failed = [r for r in results if not r.importable]
    if failed:
        print(
            f"Không nhập được {len(failed)} tệp: lý do ở các dòng «lỗi» trên. Sửa trong website "
            "Hugo rồi chạy lại lệnh (bài đã nhập không bị ghi lại)."
        )
    unapproved = [r for r in posts if 'approved_by: ""' in (r.text or "")]
    if unapproved:
        print(
            f"{len(unapproved)} bài cần duyệt: chưa bài nào được đăng khi chưa có người duyệt. "
            'Người duyệt đọc lại từng bài rồi chạy publish approve TỆP... --by "Họ tên, chức vụ" '
            "(tên ghi tay vào approved_by không đăng được bài chưa từng đăng; hoặc chạy lệnh nhập "
            'với --approved-by "Họ tên" khi một người đã duyệt cả loạt).'
        )
    if posts:
        print(
            f"Bài nhập chỉ đăng ở kênh: {', '.join(options.channels)} (channels trong từng bài). "
            "Đọc lại các «ghi chú» trên: tóm tắt lấy từ đoạn đầu, mô tả ảnh bìa, chuyên mục."
        )
    if dry_run:
        print("Chạy thử (--dry-run): chưa ghi tệp nào.")


def _report_languages(options: hugo.Options, translated: Translated) -> None:
    """What a multilingual site's import took and left: its languages, the other languages'
    files not imported and the posts that have no version in the imported language."""
    languages = options.languages
    if languages is None or len(languages.keys) < 2:
        return
    others = ", ".join(sorted(languages.keys - {languages.chosen}))
    print(
        f"Website Hugo nhiều ngôn ngữ ({', '.join(sorted(languages.keys))}): chỉ nhập bài "
        f"tiếng «{languages.chosen}» (--language để chọn ngôn ngữ khác); "
        f"không nhập {len(translated.names)} tệp tiếng «{others}»."
    )
    if languages.fallback:
        print(
            f"Cảnh báo: không ngôn ngữ nào của website Hugo là tiếng Việt (khóa vi/vn, languageCode "
            f"vi…, tên có chữ «Việt»): đã lấy ngôn ngữ mặc định «{languages.chosen}». Bài tiếng "
            "Việt mang khóa khác thì chạy lại với --language KHÓA (chạy thử trước với --dry-run)."
        )
    if translated.lone:
        print(
            f"{len(translated.lone)} bài chỉ có ở ngôn ngữ khác, không có bản tiếng "
            f"«{languages.chosen}» (không nhập; địa chỉ cũ của chúng không chuyển về đâu): "
            + ", ".join(translated.lone[:5])
            + (f" và {len(translated.lone) - 5} bài khác" if len(translated.lone) > 5 else "")
        )


def _check(args: argparse.Namespace) -> int:
    """`publish check` on the project: its exit code (problems printed)."""
    # Parsed by check's own parser, so an option check gains has its default here too.
    words = [f"--root={args.root}", *([f"--now={args.now}"] if args.now else [])]
    words += ["--debug", "check"] if args.debug else ["check"]
    checked = make_parser(words).parse_args(words)
    try:
        return int(checked.run(checked))
    except ContentError as exc:
        print(str(exc))
        return 1
