"""Web editor at /admin/: Sveltia CMS with a configuration generated from the site.

At the end of the build, writes ``admin/index.html`` (noindex, linked from no
page) and ``admin/config.yml`` (collections, categories from ``CATEGORIES``,
topic and unit pickers from the plan files in ``<PATH>/plans/``, backend from
``EDITOR_BACKEND``) into the output, and copies the vendored editor
(``sveltia-cms/`` beside this module, rebuilt by ``tools/vendor_sveltia.sh``) next to them.
Settings: ``EDITOR_ENABLED`` (default True), ``EDITOR_BACKEND``,
``EDITOR_CONFIG_OVERRIDES`` (top-level keys replaced, for tests),
``EDITOR_VENDOR_DIR``.
``admin/index.html`` carries its own Content-Security-Policy: the editor's
files and the configured git host's API only (the user's token is kept in
this origin's storage; docs/huong-dan-bien-tap.md says how to give the
editor an origin of its own).
Also turns the editor's "/images/x.jpg" picture paths into the "images/x.jpg"
form of the front matter convention as each article or page is read.
Signals: ``content_object_init``, ``finalized``.
"""

import os
import shutil
from pathlib import Path

from pelican import signals

from truongweb.plugins.plan_evidence.plans import load_plans

from .config import (
    EditorConfigError,
    apply_overrides,
    backend_origins,
    build_config,
    dump_config,
    site_image_path,
)
from .page import LOCALE_FILE, LOCALE_SCRIPT, editor_csp, render_index

VENDOR_DIR = Path(__file__).resolve().parent / "sveltia-cms"
ADMIN_DIR = "admin"


def write_editor(pelican):
    settings = pelican.settings
    if not settings.get("EDITOR_ENABLED", True):
        return
    vendor = Path(settings.get("EDITOR_VENDOR_DIR") or VENDOR_DIR)
    if not (vendor / "sveltia-cms.js").is_file():
        raise EditorConfigError(
            f"{vendor}: thiếu tệp sveltia-cms.js của trình soạn bài; chạy "
            "bash tools/vendor_sveltia.sh để tạo lại."
        )
    plans = load_plans(os.path.join(settings["PATH"], "plans"))
    config = apply_overrides(build_config(settings, plans),
                             settings.get("EDITOR_CONFIG_OVERRIDES"))
    target = Path(settings["OUTPUT_PATH"]) / ADMIN_DIR
    shutil.copytree(vendor, target, dirs_exist_ok=True)
    (target / "config.yml").write_text(dump_config(config), encoding="utf-8")
    site_name = (settings.get("SCHOOL") or {}).get("short_name") or settings.get("SITENAME", "")
    api, images = backend_origins(config.get("backend") or {})
    (target / LOCALE_FILE).write_text(LOCALE_SCRIPT, encoding="utf-8")
    (target / "index.html").write_text(render_index(site_name, csp=editor_csp(api, images)),
                                       encoding="utf-8")


def normalize_image(content):
    image = getattr(content, "image", None)
    fixed = site_image_path(image)
    if fixed != image:
        content.image = fixed
        content.metadata["image"] = fixed


def register():
    signals.content_object_init.connect(normalize_image)
    signals.finalized.connect(write_editor)
