"""``python -m inquiry_nlp`` is the ``inquiry-nlp`` command."""
import sys

from .cli import main

sys.exit(main())
