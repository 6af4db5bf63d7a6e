"""Production settings: only what differs from pelicanconf.py."""

import os
import sys

sys.path.append(os.path.dirname(__file__))

from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "https://dinghai-cppcc.github.io").rstrip("/")
SITE_ORIGIN = SITEURL
