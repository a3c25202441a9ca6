"""``truongweb suggest-topics``: plan topics suggested for untagged (imported) articles."""

from truongweb.importing.suggest_topics import HELP, add_arguments, run  # noqa: F401  (the command's interface)

NEEDS_SITE = True
