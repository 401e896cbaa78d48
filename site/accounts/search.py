"""Finding people by name or email address, for the staff screens."""

from django.db.models import Q


def matching_people(queryset, query, prefix=""):
    """``queryset`` narrowed to people whose first name, last name or email address contains
    every word of ``query`` (so "Sam Parent" finds Sam Parent). ``prefix`` reaches the user
    through a relation, e.g. "user__"."""
    for word in query.split():
        queryset = queryset.filter(
            Q(**{f"{prefix}first_name__icontains": word})
            | Q(**{f"{prefix}last_name__icontains": word})
            | Q(**{f"{prefix}email__icontains": word})
        )
    return queryset
