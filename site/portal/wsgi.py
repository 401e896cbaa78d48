import os
import sys
from pathlib import Path

here = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(here), str(here.parent)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
