"""Content reads only inside ``content/``; the build writes only inside the output folder.

* Before any generator walks the content folder (Pelican's walk follows
  symbolic links), every symbolic link in it must point inside it: a link
  to ``/etc`` or ``/proc/self/environ``, a broken link or a loop stops the
  build naming the link and its target.
* Every path an article or page names (``{static}``, ``{attach}``,
  ``{filename}`` links and plain relative links or images, in the body and in
  formatted fields such as ``summary``) must stay inside ``content/``: Pelican
  would copy ``{attach}/../.git/config`` next to the article.
* Every static file Pelican is about to copy must come from inside
  ``content/`` and go inside the output folder.
* The writer refuses to write outside the output folder and to write one
  file twice (a page saved over another one), naming what wrote it.

Bad input raises :class:`truongweb.paths.OutsideFolderError` or
:class:`WriteConflictError`, whose ``str()`` is the Vietnamese message.

Signals: ``initialized`` (symbolic links), ``page_generator_finalized``
(links named by articles and pages; the article generator has finished
reading by then and the static generator has not started),
``static_generator_finalized`` (static files), ``get_writer`` (the writer).
"""

from __future__ import annotations

from pelican import signals

from truongweb import pelican_compat
from truongweb.paths import check_links_inside
from truongweb.plugins.vietnamese import messages

from .links import check_content_links, check_static_files
from .writer import SafeWriter, WriteConflictError

__all__ = ["SafeWriter", "WriteConflictError", "register"]


def check_symbolic_links(pelican) -> None:
    # Runs before the vietnamese plugin's own `initialized` receiver: name
    # files from the site folder here too.
    messages.set_site_folder(pelican.settings["PATH"])
    check_links_inside(pelican.settings["PATH"])


def check_links(generator) -> None:
    check_content_links(generator.context.get("generated_content", {}).values(),
                        generator.settings, pelican_compat.body_html)


def check_static(generator) -> None:
    check_static_files(generator.staticfiles, generator.settings["PATH"],
                       generator.output_path)


def safe_writer(pelican):
    return SafeWriter


def register():
    signals.initialized.connect(check_symbolic_links)
    signals.page_generator_finalized.connect(check_links)
    signals.static_generator_finalized.connect(check_static)
    signals.get_writer.connect(safe_writer)
