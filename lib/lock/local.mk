# lib/lock
