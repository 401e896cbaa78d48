"""The council's casework on submitted forms: the review state machine (``review``), its
decision pages (``admin``) and the SEND team's dashboard panel (``dashboard``)."""
