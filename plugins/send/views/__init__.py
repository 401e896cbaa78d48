"""Portal views of the SEND plugin, one module per journey."""
