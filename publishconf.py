"""Publish settings: what goes to the public web.

Absolute URLs and feeds; no draft, hidden or future-dated article anywhere
(the publish_guard plugin enforces the hidden and draft part).
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The public address of the site, e.g. https://thcs-thanhbinh.github.io
SITEURL = os.environ.get("SITEURL", "https://thcsthanhbinh.phutho.edu.vn")
FEED_DOMAIN = SITEURL
PUBLISH_MODE = True
WITH_FUTURE_DATES = False
DRAFT_SAVE_AS = ""
DRAFT_URL = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_URL = ""
