"""Files from content/ that a browser would run as the site (no Pelican import).

Pelican copies static files (``content/images``, ``{attach}`` links) byte for
byte. An SVG opened at its own URL is a document of the site's origin: a
``<script>``, an event handler or a ``javascript:`` link in it runs with the
same storage as the pages and the editor. :func:`check_svg` refuses such an
SVG (a plain drawing such as the school logo passes); :func:`active_type`
names file types that would be pages or scripts of the site.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# Served as a page or a script of the site's own origin (or a plug-in).
ACTIVE_SUFFIXES = {
    ".html": "trang HTML", ".htm": "trang HTML", ".xhtml": "trang XHTML", ".xht": "trang XHTML",
    ".shtml": "trang HTML", ".js": "mã JavaScript", ".mjs": "mã JavaScript",
    ".svgz": "ảnh SVG nén (không kiểm tra được)", ".swf": "tệp Flash", ".xsl": "mã XSLT",
    ".xslt": "mã XSLT", ".wasm": "mã WebAssembly",
}

# Elements that run script, embed other documents or listen to events.
_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object", "handler", "listener",
              "audio", "video", "discard"}
_HREF = re.compile(r"(^|\})(href)$")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)|@import", re.IGNORECASE)


class ActiveFileError(ValueError):
    """``str()`` is the Vietnamese message naming the file."""


def active_type(name: str) -> str | None:
    lowered = name.lower()
    for suffix, what in ACTIVE_SUFFIXES.items():
        if lowered.endswith(suffix):
            return what
    return None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


_EMBEDDED_RASTER = re.compile(r"^data:image/(png|jpeg|jpg|gif|webp)[;,]", re.IGNORECASE)


def _external(reference: str) -> bool:
    """Anything but a reference inside the same SVG (``#id``) or an embedded
    raster picture (``data:image/png;base64,…``, as drawing programs export)."""
    compact = _CONTROL.sub("", reference)
    return not (compact.startswith("#") or _EMBEDDED_RASTER.match(compact))


def _css_problem(css: str) -> str | None:
    for m in _CSS_URL.finditer(css):
        if m.group(0).startswith("@") or _external(m.group(2) or ""):
            return "CSS tải tệp từ nơi khác (url() hoặc @import)"
    return None


def svg_problems(data: bytes) -> list[str]:
    """What makes this SVG unsafe to publish (Vietnamese), empty when it is a
    plain drawing."""
    # A DOCTYPE naming the SVG 1.1 DTD is what some drawing programs export;
    # an internal subset (entities) is never needed for a picture.
    lowered = data.lower()
    if b"<!entity" in lowered or re.search(rb"<!doctype[^>\[]*\[", lowered):
        return ["khai báo <!ENTITY> (không cần cho ảnh, có thể dùng để tấn công)"]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"nội dung XML hỏng ({error})"]
    if _local(root.tag) != "svg":
        return [f"phần tử gốc là <{_local(root.tag)}>, không phải <svg>"]
    found: list[str] = []

    def add(what):
        if what not in found:
            found.append(what)

    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = _local(element.tag)
        if name in _FORBIDDEN:
            add(f"thẻ <{'foreignObject' if name == 'foreignobject' else name}>")
        if name == "style":
            problem = _css_problem(element.text or "")
            if problem:
                add(problem)
        for attribute, value in element.attrib.items():
            local = _local(attribute)
            compact = _CONTROL.sub("", value).lower()
            if local.startswith("on"):
                add(f"thuộc tính {local}")
            elif _HREF.search(attribute.lower()) and _external(value):
                add("liên kết ra ngoài ảnh (href)")
            elif local == "style":
                problem = _css_problem(value)
                if problem:
                    add(problem)
            if "javascript:" in compact or "vbscript:" in compact:
                add("liên kết javascript:")
            if name in {"set", "animate"} and local == "attributename" \
                    and compact in {"href", "xlink:href"}:
                add("hoạt ảnh đổi liên kết (<set>/<animate> trên href)")
    return found


def check_svg(data: bytes, shown: str) -> None:
    """Raise ActiveFileError naming ``shown`` when the SVG is unsafe."""
    problems = svg_problems(data)
    if problems:
        raise ActiveFileError(
            f"{shown}: ảnh SVG có {', '.join(problems)}. Ảnh SVG được mở như một trang của "
            "trường, nên mã trong đó sẽ chạy với quyền của trang web; không đăng tệp này. "
            "Hãy xuất lại ảnh SVG không có mã (hoặc lưu dạng PNG) rồi dựng lại."
        )


def check_static(name: str, data_reader, shown: str) -> None:
    """Refuse a static file from content/ that would run as the site."""
    what = active_type(name)
    if what:
        raise ActiveFileError(
            f"{shown}: {what} trong thư mục nội dung không được đăng: trình duyệt sẽ chạy "
            "nó như một phần của trang web của trường. Xóa tệp này (hoặc nén vào tệp .zip "
            "nếu cần cho tải về)."
        )
    if name.lower().endswith(".svg"):
        check_svg(data_reader(), shown)
