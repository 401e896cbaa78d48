"""The demo council's SEND set-up: the SEND team's group and the demo forms."""
