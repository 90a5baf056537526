"""The search index's shard files: made from each term's JSON once, they are the files the
first way (dumping each group whole, and again at every split) made, byte for byte."""

from __future__ import annotations

import json
from collections import defaultdict
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from publish.render.web import search


def _dumps_as_before(value: object) -> bytes:
    """`_dumps` as session 47 wrote it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _split_files_as_before(key: str, group: dict[str, list[int]], limit: int) -> dict[str, bytes]:
    """`_split_files` as session 47 wrote it (every group dumped whole at each level)."""
    files: dict[str, bytes] = {}
    pending: list[tuple[str, dict[str, list[int]]]] = [(key, group)]
    while pending:
        key, group = pending.pop()
        data = _dumps_as_before(group)
        if len(data) <= limit or all(len(t) <= len(key) for t in group):
            files[f"t/{key}.json"] = data
            continue
        stay = {t: v for t, v in group.items() if len(t) <= len(key)}
        longer: dict[str, dict[str, list[int]]] = defaultdict(dict)
        for term, values in group.items():
            if len(term) > len(key):
                longer[term[: len(key) + 1]][term] = values
        if stay:
            files[f"t/{key}.json"] = _dumps_as_before(stay)
        pending.extend(longer.items())
    return files


TERMS = st.text(alphabet='abcđ0_"\\é\u00a0\U0001f600', min_size=2, max_size=7)
"""Terms of a group: the index's own letters, and characters JSON escapes or writes as is."""


@settings(max_examples=300, deadline=None)
@given(
    group=st.dictionaries(
        TERMS, st.lists(st.integers(0, 10**7), min_size=1, max_size=30), min_size=1
    ),
    limit=st.sampled_from([20, 60, 200, 1000, search.SHARD_LIMIT]),
)
def test_shards_are_the_files_dumping_each_group_whole_made(
    group: dict[str, list[int]], limit: int
) -> None:
    """Same paths, same bytes, same order, at any shard size limit (small ones split groups
    into one more letter again and again, down to terms no longer than their prefix)."""
    for key in {term[:2] for term in group}:
        part = {t: v for t, v in group.items() if t[:2] == key}
        expected = _split_files_as_before(key, part, limit)
        with mock.patch.object(search, "SHARD_LIMIT", limit):
            made = search._split_files(key, part)
        assert list(made.items()) == list(expected.items())
        assert all(json.loads(data) for data in made.values())


def test_a_large_group_is_split_within_the_limit() -> None:
    """A group too large for one file is cut by one more letter until each file fits."""
    group = {f"ng{chr(97 + i % 26)}{i}": list(range(i, i + 40)) for i in range(3000)}
    files = search._split_files("ng", group)
    assert len(files) > 1
    assert all(len(data) <= search.SHARD_LIMIT for data in files.values())
    joined: dict[str, list[int]] = {}
    for data in files.values():
        joined.update(json.loads(data))
    assert joined == group
