"""The extension point of a child record's page in the admin: other apps add links to their
own screens about the child (a plugin's chronology, cases…) without the register importing
them. Each app registers one function in its ``wagtail_hooks.py``::

    from wagtail import hooks
    from records.links import CHILD_RECORD_LINKS_HOOK, RecordLink

    @hooks.register(CHILD_RECORD_LINKS_HOOK)
    def chronology_link(request, record):
        if may_see(request.user):
            return RecordLink(_("Chronology"), reverse(...), icon_name="history")
        return None

The function decides who sees its link: returning None leaves it out."""

from dataclasses import dataclass

from wagtail import hooks

CHILD_RECORD_LINKS_HOOK = "register_child_record_links"


@dataclass(frozen=True)
class RecordLink:
    """A link on a child record's page, shown as a button in its header."""

    label: str
    url: str
    icon_name: str = "link"


def record_links(request, record):
    """The links the registered apps offer this user on ``record``'s page, in hook order."""
    found = (link_for(request, record) for link_for in hooks.get_hooks(CHILD_RECORD_LINKS_HOOK))
    return [link for link in found if link is not None]
