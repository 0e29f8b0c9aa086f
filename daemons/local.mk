# daemons: see README.md
