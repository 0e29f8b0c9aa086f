/*
 * recovery.c — resource-manager table, checkpoints and crash recovery
 * (README "Checkpoints", "Reading, crash tails and recovery").
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "shm/proc.h"
#include "util/cfg.h"
#include "util/err.h"
#include "util/log.h"
#include "wal/wal_int.h"

/* ---- resource managers -------------------------------------------------------------------- */

static void
xlog_redo(const wal_record *rec)
{
	(void)rec; /* checkpoints and no-ops change no page */
}

static void
xlog_describe(const wal_record *rec, char *buf, size_t len)
{
	if (rec->info == WAL_XLOG_CHECKPOINT && rec->data_len == sizeof(wal_checkpoint_rec)) {
		wal_checkpoint_rec cp;

		memcpy(&cp, rec->data, sizeof(cp));
		snprintf(buf, len, "checkpoint: redo " WAL_LSN_FMT "; next xid %llu; %s",
		         WAL_LSN_ARGS(cp.redo), (unsigned long long)cp.next_xid,
		         cp.shutdown ? "shutdown" : "online");
	} else {
		snprintf(buf, len, "%s", rec->info == WAL_XLOG_NOOP ? "noop" : "unknown");
	}
}

static wal_rmgr rmgrs[RM_MAX + 1] = {
	[RM_XLOG] = { "XLOG", xlog_redo, xlog_describe, NULL, NULL },
};

void
wal_rmgr_register(uint8_t rmid, const wal_rmgr *rm)
{
	if (rm == NULL || rm->redo == NULL || rm->name == NULL)
		ph_internal("resource manager %u registered without a name or redo function", rmid);
	if (rmid == RM_XLOG)
		ph_internal("resource manager id %u is reserved", rmid);
	rmgrs[rmid] = *rm;
}

const wal_rmgr *
wal_rmgr_get(uint8_t rmid)
{
	return rmgrs[rmid].redo ? &rmgrs[rmid] : NULL;
}

/* ---- checkpoints -------------------------------------------------------------------------- */

#define MAX_HOOKS 16
static wal_checkpoint_hook hooks[MAX_HOOKS];
static int nhooks;
static uint64_t (*next_xid_source)(void);

void
wal_checkpoint_register(wal_checkpoint_hook fn)
{
	for (int i = 0; i < nhooks; i++)
		if (hooks[i] == fn)
			return;
	if (nhooks == MAX_HOOKS)
		ph_internal("too many checkpoint hooks");
	hooks[nhooks++] = fn;
}

void
wal_set_next_xid_source(uint64_t (*fn)(void))
{
	next_xid_source = fn;
}

static int64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

wal_lsn
wal_checkpoint(bool shutdown)
{
	wal_checkpoint_rec cp = { 0 };
	wal_chunk ch = { &cp, sizeof(cp) };
	wal_lsn redo, start, end;
	wal_control c;

	if (!wal_sh || !wal_sh->w_started)
		ph_internal("checkpoint before WAL startup");
	lwlock_acquire(&wal_sh->w_checkpoint_lock, LW_EXCLUSIVE);
	/* 1. the redo point: from now on, first changes of pages carry images */
	spin_acquire(&wal_sh->w_insert_lck);
	redo = wal_bytepos_to_lsn(wal_sh->w_cur);
	atomic_store(&wal_sh->w_redo, redo);
	spin_release(&wal_sh->w_insert_lck);
	/* 2. everything changed before redo reaches disk */
	for (int i = 0; i < nhooks; i++)
		hooks[i](shutdown);
	/* 3. the record */
	wal_control_get(&c);
	cp.redo = redo;
	cp.next_xid = next_xid_source ? next_xid_source() : c.next_xid;
	if (cp.next_xid < c.next_xid)
		cp.next_xid = c.next_xid;
	cp.time = now_us();
	cp.shutdown = shutdown;
	end = wal_insert_ex(RM_XLOG, WAL_XLOG_CHECKPOINT, 0, &ch, 1, NULL, 0, &start, NULL);
	wal_flush(end);
	/* 4. the control file */
	lwlock_acquire(&wal_sh->w_control_lock, LW_EXCLUSIVE);
	wal_sh->w_control.checkpoint_lsn = start;
	wal_sh->w_control.redo_lsn = redo;
	if (cp.next_xid > wal_sh->w_control.next_xid)
		wal_sh->w_control.next_xid = cp.next_xid;
	wal_sh->w_control.checkpoint_time = cp.time;
	wal_sh->w_control.state = shutdown ? WAL_STATE_SHUT_DOWN : WAL_STATE_IN_PRODUCTION;
	wal_control_write(wal_sh->w_datadir, &wal_sh->w_control);
	lwlock_release(&wal_sh->w_control_lock);
	/* 5. old segments */
	wal_recycle_segments(redo);
	lwlock_release(&wal_sh->w_checkpoint_lock);
	log_msg(LV_DEBUG, "checkpoint at " WAL_LSN_FMT ", redo " WAL_LSN_FMT, WAL_LSN_ARGS(start),
	        WAL_LSN_ARGS(redo));
	return start;
}

/* ---- recovery ----------------------------------------------------------------------------- */

static void
set_state(uint32_t state)
{
	lwlock_acquire(&wal_sh->w_control_lock, LW_EXCLUSIVE);
	wal_sh->w_control.state = state;
	wal_control_write(wal_sh->w_datadir, &wal_sh->w_control);
	lwlock_release(&wal_sh->w_control_lock);
}

void
wal_recovery_run(const char *datadir, wal_recovery_result *out)
{
	wal_reader *volatile r = NULL;
	wal_recovery_result res;
	wal_control c;
	struct timespec t0, t1;

	memset(&res, 0, sizeof(res));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	wal_control_read(datadir, &c);
	res.checkpoint_lsn = c.checkpoint_lsn;
	res.next_xid = c.next_xid;
	log_msg(LV_INFO, "database system was %s; last checkpoint at " WAL_LSN_FMT,
	        wal_state_name(c.state), WAL_LSN_ARGS(c.checkpoint_lsn));
	if (c.state != WAL_STATE_SHUT_DOWN) {
		c.state = WAL_STATE_IN_RECOVERY;
		wal_control_write(datadir, &c);
	}
	ERR_TRY();
	{
		const wal_record *rec;
		wal_checkpoint_rec cp;
		const char *reason;
		wal_lsn last;

		r = wal_reader_open(datadir, c.sysid, c.seg_size);
		rec = wal_read_record(r, c.checkpoint_lsn);
		if (rec == NULL || rec->rmid != RM_XLOG || rec->info != WAL_XLOG_CHECKPOINT ||
		    rec->data_len != sizeof(cp)) {
			const char *why = "The record there is not a checkpoint.";

			if (rec == NULL)
				wal_reader_end(r, &why);
			ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
			err_detail("%s", why);
			err_hint("The WAL in \"%s/wal\" is damaged or does not belong to this control file.", datadir);
			err_throw("could not locate a valid checkpoint record at " WAL_LSN_FMT,
			          WAL_LSN_ARGS(c.checkpoint_lsn));
		}
		memcpy(&cp, rec->data, sizeof(cp));
		res.redo_lsn = cp.redo;
		if (cp.next_xid > res.next_xid)
			res.next_xid = cp.next_xid;
		last = rec->lsn;
		rec = wal_read_record(r, WAL_INVALID_LSN);
		if (rec == NULL && c.state == WAL_STATE_SHUT_DOWN) {
			res.clean = true;
		} else {
			for (int i = 0; i <= RM_MAX; i++)
				if (rmgrs[i].redo && rmgrs[i].startup)
					rmgrs[i].startup();
			rec = wal_read_record(r, cp.redo);
			if (rec == NULL) {
				wal_reader_end(r, &reason);
				ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
				err_detail("%s", reason);
				err_throw("could not read the redo start record at " WAL_LSN_FMT,
				          WAL_LSN_ARGS(cp.redo));
			}
			log_msg(LV_INFO, "redo starts at " WAL_LSN_FMT, WAL_LSN_ARGS(cp.redo));
			while (rec != NULL) {
				const wal_rmgr *rm = wal_rmgr_get(rec->rmid);

				if (rm == NULL) {
					ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
					err_hint("The module that wrote it is not registered in this server.");
					err_throw("WAL record at " WAL_LSN_FMT " has unknown resource manager %u",
					          WAL_LSN_ARGS(rec->lsn), rec->rmid);
				}
				rm->redo(rec);
				res.records++;
				if (rec->xid > res.max_xid)
					res.max_xid = rec->xid;
				last = rec->lsn;
				rec = wal_read_record(r, WAL_INVALID_LSN);
			}
			for (int i = 0; i <= RM_MAX; i++)
				if (rmgrs[i].redo && rmgrs[i].cleanup)
					rmgrs[i].cleanup();
		}
		res.end_lsn = wal_reader_end(r, &reason);
		snprintf(res.end_reason, sizeof(res.end_reason), "%s", reason);
		wal_reader_close(r);
		r = NULL;
		wal_startup(datadir, res.end_lsn, last);
	}
	ERR_CATCH();
	{
		if (r != NULL)
			wal_reader_close(r);
		err_rethrow();
	}
	ERR_END();
	if (res.clean) {
		set_state(WAL_STATE_IN_PRODUCTION);
	} else {
		log_msg(LV_INFO, "redo done at " WAL_LSN_FMT " (%s)", WAL_LSN_ARGS(res.end_lsn),
		        res.end_reason);
		wal_checkpoint(false);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	res.seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (res.clean)
		log_msg(LV_INFO, "database system was shut down cleanly; nothing to replay");
	else
		log_msg(LV_INFO, "recovery replayed %llu records in %.3f s", (unsigned long long)res.records,
		        res.seconds);
	if (out)
		*out = res;
}
