"""Message templates: the words of the portal messages alerts send, in English and Welsh,
with placeholders for the recipient and the child's case."""
