"""The form builder's screens in the Wagtail admin."""
