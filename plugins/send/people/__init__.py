"""The children and young people a portal user acts for, and the user's own SEND data."""
