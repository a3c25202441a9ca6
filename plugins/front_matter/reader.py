"""The YAML front matter reader, failing loudly and in Vietnamese."""

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from vietnamese.messages import display_path

# libyaml's loader is several times faster; errors are reported with the
# pure-Python loader, whose messages the tests and the guide describe.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterError(ValueError):
    """A content file's header cannot be read; str() is the Vietnamese message."""


class VietnameseYAMLReader(YAMLMetadataReader):
    def _load_yaml_metadata(self, text, source_path):
        where = display_path(source_path)
        try:
            try:
                metadata = yaml.load(text, Loader=FAST_LOADER)  # noqa: S506 - a safe loader
            except yaml.YAMLError:
                metadata = yaml.safe_load(text)
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

    def _parse_yaml_metadata(self, meta, source_path):
        for key in ("date", "modified"):
            value = meta.get(key)
            if value is None or hasattr(value, "year"):
                continue
            try:
                super()._parse_yaml_metadata({key: value}, source_path)
            except ValueError:
                raise FrontMatterError(
                    f'{display_path(source_path)}: khóa "{key}": ngày "{value}" '
                    "không đúng dạng; viết ví dụ 2026-09-05 07:30 hoặc "
                    "2026-09-05T07:30:00+07:00."
                ) from None
        return super()._parse_yaml_metadata(meta, source_path)
