"""The subcommands of ``truongweb`` (see :mod:`truongweb.cli`)."""
