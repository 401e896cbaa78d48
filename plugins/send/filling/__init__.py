"""Filling in a form on the portal: drafts, steps, answers, uploaded files and their virus scan,
check your answers, submitting, reopening, and purging old drafts."""
