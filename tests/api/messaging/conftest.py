"""Messages about a child's case need SEND, which registers the child as a subject."""

from django.apps import apps

collect_ignore = [] if apps.is_installed("plugins.send") else ["test_messages.py"]
