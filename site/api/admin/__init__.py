"""The integration API in the Wagtail admin (administrators only): service accounts and their
tokens, webhook subscriptions with their delivery log, and the demo receiver's inbox."""
