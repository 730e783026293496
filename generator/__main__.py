import sys

from generator.adapters.cli import main

sys.exit(main())
