"""Reads half of the new or changed articles in a second process (cold builds).

Converting Markdown is most of a build without a content cache, and Pelican
does it one file at a time. When the first article that is not in the cache
is about to be read (``article_generator_preread``), the build forks
(Linux only): the child converts the second half of the uncached articles
while the parent goes on with the first half in Pelican's usual loop. When
the parent comes to a file of the second half, the reader's cache lookup
(``Readers.get_cached_data``, wrapped for this build) waits for the child
once and hands out its results; they are also stored in the content cache,
so the next build finds them there.

Only the Markdown conversion moves: metadata processing, signals and content
objects stay in the parent, in Pelican's order. A file the child could not
read, or read with a warning, is left to the parent, which reads it again
and reports it as usual. Looking files up in the content cache before
Pelican does costs no second hash: each file is stamped once per build.
``PARALLEL_READ = False`` turns it off.
"""

from __future__ import annotations

import logging
import os

from pelican import signals
from pelican.utils import file_suffix

from truongweb import pelican_compat
from truongweb.plugins.speed.forked import ForkedCall, available

MIN_FILES = 40  # below this a fork costs more than it saves
CACHE_LOOKUP = "pelican.cache.FileDataCacher.get_cached_data"
FILE_STAMP = "pelican.cache.FileStampDataCacher._get_file_stamp"


class _Warned(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


class ParallelRead:
    def __init__(self, generator, paths: list[str]):
        self.readers = generator.readers
        self.paths = set(paths)
        self.results: dict | None = None
        warned = _Warned()
        self.child = ForkedCall(lambda: self._read(paths, warned), warned)
        self._lookup = pelican_compat.shadow(self.readers, CACHE_LOOKUP, self.get_cached_data)

    def _read(self, paths, warned) -> dict:
        """In the child: ``{path: (content, metadata)}`` of every file read
        without an error or a warning."""
        results = {}
        for path in paths:
            before = warned.count
            try:
                reader = pelican_compat.readers_by_suffix(self.readers)[file_suffix(path)]
                content, metadata = reader.read(path)
            except Exception:  # noqa: BLE001 - the parent reads it and reports
                continue
            if warned.count == before:
                results[path] = (content, pelican_compat.filter_discardable_metadata(metadata))
        return results

    def _collect(self) -> None:
        self.results = self.child.result(lambda _status: {})  # died: the parent reads everything

    def get_cached_data(self, path, default=None):
        found = self._lookup(path, default)
        if found is not default or path not in self.paths:
            return found
        if self.results is None:
            self._collect()
        data = self.results.pop(path, None)
        if data is None:
            return found
        self.readers.cache_data(path, data)
        return data

    def finish(self) -> None:
        """Restore the reader and reap the child if no file of its half was asked for."""
        if self.results is None:
            self._collect()
        pelican_compat.unshadow(self.readers, CACHE_LOOKUP)


def _stamp_once(cacher) -> None:
    """Stamp (hash) each file once in this build: ``start`` looks every file
    up in the content cache, and Pelican's own loop then does it again."""
    stamps: dict = {}

    def stamp(filename):
        if filename not in stamps:
            stamps[filename] = compute(filename)
        return stamps[filename]

    compute = pelican_compat.shadow(cacher, FILE_STAMP, stamp)  # until ``finish``


def start(generator) -> None:
    """First preread of the build's article generator: fork for the second half."""
    if hasattr(generator, "parallel_read"):
        return
    generator.parallel_read = None
    if not available():
        return
    if not generator.settings.get("PARALLEL_READ", True):
        return
    for cacher in (generator, generator.readers):
        _stamp_once(cacher)
    settings = generator.settings
    uncached = []
    for relative in generator.get_files(settings["ARTICLE_PATHS"],
                                        exclude=settings["ARTICLE_EXCLUDES"]):
        if generator.get_cached_data(relative, None) is not None:
            continue
        path = os.path.abspath(os.path.join(generator.path, relative))
        if file_suffix(path) not in pelican_compat.readers_by_suffix(generator.readers):
            continue
        if generator.readers.get_cached_data(path, (None, None))[0] is None:
            uncached.append(path)
    if len(uncached) >= MIN_FILES:
        generator.parallel_read = ParallelRead(generator, uncached[len(uncached) // 2:])


def finish(generator) -> None:
    reader = getattr(generator, "parallel_read", None)
    if reader is not None:
        reader.finish()
        generator.parallel_read = None
    for cacher in (generator, generator.readers):
        pelican_compat.unshadow(cacher, FILE_STAMP)


def register():
    signals.article_generator_preread.connect(start)
    signals.article_generator_pretaxonomy.connect(finish)
