/*
 * visibility.c — MVCC visibility as pure functions of a few tuple-header fields (README
 * section 2), the snapshot test, combo command ids.
 *
 * Every function reads xid status only through the oracle, so unit tests can state each case
 * as a table row.  Hints are reported, never written: the caller owns the tuple.
 */
#include <stdlib.h>
#include <string.h>

#include "txn/txn_int.h"
#include "util/err.h"

/* ---- the oracle --------------------------------------------------------------------------- */

static bool
real_hint_ok(txn_xid xid)
{
	wal_lsn lsn;

	if (txn_clog_get(xid, &lsn) != TXN_STATUS_COMMITTED)
		return false;
	return lsn == 0 || wal_flushed_lsn() >= lsn;
}

static const txn_xid_oracle real_oracle = {
	txn_is_current_xid, txn_xid_in_progress, txn_xid_did_commit, real_hint_ok,
	txn_subtrans_topmost,
};
static const txn_xid_oracle *O = &real_oracle;

void
txn_set_oracle(const txn_xid_oracle *o)
{
	O = o ? o : &real_oracle;
}

/* ---- snapshots ------------------------------------------------------------------------------ */

bool
txn_xid_in_snapshot(txn_xid xid, const txn_snapshot *s)
{
	if (xid < s->xmin)
		return false;
	if (xid >= s->xmax)
		return true;
	if (!s->suboverflowed) {
		for (uint32_t i = 0; i < s->subxcnt; i++)
			if (s->subxip[i] == xid)
				return true;
	} else {
		xid = O->topmost(xid);
		if (xid < s->xmin)
			return false;
	}
	for (uint32_t i = 0; i < s->xcnt; i++)
		if (s->xip[i] == xid)
			return true;
	return false;
}

/* ---- combo command ids -------------------------------------------------------------------- */

typedef struct combo {
	txn_cid cmin, cmax;
} combo;

static combo *combos;
static uint32_t ncombos, capcombos;

void
txn_combocid_reset(void)
{
	ncombos = 0;
}

static txn_cid
combo_get(txn_cid cmin, txn_cid cmax)
{
	/* Few transactions delete many of their own rows; a linear search from the end finds the
	 * common case (the same pair as last time) at once. */
	for (uint32_t i = ncombos; i-- > 0;)
		if (combos[i].cmin == cmin && combos[i].cmax == cmax)
			return i;
	if (ncombos == capcombos) {
		uint32_t nc = capcombos ? capcombos * 2 : 64;
		combo *n = realloc(combos, sizeof(combo) * nc);

		if (n == NULL)
			ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
		combos = n;
		capcombos = nc;
	}
	combos[ncombos] = (combo){ cmin, cmax };
	return ncombos++;
}

txn_cid
txn_tuple_cmin(const txn_tuple_hdr *t)
{
	if (t->infomask & TXN_COMBOCID) {
		PH_CHECK(t->cid < ncombos);
		return combos[t->cid].cmin;
	}
	return t->cid;
}

txn_cid
txn_tuple_cmax(const txn_tuple_hdr *t)
{
	if (t->infomask & TXN_COMBOCID) {
		PH_CHECK(t->cid < ncombos);
		return combos[t->cid].cmax;
	}
	return t->cid;
}

txn_cid
txn_combocid_for_delete(const txn_tuple_hdr *t, txn_cid cmax, uint16_t *infomask)
{
	if (O->is_current(t->xmin)) {
		*infomask |= TXN_COMBOCID;
		return combo_get(txn_tuple_cmin(t), cmax);
	}
	*infomask &= (uint16_t)~TXN_COMBOCID;
	return cmax;
}

/* ---- visibility ----------------------------------------------------------------------------- */

static bool
xmax_unset(const txn_tuple_hdr *t)
{
	return t->xmax == TXN_INVALID_XID || (t->infomask & TXN_XMAX_INVALID);
}

/* Status of a row's creator and deleter, as the non-snapshot functions see them. */
enum { XS_NONE, XS_LOCKED, XS_CURRENT, XS_RUNNING, XS_COMMITTED, XS_ABORTED };

static int
xmin_state(const txn_tuple_hdr *t, uint16_t *h)
{
	if (t->infomask & TXN_XMIN_COMMITTED)
		return XS_COMMITTED;
	if (t->infomask & TXN_XMIN_INVALID)
		return XS_ABORTED;
	if (O->is_current(t->xmin))
		return XS_CURRENT;
	if (O->in_progress(t->xmin))
		return XS_RUNNING;
	if (!O->did_commit(t->xmin)) {
		*h |= TXN_XMIN_INVALID;
		return XS_ABORTED;
	}
	if (O->hint_ok(t->xmin))
		*h |= TXN_XMIN_COMMITTED;
	return XS_COMMITTED;
}

/* XS_NONE: nobody deletes it (unset, aborted, or a lock that is over or mine); XS_LOCKED: a
 * running transaction holds a row lock on it. */
static int
xmax_state(const txn_tuple_hdr *t, uint16_t *h)
{
	if (xmax_unset(t))
		return XS_NONE;
	if (t->infomask & TXN_XMAX_LOCK_ONLY) {
		if ((t->infomask & TXN_XMAX_COMMITTED) || O->is_current(t->xmax))
			return XS_NONE;
		if (O->in_progress(t->xmax))
			return XS_LOCKED;
		*h |= TXN_XMAX_INVALID;
		return XS_NONE;
	}
	if (t->infomask & TXN_XMAX_COMMITTED)
		return XS_COMMITTED;
	if (O->is_current(t->xmax))
		return XS_CURRENT;
	if (O->in_progress(t->xmax))
		return XS_RUNNING;
	if (!O->did_commit(t->xmax)) {
		*h |= TXN_XMAX_INVALID;
		return XS_NONE;
	}
	if (O->hint_ok(t->xmax))
		*h |= TXN_XMAX_COMMITTED;
	return XS_COMMITTED;
}

/* A row this transaction inserted: deleted by this transaction too? */
static bool
own_row_deleted(const txn_tuple_hdr *t, uint16_t *h)
{
	if (xmax_unset(t) || (t->infomask & TXN_XMAX_LOCK_ONLY))
		return false;
	if (!O->is_current(t->xmax)) {
		*h |= TXN_XMAX_INVALID; /* the deleting subtransaction aborted */
		return false;
	}
	return true;
}

bool
txn_visible(const txn_tuple_hdr *t, const txn_snapshot *s, uint16_t *hints)
{
	uint16_t h = 0;
	bool r;

	if (!(t->infomask & TXN_XMIN_COMMITTED)) {
		if (t->infomask & TXN_XMIN_INVALID) {
			r = false;
			goto out;
		}
		if (O->is_current(t->xmin)) {
			if (txn_tuple_cmin(t) >= s->curcid)
				r = false; /* inserted after this scan started */
			else if (!own_row_deleted(t, &h))
				r = true;
			else
				r = txn_tuple_cmax(t) >= s->curcid; /* deleted after the scan started */
			goto out;
		}
		if (txn_xid_in_snapshot(t->xmin, s)) {
			r = false;
			goto out;
		}
		/* finished before the snapshot: its clog status is final (invariant 3) */
		if (!O->did_commit(t->xmin)) {
			h |= TXN_XMIN_INVALID;
			r = false;
			goto out;
		}
		if (O->hint_ok(t->xmin))
			h |= TXN_XMIN_COMMITTED;
	} else if (txn_xid_in_snapshot(t->xmin, s)) {
		r = false; /* committed, but after the snapshot was taken */
		goto out;
	}
	/* the inserter is visible; now the deleter */
	if (xmax_unset(t) || (t->infomask & TXN_XMAX_LOCK_ONLY)) {
		r = true;
	} else if (!(t->infomask & TXN_XMAX_COMMITTED)) {
		if (O->is_current(t->xmax))
			r = txn_tuple_cmax(t) >= s->curcid;
		else if (txn_xid_in_snapshot(t->xmax, s))
			r = true;
		else if (!O->did_commit(t->xmax)) {
			h |= TXN_XMAX_INVALID;
			r = true;
		} else {
			if (O->hint_ok(t->xmax))
				h |= TXN_XMAX_COMMITTED;
			r = false;
		}
	} else {
		r = txn_xid_in_snapshot(t->xmax, s);
	}
out:
	if (hints)
		*hints = h;
	return r;
}

txn_tm_result
txn_satisfies_update(const txn_tuple_hdr *t, txn_cid curcid, uint16_t *hints)
{
	uint16_t h = 0;
	txn_tm_result r;

	switch (xmin_state(t, &h)) {
	case XS_CURRENT:
		if (txn_tuple_cmin(t) >= curcid)
			r = TM_INVISIBLE;
		else if (!own_row_deleted(t, &h))
			r = TM_OK;
		else
			r = txn_tuple_cmax(t) >= curcid ? TM_SELF_MODIFIED : TM_INVISIBLE;
		goto out;
	case XS_RUNNING:
	case XS_ABORTED:
		r = TM_INVISIBLE;
		goto out;
	default:
		break;
	}
	switch (xmax_state(t, &h)) {
	case XS_NONE:
		r = TM_OK;
		break;
	case XS_CURRENT:
		r = txn_tuple_cmax(t) >= curcid ? TM_SELF_MODIFIED : TM_INVISIBLE;
		break;
	case XS_COMMITTED:
		r = t->ctid_is_self ? TM_DELETED : TM_UPDATED;
		break;
	default: /* XS_LOCKED, XS_RUNNING */
		r = TM_BEING_MODIFIED;
	}
out:
	if (hints)
		*hints = h;
	return r;
}

txn_vac_result
txn_satisfies_vacuum(const txn_tuple_hdr *t, txn_xid horizon, uint16_t *hints)
{
	uint16_t h = 0;
	txn_vac_result r;

	switch (xmin_state(t, &h)) {
	case XS_ABORTED:
		r = VAC_DEAD;
		goto out;
	case XS_CURRENT:
	case XS_RUNNING:
		if (!xmax_unset(t) && !(t->infomask & TXN_XMAX_LOCK_ONLY) &&
		    (O->is_current(t->xmax) || O->in_progress(t->xmax)))
			r = VAC_DELETE_IN_PROGRESS;
		else
			r = VAC_INSERT_IN_PROGRESS;
		goto out;
	default:
		break;
	}
	switch (xmax_state(t, &h)) {
	case XS_CURRENT:
	case XS_RUNNING:
		r = VAC_DELETE_IN_PROGRESS;
		break;
	case XS_COMMITTED:
		/* dead to all once no snapshot can see the deleter running */
		r = t->xmax >= horizon ? VAC_RECENTLY_DEAD : VAC_DEAD;
		break;
	default:
		r = VAC_LIVE;
	}
out:
	if (hints)
		*hints = h;
	return r;
}

bool
txn_visible_dirty(const txn_tuple_hdr *t, txn_xid *wait_xid, uint16_t *hints)
{
	uint16_t h = 0;
	bool r;

	*wait_xid = TXN_INVALID_XID;
	switch (xmin_state(t, &h)) {
	case XS_ABORTED:
		r = false;
		goto out;
	case XS_CURRENT:
		r = !own_row_deleted(t, &h);
		goto out;
	case XS_RUNNING:
		/* a concurrent insert: count it, and tell the caller whom to wait for */
		*wait_xid = t->xmin;
		r = true;
		goto out;
	default:
		break;
	}
	switch (xmax_state(t, &h)) {
	case XS_RUNNING:
		*wait_xid = t->xmax;
		r = true;
		break;
	case XS_CURRENT:
	case XS_COMMITTED:
		r = false;
		break;
	default:
		r = true;
	}
out:
	if (hints)
		*hints = h;
	return r;
}
