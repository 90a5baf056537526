"""The client-side search index of /tim-kiem/: small static JSON files that search.js reads.

Nothing runs on a server. The index is split so that one query downloads little even on a site
with 10,000 bulletins:

- `tim-kiem/chi-muc/index.json` — the manifest: categories, each bulletin's category (for the
  filter), the list of term shards, and a version string the script puts on every other URL.
- `tim-kiem/chi-muc/t/<key>.json` — the terms whose folded form starts with `<key>` (two letters
  at first; a shard over SHARD_LIMIT bytes is split by one more letter, and so on). Each term
  maps to its postings: delta-encoded bulletin numbers times 4, plus the best field it occurs in
  (3 title, 2 summary, 1 body), so the script ranks title hits, then summary, then body.
- `tim-kiem/chi-muc/d/<n>.json` — the result cards (URL, title, date, category, summary) of
  CHUNK bulletins, fetched only for the results on screen.

Terms are `fold()`ed (no diacritics, đ → d, lower case): "lua dao" finds "lừa đảo".
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from publish.cache import Fragments
from publish.model import Artifact, Bulletin, Site
from publish.text import fold, nfc, vn_date

__all__ = [
    "CHUNK",
    "FIELD_WEIGHTS",
    "INDEX_DIR",
    "MAX_TERMS",
    "PER_PAGE",
    "SHARD_LIMIT",
    "SearchDoc",
    "build_index",
    "files_for_query",
    "plain_text",
    "rank",
    "search_artifacts",
    "shard_key",
    "terms",
]

INDEX_DIR = "tim-kiem/chi-muc"
"""Output folder of the index, under the search page."""
SHARD_LIMIT = 32_000
"""Largest term shard in bytes before it is split by one more letter."""
CHUNK = 10
"""Result cards per file in d/."""
PER_PAGE = 10
"""Results the script shows before "Xem thêm"."""
MAX_TERMS = 6
"""Distinct query terms used; more are ignored (keeps the first download small)."""
FIELD_WEIGHTS = {3: 100, 2: 10, 1: 1}
"""Score of one query term by the best field it occurs in: title ≫ summary ≫ body."""

TERM_RE = re.compile(r"[a-z0-9]+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable bulletin: what is matched and what its result card shows."""

    url: str
    title: str
    summary: str
    body: str
    category: int
    date_iso: str
    date_label: str


def terms(text: str) -> list[str]:
    """Folded search terms of a text, in order: "Lừa đảo, Đồng Tháp" → ["lua", "dao", "dong", "thap"]."""
    return TERM_RE.findall(fold(nfc(text)))


def plain_text(markdown: str) -> str:
    """Markdown reduced to its words: link and image text kept, URLs and tags dropped."""
    text = _MD_IMAGE.sub(r" \1 ", markdown)
    text = _MD_LINK.sub(r" \1 ", text)
    return _HTML_TAG.sub(" ", text)


def shard_key(term: str, keys: Sequence[str] | set[str]) -> str | None:
    """The longest shard key that starts `term` (where the term's postings are), if any."""
    for length in range(len(term), 0, -1):
        if term[:length] in keys:
            return term[:length]
    return None


def doc_fields(doc: SearchDoc) -> dict[str, int]:
    """Each term of one document → the best field it occurs in (3 title, 2 summary, 1 body)."""
    best: dict[str, int] = {}
    for field, text in ((1, doc.body), (2, doc.summary), (3, doc.title)):
        for term in terms(text):
            if best.get(term, 0) < field:
                best[term] = field
    return best


def _postings(
    docs: Sequence[SearchDoc], fields: Iterable[Mapping[str, int]] | None = None
) -> dict[str, list[int]]:
    """Term → encoded postings (delta × 4 + best field), bulletins in site order.

    `fields`: `doc_fields` of each document in order, when already known (e.g. from the cache);
    consumed one document at a time, so they are never all in memory at once.
    """
    best: dict[str, dict[int, int]] = defaultdict(dict)
    found = (doc_fields(doc) for doc in docs) if fields is None else fields
    for number, per_doc in enumerate(found):
        for term, field in per_doc.items():
            best[term][number] = field
    encoded = {}
    for term, by_doc in best.items():
        previous = 0
        values = []
        for number in sorted(by_doc):
            values.append((number - previous) * 4 + by_doc[number])
            previous = number
        encoded[term] = values
    return encoded


def _dumps(value: object) -> bytes:
    """Compact, stable JSON."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _shards(postings: Mapping[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """Group terms by two-letter prefix, splitting any group over SHARD_LIMIT by one more letter."""
    shards: dict[str, dict[str, list[int]]] = {}
    pending: list[tuple[str, dict[str, list[int]]]] = []
    groups: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, values in postings.items():
        groups[term[:2]][term] = values
    pending.extend(groups.items())
    while pending:
        key, group = pending.pop()
        if len(_dumps(group)) <= SHARD_LIMIT or all(len(t) <= len(key) for t in group):
            shards[key] = group
            continue
        stay = {t: v for t, v in group.items() if len(t) <= len(key)}
        longer: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for term, values in group.items():
            if len(term) > len(key):
                longer[term[: len(key) + 1]][term] = values
        if stay:
            shards[key] = stay
        pending.extend(longer.items())
    return shards


def build_index(
    docs: Sequence[SearchDoc],
    categories: Sequence[tuple[str, str]],
    fields: Iterable[Mapping[str, int]] | None = None,
) -> dict[str, bytes]:
    """Every index file, by path relative to INDEX_DIR, for bulletins in site order (newest first).

    `fields`: `doc_fields` of each document, when already known.
    """
    shards = _shards(_postings(docs, fields))
    files: dict[str, bytes] = {f"t/{key}.json": _dumps(group) for key, group in shards.items()}
    for start in range(0, len(docs), CHUNK):
        cards = [
            [d.url, d.title, d.date_iso, d.date_label, d.category, d.summary]
            for d in docs[start : start + CHUNK]
        ]
        files[f"d/{start // CHUNK}.json"] = _dumps(cards)
    version = hashlib.sha256(b"".join(files[k] for k in sorted(files))).hexdigest()[:10]
    manifest = {
        "format": 1,
        "version": version,
        "count": len(docs),
        "chunk": CHUNK,
        "per_page": PER_PAGE,
        "max_terms": MAX_TERMS,
        "weights": {str(k): v for k, v in FIELD_WEIGHTS.items()},
        "categories": [{"key": key, "label": label} for key, label in categories],
        "doc_categories": [d.category for d in docs],
        "shards": sorted(shards),
    }
    files["index.json"] = _dumps(manifest)
    return files


def _decode(values: Sequence[int]) -> dict[int, int]:
    """Encoded postings → {bulletin number: best field}."""
    found, number = {}, 0
    for value in values:
        number += value // 4
        found[number] = value % 4
    return found


def rank(files: Mapping[str, bytes], query: str, category: str = "") -> list[int]:
    """Bulletin numbers matching every query term, best first — the same rules as search.js."""
    manifest = json.loads(files["index.json"])
    wanted = list(dict.fromkeys(terms(query)))[: manifest["max_terms"]]
    if not wanted:
        return []
    keys = set(manifest["shards"])
    scores: dict[int, int] | None = None
    for term in wanted:
        key = shard_key(term, keys)
        shard = json.loads(files[f"t/{key}.json"]) if key else {}
        hits = _decode(shard.get(term, []))
        step = {n: FIELD_WEIGHTS[f] for n, f in hits.items()}
        scores = (
            step if scores is None else {n: s + step[n] for n, s in scores.items() if n in step}
        )
    cats = manifest["doc_categories"]
    index = next((i for i, c in enumerate(manifest["categories"]) if c["key"] == category), None)
    found = [n for n in (scores or {}) if index is None or cats[n] == index]
    return sorted(found, key=lambda n: (-(scores or {})[n], n))


def files_for_query(files: Mapping[str, bytes], query: str, category: str = "") -> list[str]:
    """The index files search.js downloads for a first query (manifest, shards, first page's cards)."""
    manifest = json.loads(files["index.json"])
    keys = set(manifest["shards"])
    wanted = list(dict.fromkeys(terms(query)))[: manifest["max_terms"]]
    shard_files = [f"t/{k}.json" for k in dict.fromkeys(shard_key(t, keys) for t in wanted) if k]
    shown = rank(files, query, category)[: manifest["per_page"]]
    cards = [f"d/{n // manifest['chunk']}.json" for n in shown]
    return ["index.json", *shard_files, *dict.fromkeys(cards)]


def site_docs(site: Site) -> list[SearchDoc]:
    """The website's bulletins as search documents, in site order."""
    config = site.config
    prefix = urlsplit(config.base_url).path.rstrip("/")
    order = {key: i for i, key in enumerate(config.categories)}
    return [_doc(b, prefix, order) for b in site.for_channel("web")]


def _index_inputs(site: Site) -> tuple[object, ...]:
    """What the index is made of, cheaply: each web bulletin's file digest (for its body) and
    the fields shown or searched, in site order, and the categories (site.toml is in the salt)."""
    return tuple(
        (b.digest, b.source, b.url, b.title, b.summary, b.category, b.date, b.tags)
        for b in site.for_channel("web")
    )


def _doc(bulletin: Bulletin, prefix: str, order: Mapping[str, int]) -> SearchDoc:
    """One bulletin as a search document."""
    return SearchDoc(
        url=prefix + bulletin.url,
        title=bulletin.title,
        summary=bulletin.summary,
        body=plain_text(bulletin.body) + " " + " ".join(bulletin.tags),
        category=order[bulletin.category],
        date_iso=bulletin.date.date().isoformat(),
        date_label=vn_date(bulletin.date),
    )


def _cached_fields(cache: Fragments, doc: SearchDoc) -> dict[str, int]:
    """`doc_fields` of a document, from the cache when its texts were indexed before (an edit
    to one bulletin then folds the words of that bulletin only)."""
    key = cache.key("search-fields", doc.title, doc.summary, doc.body)
    found = cache.get(key)
    if not isinstance(found, dict):
        found = doc_fields(doc)
        cache.put(key, found)
    return found


def search_artifacts(site: Site) -> Iterator[Artifact]:
    """The index files of /tim-kiem/ as web artifacts."""
    categories = [(key, c.label) for key, c in site.config.categories.items()]
    # An unchanged site reuses the index of the last build instead of indexing every word again.
    cache = Fragments(site.config.root)
    key = cache.key("search-index", _index_inputs(site))
    files = cache.get(key)
    if not isinstance(files, dict):
        docs = site_docs(site)
        files = build_index(docs, categories, (_cached_fields(cache, doc) for doc in docs))
        cache.put(key, files)
    for path, data in sorted(files.items()):
        yield Artifact("web", f"{INDEX_DIR}/{path}", data)
