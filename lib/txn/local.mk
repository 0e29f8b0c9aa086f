# lib/txn
