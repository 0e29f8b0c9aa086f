# doc: see README.md
EXTRA_DIST += doc/catalog.md
