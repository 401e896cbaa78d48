"""The child's chronology (staff): the approved forms about one child record, newest decision
first, and each form read-only in numbered panels. Which forms a member of staff sees is the
``send.chronology`` access rule (``plugins.send.access``): the forms' own access lists apply
here, never in the submitted forms list."""
