"""Publish settings: what goes to the public web.

The site's pelicanconf.py with absolute URLs (SCHOOL["site_url"], or the
environment's SITEURL) and no draft, hidden or future-dated article anywhere.
"""

from truongweb.settings import publish_settings

globals().update(publish_settings(__file__))
