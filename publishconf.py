"""Production settings: pelicanconf.py with the public address, nothing else.

SITEURL comes from the environment (the GitHub Pages workflow passes the address
actions/configure-pages reports); `make publish` without it builds for the default.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))  # pelicanconf beside this file

from pelicanconf import *

SITEURL = (os.environ.get("SITEURL") or "https://dinghai-cppcc.github.io").rstrip("/")
SITE_ORIGIN = SITEURL
