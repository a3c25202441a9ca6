"""Writes the article pages in a second process while this one writes the rest.

Rendering and writing one page per article is the largest part of a build.
Once every generator's content is final, the build forks (Linux only): the
child writes the article pages, the parent writes everything else (listings,
archives, feeds, evidence, sections) at the same time on the other core.
Before forking, the parent resolves every article's content once, so the
static files it links are known to the parent's static generator. When the
article generator has written its other pages, the parent waits for the
child, re-logs the warnings and errors it logged, and replays
``content_written`` for each page it wrote (so the sitemap lists them);
receivers that must hear every page as it is written while the child runs
(the compliance helper) must be safe in a forked child.

Off unless ``PARALLEL_WRITE = True`` (and where ``os.fork`` does not
exist): measured on 1,000–2,000 articles (bench/README.md) the child adds
20–25 MiB to the build's memory (it copies most of the parent's heap as it
touches it) and 1 s of processor time, for a wall-clock gain that a loaded
two-core machine does not show; the memory target (2× plain Pelican) comes
first. Listeners of ``article_generator_write_article`` run in the
child, so their side effects stay there: this project has none.

Signals: ``all_generators_finalized`` (finds the article generator),
``get_writer`` (sent just before Pelican writes anything: the fork; the
child makes its own writer).
"""

from __future__ import annotations

import logging
import os
from functools import partial
from itertools import chain

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from truongweb import pelican_compat
from truongweb.plugins.speed.forked import ForkedCall, available
from truongweb.plugins.vietnamese.messages import display_path

WRITE_ARTICLES = "pelican.generators.ArticlesGenerator.generate_articles"
GENERATE_OUTPUT = "pelican.generators.ArticlesGenerator.generate_output"


class _Recorder(logging.Handler):
    """Keeps the child's log records for the parent to log again."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record):
        self.records.append((record.name, record.levelno, record.getMessage()))


class ArticleWriter:
    """One build's article writing process."""

    def __init__(self, generator: ArticlesGenerator):
        self.generator = generator
        self.articles = list(chain(generator.translations, generator.articles,
                                   generator.hidden_translations, generator.hidden_articles))
        self.child: ForkedCall | None = None
        self._write_articles = generator.generate_articles
        self._generate_output = generator.generate_output

    def start(self, writer):
        for article in self.articles:
            article.content  # noqa: B018 - resolves {static} links in this process
        recorder = _Recorder()
        self.child = ForkedCall(lambda: self._write_in_child(writer, recorder), recorder)
        pelican_compat.shadow(self.generator, WRITE_ARTICLES, lambda write: None)
        pelican_compat.shadow(self.generator, GENERATE_OUTPUT, self._output_then_join)

    def _write_in_child(self, writer, recorder) -> tuple:
        """In the child: ``("ok", [(path, article id)], log records)`` or
        ``("error", message, log records)``."""
        written: list[tuple[str, int]] = []

        def record(path, context=None):
            written.append((path, id((context or {}).get("article"))))

        signals.content_written.connect(record)
        write_file = partial(writer.write_file,
                             relative_urls=self.generator.settings["RELATIVE_URLS"])
        current = {}

        def write(*args, **kwargs):
            current["article"] = kwargs.get("article")
            write_file(*args, **kwargs)

        try:
            self._write_articles(write)
            return ("ok", written, recorder.records)
        except BaseException as error:  # noqa: BLE001 - handed to the parent
            return ("error", article_failed(current.get("article"), error), recorder.records)

    def _output_then_join(self, writer):
        try:
            self._generate_output(writer)
        finally:
            pelican_compat.unshadow(self.generator, WRITE_ARTICLES)
            pelican_compat.unshadow(self.generator, GENERATE_OUTPUT)
            outcome = self.join()
        status, detail, records = outcome
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if status != "ok":
            raise RuntimeError(detail)
        by_id = {id(article): article for article in self.articles}
        written_files = pelican_compat.written_files(writer)
        claim = getattr(writer, "claim", None)  # the writer of safe_paths names both writers
        for path, article_id in detail:
            article = by_id.get(article_id)
            if claim is not None:
                claim(path, article)
            if written_files is not None:
                if path in written_files and claim is None:
                    raise RuntimeError(f"{display_path(path)}: hai nội dung cùng ghi vào trang này.")
                written_files.add(path)
            signals.content_written.send(path, context={
                "article": article, "category": getattr(article, "category", None)})

    def join(self):
        return self.child.result(lambda status: (
            "error", f"Tiến trình ghi bài viết dừng bất thường (mã {status}).", []))


def article_failed(article, error) -> str:
    """The message for an article page that could not be made."""
    source = getattr(article, "source_path", None) or "?"
    return (f"{display_path(source)}: không tạo được trang của bài viết: "
            f"{error or error.__class__.__name__}")


class SerialArticleWriter:
    """Without the fork: the article pages written as Pelican writes them,
    a failure named as the forked writer names it."""

    def __init__(self, generator: ArticlesGenerator):
        self.generator = generator
        self._write_articles = pelican_compat.shadow(generator, WRITE_ARTICLES, self._write)

    def _write(self, write):
        pelican_compat.unshadow(self.generator, WRITE_ARTICLES)
        current = {}

        def tracking(*args, **kwargs):
            current["article"] = kwargs.get("article")
            return write(*args, **kwargs)

        try:
            self._write_articles(tracking)
        except Exception as error:  # noqa: BLE001 - becomes the user's message
            raise RuntimeError(article_failed(current.get("article"), error)) from None


# The article generator of the build in progress, keyed by output path.
_READY: dict[str, ArticleWriter] = {}


def prepare(generators) -> None:
    _READY.clear()  # an earlier build in this process that failed
    generator = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if generator is None:
        return
    if not (available() and generator.settings.get("PARALLEL_WRITE", False)):
        SerialArticleWriter(generator)
        return
    _READY[os.path.realpath(generator.output_path)] = ArticleWriter(generator)


def fork_writer(pelican) -> None:
    """Returns no writer class (Pelican makes its usual one): only the moment matters."""
    article_writer = _READY.pop(os.path.realpath(pelican.output_path), None)
    if article_writer is not None:
        # The child writes with the writer Pelican makes (another plugin's, if any).
        classes = [w for _, w in signals.get_writer.send(pelican) if isinstance(w, type)]
        writer_class = classes[0] if classes else Writer
        article_writer.start(writer_class(pelican.output_path, settings=pelican.settings))


def register():
    signals.all_generators_finalized.connect(prepare)
    signals.get_writer.connect(fork_writer)
