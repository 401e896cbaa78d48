"""Printing forms (a submission's answers, or blank) as PDF or Word, on the portal and in the admin."""
