"""Files attached to portal messages: checked like every upload (the ``check_upload``
service: type, size, content and a virus scan), stored under random names, downloaded only
by those who may read the thread, and removed from storage after the commit that deleted
their rows."""
