"""The daily jobs of delegated tasks (declared in ``SendConfig.jobs``)."""

from . import annual_reviews, notices


def remind_delegated_tasks():
    """One reminder per open task nearing its due date, never twice."""
    return notices.send_reminders()


def send_annual_review_forms():
    """The annual review form for each review meeting now within its notice period."""
    return len(annual_reviews.send_review_forms())
