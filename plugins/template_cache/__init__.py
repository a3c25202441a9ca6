"""Keeps compiled theme templates between builds and between generators.

Pelican gives every generator its own Jinja environment, and each compiles
the templates it uses from source on every build (about 50 templates and
macro files in this theme). A Jinja bytecode cache under
``CACHE_PATH/jinja`` lets every environment load the compiled code instead:
the first generator of a cold build compiles a template, the others and all
later builds reuse it. Jinja keys each entry by the template's name and a
checksum of its source, so an edited template is compiled again.
Signal: ``generator_init``.
"""

import os

from jinja2 import FileSystemBytecodeCache
from pelican import signals


def use_bytecode_cache(generator):
    env = getattr(generator, "env", None)
    cache_path = generator.settings.get("CACHE_PATH")
    if env is None or not cache_path:
        return
    folder = os.path.join(cache_path, "jinja")
    os.makedirs(folder, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(folder)


def register():
    signals.generator_init.connect(use_bytecode_cache)
