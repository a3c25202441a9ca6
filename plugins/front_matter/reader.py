"""The front matter reader, failing loudly and in Vietnamese.

Every Markdown file goes through :class:`VietnameseYAMLReader`: its size and
encoding are checked, a YAML header is read with the bounded loader of
``content_schema``, a ``Key: value`` header (no ``---``) by Python-Markdown's
meta extension, and both are checked against the one content schema.
"""

import os

import yaml
from markdown import Markdown
from markupsafe import escape
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import pelican_open, slugify

from truongweb import pelican_compat
from truongweb.plugins.content_schema import (
    FrontMatterError,
    YamlLimitError,
    check_file_size,
    check_metadata,
    decode_utf8,
    load_limited,
)
from truongweb.plugins.vietnamese.messages import display_path

__all__ = ["FrontMatterError", "VietnameseYAMLReader"]

_DATE_KEYS = ("date", "modified", "source_date")


# Where MetaExtension registers its preprocessor (Python-Markdown 3.x);
# _ReusableMarkdown.make checks it reproduces the fresh instance's order.
_META_PRIORITY = 27


class _ReusableMarkdown(Markdown):
    """A Markdown for one file after another. Pelican's ``_parse_metadata``
    deregisters the ``meta`` preprocessor (so summaries keep their lines):
    :meth:`ready` puts it back before the next file."""

    @classmethod
    def make(cls, settings):
        markdown = cls(**settings["MARKDOWN"])
        fresh = list(markdown.preprocessors)
        markdown._meta = markdown.preprocessors["meta"]
        markdown.preprocessors.deregister("meta")
        if list(markdown.ready().preprocessors) != fresh:
            return _FreshMarkdown(settings)
        return markdown

    def ready(self):
        if "meta" not in self.preprocessors:
            self.preprocessors.register(self._meta, "meta", _META_PRIORITY)
        return self


class _FreshMarkdown:
    """Pelican's way, a new instance per file: where the meta preprocessor
    could not be put back exactly (another Python-Markdown)."""

    def __init__(self, settings):
        self.settings = settings

    def ready(self):
        self.current = Markdown(**self.settings["MARKDOWN"])
        return self.current

    def reset(self):
        return self.current

    def __getattr__(self, name):
        return getattr(self.current, name)


class VietnameseYAMLReader(YAMLMetadataReader):
    # Pelican's MarkdownReader makes a new Markdown for every file (~3 ms
    # each: extensions registered again); one per reader, reset before each
    # file as Pelican already does between a file and its summary, converts
    # the same.
    _key_value_markdown = None

    def read(self, source_path):
        where = display_path(source_path)
        check_file_size(os.path.getsize(source_path), where)
        with open(source_path, "rb") as handle:
            text = decode_utf8(handle.read(), where)
        if text.startswith("\ufeff"):
            text = text[1:]
        match = pelican_compat.yaml_header_re().fullmatch(text)
        if not match:
            # Pelican's ``Key: value`` headers: MarkdownReader's reading,
            # which calls _parse_metadata below.
            return self._read_key_value(source_path)
        metadata = self._load_yaml_metadata(match.group("metadata"), source_path)
        markdown = pelican_compat.reader_markdown(self)
        markdown.Meta = {key: pelican_compat.yaml_value_to_meta(value)
                         for key, value in metadata.items()}
        return markdown.reset().convert(match.group("content")), metadata

    def _read_key_value(self, source_path):
        """``MarkdownReader.read`` with the reader's one Markdown instance."""
        markdown = self._key_value_markdown
        if markdown is None:
            markdown = self._key_value_markdown = _ReusableMarkdown.make(self.settings)
        pelican_compat.set_instance_value(self, "pelican.readers.MarkdownReader._source_path",
                                          source_path)
        pelican_compat.set_instance_value(self, "pelican.readers.MarkdownReader._md",
                                          markdown.ready())
        with pelican_open(source_path) as text:
            content = markdown.reset().convert(text)
        metadata = self._parse_metadata(markdown.Meta) if hasattr(markdown, "Meta") else {}
        return content, metadata

    # -- which schema applies ------------------------------------------------
    def _kind(self, source_path) -> str:
        base = os.path.abspath(self.settings["PATH"])
        relative = os.path.relpath(os.path.abspath(source_path), base).replace(os.sep, "/")
        for folder in self.settings.get("PAGE_PATHS") or []:
            folder = folder.strip("/")
            if folder in ("", ".") or relative == folder or relative.startswith(folder + "/"):
                return "page"
        return "article"

    def _timezone(self):
        return self.settings.get("TIMEZONE") or "Asia/Ho_Chi_Minh"

    def _slug_from_title(self, metadata, output):
        """Pelican slugs the title as HTML (``a < b và b > c`` → ``a-c``);
        titles here are plain text."""
        title = output.get("title", metadata.get("title"))
        if ("slug" in output or title is None
                or self.settings.get("SLUGIFY_SOURCE") != "title"):
            return
        output["slug"] = slugify(
            escape(str(title)),
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
        )

    # -- YAML headers --------------------------------------------------------
    @pelican_compat.overrides(
        "pelican.plugins.yaml_metadata.yaml_metadata.YAMLMetadataReader._load_yaml_metadata")
    def _load_yaml_metadata(self, text, source_path):
        where = display_path(source_path)
        try:
            metadata = load_limited(text)
        except YamlLimitError as error:
            raise FrontMatterError(f"{where}: phần thông tin đầu bài (YAML) {error}") from None
        except yaml.YAMLError as error:
            # The context mark is where the broken construct starts (an
            # unclosed bracket); the problem mark may be the end of the header.
            mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
            # The header text starts at the end of the opening "---" line
            # (file line 1) and YAML counts from zero: file line = mark + 1.
            line = f" (dòng {mark.line + 1})" if mark is not None else ""
            problem = getattr(error, "problem", None) or "cú pháp không đúng"
            raise FrontMatterError(
                f"{where}{line}: phần thông tin đầu bài (YAML) bị lỗi: {problem}. "
                "Kiểm tra dấu hai chấm, dấu nháy và thụt lề."
            ) from None
        if not isinstance(metadata, dict):
            raise FrontMatterError(
                f"{where}: phần thông tin đầu bài phải gồm các dòng “khóa: giá trị” "
                "giữa hai dòng ---."
            )
        return self._parse_yaml_metadata(metadata, source_path)

    @pelican_compat.overrides(
        "pelican.plugins.yaml_metadata.yaml_metadata.YAMLMetadataReader._parse_yaml_metadata")
    def _parse_yaml_metadata(self, meta, source_path):
        where = display_path(source_path)
        dates = check_metadata(meta, self._kind(source_path), where, self._timezone())
        rest = {k: v for k, v in meta.items() if str(k).strip().lower() not in _DATE_KEYS}
        output = super()._parse_yaml_metadata(rest, source_path)
        output.update(dates)
        self._slug_from_title(meta, output)
        return output

    # -- ``Key: value`` headers ----------------------------------------------
    @pelican_compat.overrides("pelican.readers.MarkdownReader._parse_metadata")
    def _parse_metadata(self, meta):
        source_path = pelican_compat.reader_source_path(self)
        where = display_path(source_path)
        formatted = self.settings.get("FORMATTED_FIELDS") or ()
        values = {key: "\n".join(value) if key.lower() in formatted or len(value) == 1
                  else value for key, value in meta.items()}
        dates = check_metadata(values, self._kind(source_path), where, self._timezone())
        output = super()._parse_metadata(
            {k: v for k, v in meta.items() if k.lower() not in _DATE_KEYS})
        output.update(dates)
        self._slug_from_title(values, output)
        return output
