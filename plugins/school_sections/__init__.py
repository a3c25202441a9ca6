"""Data-driven school sections: leadership, contact/FAQ, links, consultations,
admissions, the document register (văn bản) and public disclosure (công khai,
Thông tư 09/2024/TT-BGDĐT), plus the human sitemap page.

A school edits YAML files in ``content/data/``, ``content/van-ban/`` and
``content/cong-khai/``; never templates. Loading and validation live in the
pure module ``loaders`` (no Pelican import); bad data raises
``SectionDataError`` with a Vietnamese message naming the file and key.

Signals:
- ``initialized``: keep Pelican's article/page/static readers out of the
  three data folders (they hold YAML and attachments, not articles);
- ``get_generators``: adds ``SchoolSectionsGenerator`` which loads the data in
  ``generate_context`` (exposed to every template as ``school_sections`` and
  ``SECTION_URLS``) and writes the pages and attachments in ``generate_output``.
"""

from pelican import signals

from .generator import DATA_DIRS, SchoolSectionsGenerator


def exclude_data_dirs(pelican):
    """Keep Pelican's own readers out of the section data folders."""
    settings = pelican.settings
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
        current = list(settings.get(key) or [])
        for folder in DATA_DIRS:
            if folder not in current:
                current.append(folder)
        settings[key] = current


def get_generators(pelican):
    return SchoolSectionsGenerator


def register():
    signals.initialized.connect(exclude_data_dirs)
    signals.get_generators.connect(get_generators)
