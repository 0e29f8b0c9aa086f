/*
 * catalog_glue.c — the transaction layer's side of lib/catalog's hooks (cat.h, "snapshots
 * and the transaction layer's hooks"), so that catalog rows use the same visibility as heap
 * rows (README section 5).  Install with
 *     cat_set_visibility_hook(txn_catalog_visible);
 *     cat_set_xid_state_hook(txn_catalog_xid_state);
 * and at each statement start: txn_catalog_snapshot(&cs); cat_set_snapshot(&cs).
 */
#include "catalog/cat.h"
#include "txn/txn_catalog.h"
#include "shm/proc.h"
#include "txn/txn_int.h"
#include "util/err.h"
#include "util/log.h"

_Static_assert(CAT_XID_BOOTSTRAP == TXN_BOOTSTRAP_XID && CAT_XID_FROZEN == TXN_FROZEN_XID &&
               CAT_XID_FIRST_NORMAL == TXN_FIRST_NORMAL_XID, "special xids agree");

static bool
visible_now(uint64_t xmin, uint64_t xmax, const txn_snapshot *s)
{
	txn_tuple_hdr t = { xmin, xmax, 0, 0, true };

	if (s != NULL)
		return txn_visible(&t, s, NULL);
	/* no snapshot: the latest committed state */
	return txn_xid_did_commit(xmin) && !txn_xid_in_progress(xmin) &&
	       (xmax == TXN_INVALID_XID || !txn_xid_did_commit(xmax));
}

bool
txn_catalog_visible(uint64_t xmin, uint64_t xmax, const cat_snapshot *snap)
{
	const txn_snapshot *volatile s = snap ? snap->cs_txn : NULL;
	volatile uint64_t vmin = xmin, vmax = xmax;
	volatile bool r = false;

	/* the catalog may call us between LMDB calls: never raise (cat.h) */
	ERR_TRY();
	{
		r = visible_now(vmin, vmax, s);
	}
	ERR_CATCH();
	{
		log_error(LV_WARNING, err_last());
		r = false;
	}
	ERR_END();
	return r;
}

static cat_xid_state
state_now(uint64_t xid)
{
	if (xid < TXN_FIRST_NORMAL_XID)
		return xid == TXN_INVALID_XID ? CAT_XID_ABORTED : CAT_XID_COMMITTED;
	if (txn_is_current_xid(xid) || txn_xid_in_progress(xid))
		return CAT_XID_IN_PROGRESS;
	return txn_xid_did_commit(xid) ? CAT_XID_COMMITTED : CAT_XID_ABORTED;
}

cat_xid_state
txn_catalog_xid_state(uint64_t xid)
{
	volatile uint64_t vx = xid;
	volatile cat_xid_state st = CAT_XID_IN_PROGRESS;

	ERR_TRY();
	{
		st = state_now(vx);
	}
	ERR_CATCH();
	{
		log_error(LV_WARNING, err_last());
		st = CAT_XID_IN_PROGRESS; /* the cautious answer: a DDL conflict */
	}
	ERR_END();
	return st;
}

void
txn_catalog_snapshot(cat_snapshot *out)
{
	static txn_snapshot *cs;
	static uint64_t *subs;
	static uint32_t capsubs;
	txn_xid top = txn_top_xid();
	int n;

	if (cs == NULL)
		cs = txn_snapshot_alloc(mem_top);
	/* a fresh snapshot each statement, whatever the isolation level (cat.h) */
	txn_snapshot_fill(cs, proc_my_index >= 0 && atomic_load(&txn_my_proc()->tp_xmin) == 0);
	cs->curcid = txn_current_cid();
	/* own ids: the top level's first, then live and released subtransactions' */
	n = txn_current_xids(NULL, 0);
	if ((uint32_t)n > capsubs) {
		capsubs = (uint32_t)n + 16;
		subs = mem_alloc(mem_top, sizeof(uint64_t) * capsubs);
	}
	n = txn_current_xids(subs, (int)capsubs);
	out->cs_xid = top;
	out->cs_cid = txn_current_cid();
	out->cs_nsubxids = n > 0 ? (uint32_t)(n - 1) : 0;
	out->cs_subxids = n > 1 ? subs + 1 : NULL;
	out->cs_txn = cs;
}
