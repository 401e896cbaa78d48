"""The form builder: the question bank, form definitions and their groups, published versions
(immutable JSON schemas), moving forms between sites as JSON, and the SEND team's preview."""
