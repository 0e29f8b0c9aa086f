# bin: see README.md
