# doc: the user guide; architecture.md is the map of the source.
EXTRA_DIST += doc/operations.md
