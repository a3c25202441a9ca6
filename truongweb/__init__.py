"""truongweb: websites for Vietnamese schools and education offices, built
with Pelican. The package holds the command line (``truongweb``), the build,
serve, import and roll-up tools, the plugins (:mod:`truongweb.plugins`) and the
theme (:mod:`truongweb.theme`); a site folder holds only its content and settings."""

__version__ = "0.1.0"
