/*
 * txn_catalog.h — lib/txn's implementation of lib/catalog's transaction hooks (cat.h), so
 * that catalog row versions follow the same MVCC rules as heap rows (lib/txn/README.md
 * section 5).  Wiring, once per process after cat_open:
 *
 *     cat_set_visibility_hook(txn_catalog_visible);
 *     cat_set_xid_state_hook(txn_catalog_xid_state);
 *
 * and at the start of every statement, after txn_stmt_start:
 *
 *     cat_snapshot cs;  txn_catalog_snapshot(&cs);  cat_set_snapshot(&cs);
 */
#ifndef PH_TXN_TXN_CATALOG_H
#define PH_TXN_TXN_CATALOG_H

#include "catalog/cat.h"
#include "txn/txn.h"

/* cat_visibility_hook: visible to snap->cs_txn (a txn_snapshot), or to the latest committed
 * state when it is NULL.  Never raises (an error is logged and answers "not visible"). */
bool txn_catalog_visible(uint64_t xmin, uint64_t xmax, const cat_snapshot *snap);
/* cat_xid_state_hook: the fate of xid now.  Never raises (an error answers "in progress",
 * which makes DDL report a conflict rather than overwrite). */
cat_xid_state txn_catalog_xid_state(uint64_t xid);
/* Fill a catalog snapshot for the current statement: a fresh proc-array snapshot (kept in
 * process memory until the next call), this transaction's xids and command id.  Inside a
 * transaction only (process with a slot). */
void txn_catalog_snapshot(cat_snapshot *out);

#endif
