"""GDPR texts for council staff: the test of the withdrawal alert addresses (the alert itself
is with the citizen texts, beside the withdrawal). {council} is filled in when it is sent."""

from portal.plugins import TextDefault

TEXTS = [
    TextDefault(
        "gdpr.emailsubject.test_alert",
        "Test of the GDPR withdrawal alerts",
        "Prawf o rybuddion GDPR am dynnu cydsyniad yn ôl",
    ),
    TextDefault(
        "gdpr.email_test_alert",
        "This is a test email from the {council} SEND portal.\n\nThis address will be told "
        "each time a portal user withdraws their consent to the portal holding their personal "
        "data. You do not need to do anything.",
        "Neges e-bost prawf yw hon gan borth AAA {council}.\n\nBydd y cyfeiriad hwn yn cael "
        "gwybod bob tro y bydd defnyddiwr y porth yn tynnu eu cydsyniad yn ôl i'r porth gadw eu "
        "data personol. Nid oes angen i chi wneud dim.",
        markdown=True,
    ),
]
