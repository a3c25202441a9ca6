"""The HTML page that starts the editor at /admin/ (pure, no Pelican import)."""

from __future__ import annotations

import html
from typing import Iterable

# Sveltia picks its interface language from a saved preference, else from the
# browser; a school's staff may have an English browser, so Vietnamese is
# saved as the preference on the first visit (the user can still change it).
# A file next to the page (LOCALE_FILE), not an inline script: the page's CSP
# allows scripts from /admin/ itself only.
LOCALE_FILE = "locale.js"
LOCALE_SCRIPT = (
    "try{var k='sveltia-cms.prefs',p=JSON.parse(localStorage.getItem(k)||'{}');"
    "if(!p.locale){p.locale='vi';localStorage.setItem(k,JSON.stringify(p));}}catch(e){}\n"
)


def editor_csp(api_origins: Iterable[str] = (), image_origins: Iterable[str] = ()) -> str:
    """Content-Security-Policy of /admin/: the editor's own files, and network
    access only to the configured git host's API (``api_origins``). The
    signed-in user's token sits in this origin's storage, so no other script,
    frame, form target or connection is allowed. Sveltia (Svelte) sets inline
    styles at run time, hence ``style-src 'unsafe-inline'`` (styles cannot
    read storage or send requests under this policy); it also fetches its own
    ``data:`` and ``blob:`` URLs (icons, uploaded pictures), which never leave
    the browser. Checked in Chromium by tests/web_editor/test_roundtrip.py."""
    api = " ".join(api_origins)
    images = " ".join(image_origins)
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {images}".rstrip(),
        "font-src 'self' data:",
        f"connect-src 'self' blob: data: {api}".rstrip(),
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def render_index(site_name: str, script: str = "sveltia-cms.js", csp: str | None = None) -> str:
    title = html.escape(f"Soạn bài — {site_name}" if site_name else "Soạn bài")
    policy = html.escape(csp if csp is not None else editor_csp())
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>{title}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<script src="{LOCALE_FILE}"></script>
<script type="module" src="{html.escape(script)}"></script>
</head>
<body>
<noscript><p>Trình soạn bài cần bật JavaScript. Hãy dùng Chrome, Edge hoặc Firefox bản mới.</p></noscript>
</body>
</html>
"""
