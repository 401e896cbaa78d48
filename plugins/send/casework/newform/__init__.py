"""New form from the chronology: staff make a new form for a child from their approved forms
(``services`` holds every rule; ``forms`` the one-page form; ``views`` the admin pages)."""
