/*
 * clog.c — the commit log (2 bits per xid) and the subtrans map (8 bytes per xid), both
 * SLRUs (slru.c).  README section 1.
 */
#include <string.h>

#include "txn/txn_int.h"
#include "util/err.h"

static int
clog_status_at(const char *page, txn_xid xid)
{
	uint32_t off = (uint32_t)(xid % CLOG_XIDS_PER_PAGE);

	return (page[off / 4] >> ((off % 4) * 2)) & 3;
}

static void
clog_set_at(char *page, txn_xid xid, int st)
{
	uint32_t off = (uint32_t)(xid % CLOG_XIDS_PER_PAGE);
	int shift = (int)(off % 4) * 2;

	page[off / 4] = (char)((page[off / 4] & ~(3 << shift)) | (st << shift));
}

txn_status
txn_clog_get(txn_xid xid, wal_lsn *lsn)
{
	slru *s;
	int64_t page = (int64_t)(xid / CLOG_XIDS_PER_PAGE);
	int b, st;

	if (lsn)
		*lsn = 0;
	if (xid < TXN_FIRST_NORMAL_XID)
		return xid == TXN_INVALID_XID ? TXN_STATUS_ABORTED : TXN_STATUS_COMMITTED;
	txn_attach();
	s = &txn_sh->ts_clog;
	lwlock_acquire(&s->sl_lock, LW_SHARED);
	b = slru_lookup(s, page);
	if (b < 0) {
		lwlock_release(&s->sl_lock);
		lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
		b = slru_page_locked(s, page);
	}
	st = clog_status_at(s->sl_data[b], xid);
	if (lsn && st == TXN_STATUS_COMMITTED)
		*lsn = s->sl_lsn[b];
	lwlock_release(&s->sl_lock);
	return st == TXN_STATUS_COMMITTED ? TXN_STATUS_COMMITTED
	       : st == TXN_STATUS_ABORTED ? TXN_STATUS_ABORTED
	                                  : TXN_STATUS_IN_PROGRESS;
}

static void
set_one(slru *s, txn_xid xid, txn_status st, wal_lsn lsn)
{
	int b = slru_page_locked(s, (int64_t)(xid / CLOG_XIDS_PER_PAGE));

	clog_set_at(s->sl_data[b], xid, (int)st);
	s->sl_state[b] = SLRU_DIRTY;
	if (lsn > s->sl_lsn[b])
		s->sl_lsn[b] = lsn;
}

void
txn_clog_set(txn_xid xid, int nsub, const txn_xid *subxids, txn_status st, wal_lsn lsn)
{
	slru *s;

	if (xid < TXN_FIRST_NORMAL_XID)
		ph_internal("cannot set the status of special transaction id %llu", (unsigned long long)xid);
	txn_attach();
	s = &txn_sh->ts_clog;
	/* One hold for all of them: nobody sees a child committed without its parent. */
	lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
	for (int i = 0; i < nsub; i++)
		set_one(s, subxids[i], st, lsn);
	set_one(s, xid, st, lsn);
	lwlock_release(&s->sl_lock);
}

void
txn_clog_flush(void)
{
	txn_attach();
	slru_flush(&txn_sh->ts_clog);
}

bool
txn_xid_did_commit(txn_xid xid)
{
	return txn_clog_get(xid, NULL) == TXN_STATUS_COMMITTED;
}

/* ---- subtrans ---------------------------------------------------------------------------- */

void
txn_subtrans_set_parent(txn_xid xid, txn_xid parent)
{
	slru *s = &txn_sh->ts_subtrans;
	int b;

	lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
	b = slru_page_locked(s, (int64_t)(xid / SUBTRANS_XIDS_PER_PAGE));
	memcpy(s->sl_data[b] + (xid % SUBTRANS_XIDS_PER_PAGE) * 8, &parent, 8);
	s->sl_state[b] = SLRU_DIRTY;
	lwlock_release(&s->sl_lock);
}

txn_xid
txn_subtrans_parent(txn_xid xid)
{
	slru *s;
	txn_xid parent;
	int b;

	if (xid < TXN_FIRST_NORMAL_XID)
		return xid;
	txn_attach();
	s = &txn_sh->ts_subtrans;
	lwlock_acquire(&s->sl_lock, LW_SHARED);
	b = slru_lookup(s, (int64_t)(xid / SUBTRANS_XIDS_PER_PAGE));
	if (b < 0) {
		lwlock_release(&s->sl_lock);
		lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
		b = slru_page_locked(s, (int64_t)(xid / SUBTRANS_XIDS_PER_PAGE));
	}
	memcpy(&parent, s->sl_data[b] + (xid % SUBTRANS_XIDS_PER_PAGE) * 8, 8);
	lwlock_release(&s->sl_lock);
	return parent == TXN_INVALID_XID ? xid : parent;
}

txn_xid
txn_subtrans_topmost(txn_xid xid)
{
	for (;;) {
		txn_xid p = txn_subtrans_parent(xid);

		if (p == xid)
			return xid;
		if (p > xid)
			ph_internal("subtrans parent %llu of %llu is newer than its child",
			            (unsigned long long)p, (unsigned long long)xid);
		xid = p;
	}
}
