"""The statutory process as data: process definitions (``definitions/*.json``, read by
``schema``), their vocabulary as portal texts (``texts``), the pure deadline computation
(``deadlines``) and the linear status diagram (``templatetags/send_process.py``)."""
