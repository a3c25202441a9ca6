"""Make the plugins importable the way Pelican loads them (tests/conftest.py on
main does the same; kept here so these tests also run on their own)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
