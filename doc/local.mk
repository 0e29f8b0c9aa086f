# doc: see README.md
