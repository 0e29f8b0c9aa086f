# doc: the user guide; architecture.md is the map of the source.
EXTRA_DIST += doc/operations.md
# doc: see README.md
EXTRA_DIST += doc/catalog.md
