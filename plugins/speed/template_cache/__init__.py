"""Keeps compiled theme templates between builds and between generators.

Pelican gives every generator its own Jinja environment, and each compiles
the templates it uses from source on every build (about 50 templates and
macro files in this theme). A Jinja bytecode cache under
``CACHE_PATH/jinja`` lets every environment load the compiled code instead:
the first generator of a cold build compiles a template, the others and all
later builds reuse it. Jinja keys each entry by the template's name and a
checksum of its source, so an edited template is compiled again; but not
by the environment's options (``JINJA_ENVIRONMENT``: autoescaping,
extensions), which change the compiled code too, so each set of options
has its own subfolder.
Signal: ``generator_init``.
"""

import hashlib
import os

import jinja2
from jinja2 import FileSystemBytecodeCache
from pelican import signals

from truongweb import pelican_compat


def cache_folder(cache_path: str, environment_options: dict) -> str:
    options = repr(sorted((str(k), repr(v)) for k, v in (environment_options or {}).items()))
    digest = hashlib.sha256(f"{jinja2.__version__}|{options}".encode()).hexdigest()[:16]
    return os.path.join(cache_path, "jinja", digest)


def use_bytecode_cache(generator):
    env = pelican_compat.jinja_environment(generator)
    cache_path = generator.settings.get("CACHE_PATH")
    if env is None or not cache_path:
        return
    folder = cache_folder(cache_path, generator.settings.get("JINJA_ENVIRONMENT"))
    os.makedirs(folder, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(folder)


def register():
    signals.generator_init.connect(use_bytecode_cache)
