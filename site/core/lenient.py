"""Parameter mappings for the GOV.UK component templates (``core.components``) in which a
parameter left out reads as "" in one step rather than as a failed template lookup."""


class _Blank(str):
    """The empty string a parameter left out reads as; looking into it (``params.formGroup.
    classes`` without a ``formGroup``) gives itself again, so that too is found in one step."""

    def __getitem__(self, key):
        return self


_BLANK = _Blank()


class _Params(dict):
    """A parameter mapping in which a missing key reads as "" (as a failed template lookup
    would), found in one step: Django's template engine otherwise raises and catches three
    exceptions and lists the dict's attributes for every optional parameter left out, which
    made these lookups the largest cost of a form page's markup."""

    def __missing__(self, key):
        return _BLANK


def lenient(value):
    if isinstance(value, dict):
        return _Params({key: lenient(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return [lenient(item) for item in value]
    return value
