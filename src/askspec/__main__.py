"""``python -m askspec``."""

from askspec.cli import main

main()
