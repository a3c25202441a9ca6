"""The one place that knows Pelican's private internals.

The speed plugins and the build report reach into names Pelican does not
promise to keep. Each such name is listed here so that an upgrade of Pelican
is one review: :func:`require_supported_pelican` stops a build on an
unsupported version with a Vietnamese message, and a test asserts that
every name in :data:`PRIVATE_NAMES` still exists.
"""

import pelican

SUPPORTED_PELICAN = "4.12"
# Pelican's own default site name (pelican.settings.DEFAULT_CONFIG).
DEFAULT_SITENAME = "A Pelican Blog"


class UnsupportedPelican(RuntimeError):
    pass


def pelican_version() -> str:
    return getattr(pelican, "__version__", "") or ""


def require_supported_pelican(version=None):
    """Raise UnsupportedPelican unless ``version`` (the installed Pelican's)
    is in the supported series."""
    version = version if version is not None else pelican_version()
    if version != SUPPORTED_PELICAN and not version.startswith(SUPPORTED_PELICAN + "."):
        raise UnsupportedPelican(
            f"Phiên bản Pelican đang cài là {version or 'không rõ'}, nhưng truongweb chỉ hỗ trợ Pelican "
            f"{SUPPORTED_PELICAN}.x. Hãy cài lại đúng phiên bản: pip install \"pelican[markdown]=={SUPPORTED_PELICAN}.*\" "
            "(hoặc cài lại truongweb để pip tự chọn).")
