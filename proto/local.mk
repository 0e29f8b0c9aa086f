# proto: see README.md
