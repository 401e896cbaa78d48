"""Invitations to a child's case (the guides' flow): the SEND team invites a person by email
for one or more children; the person, signed in, ticks the children they are the parent or
carer of; the SEND team checks their identity and activates their access, which adds and
authenticates them on each child's open involvement and links them to the child. The rules
are in ``services``; ``views`` (portal) and ``admin`` (Wagtail admin) ask it."""
