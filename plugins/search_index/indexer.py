"""Write the site's static search index from records (pure: no Pelican import).

The index is a folder of small JSON files that ``theme/static/js/search.js``
reads with ``fetch`` (no WebAssembly, no other host):

- ``index.json`` (the manifest): the number of pages, each page's length in
  terms (for ranking), and the file name of every term shard and page chunk;
- ``t/<prefix>.<hash>.json``: the terms that begin with ``<prefix>`` (their
  first two letters, or the whole term when it has one), each with its
  postings ``[page id delta, weight, ...]``; a query loads only the shards of
  its own words;
- ``d/<n>.<hash>.json``: what a result shows (address, title, summary,
  category, date) for pages ``n*CHUNK`` to ``n*CHUNK + CHUNK - 1``; only the
  chunks of the results shown are loaded.

Terms are folded (``đ``→``d``, no diacritics, lower case; see
:func:`text.fold` and :func:`text.terms`), so "dai hoi doan" finds
"Đại hội Đoàn". A term's weight in a page is its count there plus
``TITLE_WEIGHT`` times its count in the title. File names carry a hash of
their content, so a browser never mixes files of two builds.

Why not Pagefind (the first design): its binary holds the whole index in
memory, about 100 KB a page (213 MiB at 2,000 pages against 58 MiB for a
plain Pelican build), and needs a helper process; this index takes a few MiB
and about 0.2 ms a page in the build's own process (docs/DEVELOPING.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import posixpath
import shutil
import tempfile
from collections import Counter, defaultdict
from itertools import chain
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .text import make_record, terms

FORMAT = 1
CHUNK = 50  # pages per chunk of result data: 20 shown at once, ~15 KB a chunk
TITLE_WEIGHT = 3
MANIFEST = "index.json"


class SearchIndexError(RuntimeError):
    """Index could not be written; ``str()`` is a Vietnamese message."""


def site_relative(url: str, siteurl: str = "") -> str:
    """A record URL as a path below the site root, without a leading slash
    ("https://s/sub/a/b/" with SITEURL "https://s/sub" -> "a/b/"); the browser
    resolves it against the site root it is given."""
    siteurl = siteurl.rstrip("/")
    if siteurl and (url == siteurl or url.startswith(siteurl + "/")):
        url = url[len(siteurl):]
    parts = urlsplit(url)
    path = unquote(parts.path)
    site_path = urlsplit(siteurl).path.rstrip("/")
    if parts.netloc and site_path and path.startswith(site_path + "/"):
        path = path[len(site_path):]
    trailing = path.endswith("/")
    normal = posixpath.normpath("/" + path.lstrip("/")) if path.strip("/") else "/"
    if ".." in path.split("/"):
        raise SearchIndexError(f"Đường dẫn không hợp lệ cho chỉ mục tìm kiếm: {url}")
    relative = normal.lstrip("/")
    if relative and trailing:
        relative += "/"
    return relative + (f"#{parts.fragment}" if parts.fragment else "")


def shard_key(term: str) -> str:
    return term[:2]


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _named(folder: str, stem: str, data: bytes) -> str:
    return f"{folder}/{stem}.{hashlib.sha256(data).hexdigest()[:10]}.json"


def build_index(records, siteurl: str = "") -> dict[str, bytes]:
    """Every file of the index, by path inside the index folder.

    ``records`` (an iterable, consumed once) are :func:`text.make_record`
    results; a URL seen before is skipped. Pages are numbered in record
    order, which breaks ties between equal scores (newest article first)."""
    postings: dict[str, list[int]] = defaultdict(list)
    last_id: dict[str, int] = {}
    lengths: list[int] = []
    shown: list[list[str]] = []
    seen: set[str] = set()
    for record in records:
        url = site_relative(record["url"], siteurl)
        if url in seen:
            continue
        seen.add(url)
        page = len(lengths)
        words = terms(record["content"])
        counts = Counter(words)
        for word in terms(record["heading"]):
            counts[word] += TITLE_WEIGHT
        for word, weight in counts.items():
            entry = postings[word]
            entry += (page - last_id.get(word, -1) - 1, weight)
            last_id[word] = page
        lengths.append(len(words))
        meta = record["meta"]
        shown.append([url, meta.get("title", ""), meta.get("summary", ""),
                      meta.get("category", ""), meta.get("date", "")])
    files: dict[str, bytes] = {}
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for word in sorted(postings):
        shards[shard_key(word)][word] = postings[word]
    names = {}
    for key, shard in shards.items():
        data = _json(shard)
        names[key] = _named("t", key, data)
        files[names[key]] = data
    chunks = []
    for start in range(0, len(shown), CHUNK):
        data = _json(shown[start:start + CHUNK])
        chunks.append(_named("d", str(start // CHUNK), data))
        files[chunks[-1]] = data
    files[MANIFEST] = _json({"format": FORMAT, "pages": len(lengths), "lengths": lengths,
                             "chunk": CHUNK, "chunks": chunks, "terms": names})
    return files


def write_files(files: dict[str, bytes], folder: str) -> None:
    """Replace ``folder`` by the index ``files`` (stale shards of an earlier
    build must not stay)."""
    shutil.rmtree(folder, ignore_errors=True)
    for name, data in files.items():
        target = os.path.join(folder, *name.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fp:
            fp.write(data)


def _digest(*parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(pickle.dumps(part, protocol=4))
    return digest.hexdigest()


def index_key(raw_records: list[dict], late_records: list[dict], siteurl: str) -> str:
    """What the index depends on: the records, the site URL and this code."""
    here = Path(__file__).resolve().parent
    code = [(here / name).read_bytes() for name in ("indexer.py", "text.py")]
    return _digest(FORMAT, code, siteurl, raw_records, late_records)


def _reuse(cache_dir: str, key: str, folder: str) -> int | None:
    entry = os.path.join(cache_dir, key)
    try:
        with open(os.path.join(entry, MANIFEST), "rb") as fp:
            pages = json.load(fp)["pages"]
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(entry, folder)
    except (OSError, ValueError, KeyError):  # gone or half-copied: index instead
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return int(pages)


def _keep(cache_dir: str, key: str, files: dict[str, bytes]) -> None:
    """Keep this index (only the latest) for a build with the same records."""
    try:
        os.makedirs(cache_dir, exist_ok=True)
        staging = tempfile.mkdtemp(prefix=f"{key}.", dir=cache_dir)
        write_files(files, staging)
        for name in os.listdir(cache_dir):
            if name != os.path.basename(staging):
                shutil.rmtree(os.path.join(cache_dir, name), ignore_errors=True)
        os.replace(staging, os.path.join(cache_dir, key))
    except OSError:
        pass  # only a cache: the next build indexes again


def write_index(raw_records: list[dict], late_records: list[dict], folder: str,
                siteurl: str = "", cache_dir: str | None = None) -> int:
    """Write the index of ``raw_records`` (:func:`text.make_record`
    arguments) and ``late_records`` (records already made) into ``folder``;
    return the number of pages indexed. With a ``cache_dir``, an index made
    from exactly the same records is copied instead."""
    key = index_key(raw_records, late_records, siteurl) if cache_dir else None
    if key:
        count = _reuse(cache_dir, key, folder)
        if count is not None:
            return count
    made = (make_record(**raw) for raw in raw_records)
    files = build_index(chain(made, late_records), siteurl)
    try:
        write_files(files, folder)
    except OSError as exc:
        raise SearchIndexError(f"Không ghi được chỉ mục tìm kiếm vào {folder}: {exc}") from exc
    if key:
        _keep(cache_dir, key, files)
    return json.loads(files[MANIFEST])["pages"]
