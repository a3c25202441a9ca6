"""Package layout: the repository keeps the site's layout (``plugins/``,
``theme/`` beside ``content/``), installed as ``truongweb.plugins`` and
``truongweb.theme``. Every folder below them is a package of the wheel, so
templates, data files and the vendored editor travel with the code."""

from pathlib import Path

from setuptools import setup

ROOTS = {"truongweb": "truongweb", "truongweb.plugins": "plugins", "truongweb.theme": "theme"}


def packages_under(name, folder):
    found = [name]
    for path in sorted(Path(folder).rglob("*")):
        if path.is_dir() and "__pycache__" not in path.parts:
            found.append(".".join([name, *path.relative_to(folder).parts]))
    return found


packages = [pkg for name, folder in ROOTS.items() for pkg in packages_under(name, folder)]
setup(
    packages=packages,
    package_dir=ROOTS,
    package_data={pkg: ["*"] for pkg in packages},
    exclude_package_data={"": ["*.pyc"]},
)
