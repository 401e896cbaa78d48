"""Who may work the matching queue (registered in MatchingConfig.ready())."""

from portal import access

KIND = "matching.request"


class MatchRequestRule(access.PermissionRule):
    """The matching team holds "matching.match_people": they see every incoming child and
    decide on each."""

    model = "matching.MatchRequest"
    permission = "matching.match_people"
