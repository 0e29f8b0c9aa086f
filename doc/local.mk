# doc: the user guide; architecture.md is the map of the source.
EXTRA_DIST += doc/operations.md
EXTRA_DIST += doc/catalog.md
EXTRA_DIST += doc/transactions.md
EXTRA_DIST += doc/types.md
