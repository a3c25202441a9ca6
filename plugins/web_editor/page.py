"""The HTML page that starts the editor at /admin/ (pure, no Pelican import)."""

from __future__ import annotations

import html

# Sveltia picks its interface language from a saved preference, else from the
# browser; a school's staff may have an English browser, so Vietnamese is
# saved as the preference on the first visit (the user can still change it).
_LOCALE_SCRIPT = (
    "try{var k='sveltia-cms.prefs',p=JSON.parse(localStorage.getItem(k)||'{}');"
    "if(!p.locale){p.locale='vi';localStorage.setItem(k,JSON.stringify(p));}}catch(e){}"
)


def render_index(site_name: str, script: str = "sveltia-cms.js") -> str:
    title = html.escape(f"Soạn bài — {site_name}" if site_name else "Soạn bài")
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>{title}</title>
<link href="config.yml" type="application/yaml" rel="cms-config-url">
<script>{_LOCALE_SCRIPT}</script>
<script type="module" src="{html.escape(script)}"></script>
</head>
<body>
<noscript><p>Trình soạn bài cần bật JavaScript. Hãy dùng Chrome, Edge hoặc Firefox bản mới.</p></noscript>
</body>
</html>
"""
