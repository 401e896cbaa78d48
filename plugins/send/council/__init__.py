"""The council's side of submitted forms: the staff list, one form's answers, files and trail."""
