# lib/client: see README.md
