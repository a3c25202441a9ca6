"""Command-line tools around the Pelican build (build, safe cleaning)."""
