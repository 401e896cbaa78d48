#!/usr/bin/env python
import os
import sys
from pathlib import Path


def main():
    # site/ is a folder on sys.path (not a package) and the repository root holds plugins/.
    here = Path(__file__).resolve().parent
    sys.path[:0] = [str(here), str(here.parent)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
