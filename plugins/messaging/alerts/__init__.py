"""Alerts: portal messages sent from a message template when a record of a child's case
changes (trigger alerts) or on a schedule (scheduled alerts)."""
