"""The professional's automatic reply form (the delegation pages)."""

from django import forms

from core.forms import PortalForm
from core.texts import raw_text

from ...models import AutomaticReply


class AutomaticReplyForm(PortalForm, forms.ModelForm):
    """On or off, the message and optional dates; a reply switched on needs its message."""

    text_prefix = "send.reply"

    class Meta:
        model = AutomaticReply
        fields = ["on", "message", "starts_on", "ends_on"]
        widgets = {"message": forms.Textarea({"rows": 4})}

    def clean(self):
        data = super().clean()
        if data.get("on") and not data.get("message", "").strip():
            self.add_error("message", raw_text("send.reply.message_needed"))
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", raw_text("send.reply.ends_before_start"))
        return data
