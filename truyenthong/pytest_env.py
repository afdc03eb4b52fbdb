"""Loaded by pytest (`-p`) before Django reads its settings: the test servers speak plain HTTP."""

import os

os.environ.setdefault("HTTPS", "0")
