"""``python -m truongweb`` is the ``truongweb`` command."""

import sys

from truongweb.cli import main

sys.exit(main())
