"""``python -m zhgov_extract``: the same command line as ``zhgov-extract``."""
import sys

from zhgov_extract.cli import main

sys.exit(main())
