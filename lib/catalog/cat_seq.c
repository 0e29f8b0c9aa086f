/*
 * cat_seq.c — sequences' current values: shared-memory slots, a small file per sequence
 * written 32 values ahead, per-session currval/lastval and CACHE.  Design and crash argument:
 * lib/catalog/README.md section 6.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog/cat_int.h"
#include "shm/lwlock.h"
#include "util/cfg.h"

#define SEQ_SLOTS 1024
#define SEQ_LOG_VALS 32
#define SEQ_MAGIC 0x51534850u        /* "PHSQ" */
#define SEQ_FILE_VERSION 1
#define SEQ_REC_SIZE 64
#define SEQ_REC_STRIDE 512           /* the two records sit in different sectors */
#define SEQ_LWLOCK_TRANCHE 40

typedef struct seq_slot {
	lwlock sl_lock;          /* protects every field below; held across the file write */
	Oid sl_oid;              /* 0 = free; changed only under the map lock and sl_lock */
	uint32_t sl_usage;       /* clock-sweep usage count (under the map lock) */
	int64_t sl_last;         /* last value handed out, or the next one when !sl_called */
	bool sl_called;
	bool sl_loaded;          /* sl_last/sl_called read from the file */
	int32_t sl_log_cnt;      /* values after sl_last the file already covers */
	uint64_t sl_gen;         /* generation of the newest file record */
} __attribute__((aligned(64))) seq_slot;

typedef struct seq_shared {
	lwlock ss_map_lock;      /* slot <-> oid mapping, clock hand */
	uint32_t ss_nslots;
	uint32_t ss_hand;
	seq_slot ss_slots[SEQ_SLOTS];
} seq_shared;

size_t
cat_seq_shmem_size(void)
{
	return sizeof(seq_shared) + 64;
}

static seq_shared *seq_region_cache;

void
cat_seq_shmem_init(void *base)
{
	seq_shared *ss = (seq_shared *)(((uintptr_t)base + 63) & ~(uintptr_t)63);

	lwlock_init(&ss->ss_map_lock, SEQ_LWLOCK_TRANCHE);
	ss->ss_nslots = SEQ_SLOTS;
	for (int i = 0; i < SEQ_SLOTS; i++)
		lwlock_init(&ss->ss_slots[i].sl_lock, SEQ_LWLOCK_TRANCHE + 1);
}

/* The shared sequence table follows the catalog header (cat_cache.c's cat_shared). */
static seq_shared *
seq_region(void)
{
	if (seq_region_cache == NULL) {
		char *base = cat_shared_seq_area();

		seq_region_cache = (seq_shared *)(((uintptr_t)base + 63) & ~(uintptr_t)63);
	}
	return seq_region_cache;
}

/* ---- per-session state ------------------------------------------------------------------------ */

typedef struct seq_sess {
	Oid oid;
	bool valid;              /* currval defined */
	int64_t last;            /* currval */
	int64_t remaining;       /* values cached by CACHE n, served locally */
	int64_t next;
	int64_t inc, min, max;
	bool cycle;
	int hint;                /* slot index last used, -1 = none */
} seq_sess;

static seq_sess *sess;
static int nsess, capsess;
static Oid last_used;        /* lastval */

static seq_sess *
sess_get(Oid oid)
{
	for (int i = 0; i < nsess; i++)
		if (sess[i].oid == oid)
			return &sess[i];
	if (nsess == capsess) {
		int cap = capsess ? capsess * 2 : 8;
		seq_sess *p = realloc(sess, sizeof(seq_sess) * (size_t)cap);

		if (p == NULL)
			ph_error(ERRCODE_OUT_OF_MEMORY, "out of memory");
		sess = p;
		capsess = cap;
	}
	memset(&sess[nsess], 0, sizeof(seq_sess));
	sess[nsess].oid = oid;
	sess[nsess].hint = -1;
	return &sess[nsess++];
}

void
cat_seq_session_reset(void)
{
	nsess = 0;
	last_used = InvalidOid;
}

void
cat_seq_forget(void)
{
	cat_seq_session_reset();
	seq_region_cache = NULL;
	cat_shared_forget();
}

/* ---- the file ------------------------------------------------------------------------------------ */

static uint32_t
fnv32(const uint8_t *p, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 16777619u;
	return h;
}

static void
put_le(uint8_t *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t
get_le(const uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/* Record layout: magic u32, version u8, called u8, pad u16, generation u64, last i64,
 * oid u32, checksum u32 (FNV-1a of bytes 0..27), zero padding to 64 bytes. */
static void
rec_encode(uint8_t *r, Oid oid, uint64_t gen, int64_t last, bool called)
{
	memset(r, 0, SEQ_REC_SIZE);
	put_le(r, SEQ_MAGIC, 4);
	r[4] = SEQ_FILE_VERSION;
	r[5] = called;
	put_le(r + 8, gen, 8);
	put_le(r + 16, (uint64_t)last, 8);
	put_le(r + 24, oid, 4);
	put_le(r + 28, fnv32(r, 28), 4);
}

static bool
rec_decode(const uint8_t *r, Oid oid, uint64_t *gen, int64_t *last, bool *called)
{
	if (get_le(r, 4) != SEQ_MAGIC || r[4] != SEQ_FILE_VERSION || get_le(r + 24, 4) != oid ||
	    get_le(r + 28, 4) != fnv32(r, 28))
		return false;
	*called = r[5] != 0;
	*gen = get_le(r + 8, 8);
	*last = (int64_t)get_le(r + 16, 8);
	return true;
}

static void
seq_path(Oid oid, char *buf, size_t len, bool dir_only)
{
	const char *dd = cat_datadir();

	if (dd == NULL)
		ph_internal("sequence access without an open catalog");
	if (dir_only)
		snprintf(buf, len, "%s/seq", dd);
	else
		snprintf(buf, len, "%s/seq/%u", dd, oid);
}

/* Read the newest valid record; false when the file does not exist (never used).  Returns
 * an error message in err (raised by the caller after releasing its locks). */
static bool
file_read(Oid oid, uint64_t *gen, int64_t *last, bool *called, char *err, size_t errlen)
{
	char path[PATH_MAX];
	uint8_t buf[SEQ_REC_STRIDE + SEQ_REC_SIZE];
	ssize_t n;
	int fd;
	bool ok0, ok1;
	uint64_t g0 = 0, g1 = 0;
	int64_t l0 = 0, l1 = 0;
	bool c0 = false, c1 = false;

	seq_path(oid, path, sizeof(path), false);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			snprintf(err, errlen, "could not open sequence file \"%s\": %s", path, strerror(errno));
		return false;
	}
	memset(buf, 0, sizeof(buf));
	n = pread(fd, buf, sizeof(buf), 0);
	close(fd);
	if (n < 0) {
		snprintf(err, errlen, "could not read sequence file \"%s\": %s", path, strerror(errno));
		return false;
	}
	ok0 = rec_decode(buf, oid, &g0, &l0, &c0);
	ok1 = rec_decode(buf + SEQ_REC_STRIDE, oid, &g1, &l1, &c1);
	if (!ok0 && !ok1) {
		snprintf(err, errlen, "sequence file \"%s\" is corrupted", path);
		return false;
	}
	if (ok1 && (!ok0 || g1 > g0)) {
		*gen = g1;
		*last = l1;
		*called = c1;
	} else {
		*gen = g0;
		*last = l0;
		*called = c0;
	}
	return true;
}

/* Write the next generation's record and make it durable; 0 or -1 with err filled. */
static int
file_write(Oid oid, uint64_t *gen, int64_t last, bool called, char *err, size_t errlen)
{
	char path[PATH_MAX];
	uint8_t rec[SEQ_REC_SIZE];
	uint64_t g = *gen + 1;
	int fd;
	bool created = false;

	seq_path(oid, path, sizeof(path), false);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		char dir[PATH_MAX];

		seq_path(oid, dir, sizeof(dir), true);
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "could not create directory \"%s\": %s", dir, strerror(errno));
			return -1;
		}
		fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		created = true;
	}
	if (fd < 0) {
		snprintf(err, errlen, "could not open sequence file \"%s\": %s", path, strerror(errno));
		return -1;
	}
	rec_encode(rec, oid, g, last, called);
	if (pwrite(fd, rec, SEQ_REC_SIZE, (off_t)((g % 2) * SEQ_REC_STRIDE)) != SEQ_REC_SIZE ||
	    (settings.fsync && fdatasync(fd) != 0)) {
		snprintf(err, errlen, "could not write sequence file \"%s\": %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	if (created && settings.fsync) {
		char dir[PATH_MAX];
		int dfd;

		seq_path(oid, dir, sizeof(dir), true);
		dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (dfd >= 0) {
			(void)fsync(dfd);
			close(dfd);
		}
	}
	*gen = g;
	return 0;
}

/* ---- stepping ---------------------------------------------------------------------------------- */

typedef struct seq_params {
	int64_t inc, min, max;
	bool cycle;
} seq_params;

/* The value after v; false when the bound is reached without CYCLE. */
static bool
step(const seq_params *p, int64_t v, int64_t *out)
{
	if (p->inc > 0) {
		if (v > p->max - p->inc) {       /* overflow-safe "v + inc > max" */
			if (!p->cycle)
				return false;
			*out = p->min;
			return true;
		}
	} else if (v < p->min - p->inc) {
		if (!p->cycle)
			return false;
		*out = p->max;
		return true;
	}
	*out = v + p->inc;
	return true;
}

/* ---- slots ------------------------------------------------------------------------------------- */

static void
release_all_seq_locks(void)
{
	seq_shared *ss = seq_region();

	for (int i = 0; i < SEQ_SLOTS; i++)
		if (lwlock_held_by_me(&ss->ss_slots[i].sl_lock))
			lwlock_release(&ss->ss_slots[i].sl_lock);
	if (lwlock_held_by_me(&ss->ss_map_lock))
		lwlock_release(&ss->ss_map_lock);
}

static int
slot_find(seq_shared *ss, Oid oid)
{
	for (int i = 0; i < SEQ_SLOTS; i++)
		if (ss->ss_slots[i].sl_oid == oid)
			return i;
	return -1;
}

/* Write a slot's exact value (eviction, flush); slot lock held.  Raises. */
static void
slot_flush(seq_slot *s)
{
	char err[PATH_MAX + 256];

	if (!s->sl_loaded || s->sl_log_cnt == 0)
		return;
	if (file_write(s->sl_oid, &s->sl_gen, s->sl_last, s->sl_called, err, sizeof(err)) != 0)
		ph_error(ERRCODE_IO_ERROR, "%s", err);
	s->sl_log_cnt = 0;
}

/* The slot of oid, loaded, with its lock held exclusively.  Raises (locks released by the
 * caller's error path). */
static seq_slot *
slot_acquire(Oid oid, seq_sess *se, const cat_sequence *def)
{
	seq_shared *ss = seq_region();
	seq_slot *s;
	int idx = se->hint;

	if (idx >= 0) {
		s = &ss->ss_slots[idx];
		lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
		if (s->sl_oid == oid)
			goto found;
		lwlock_release(&s->sl_lock);
	}
	lwlock_acquire(&ss->ss_map_lock, LW_SHARED);
	idx = slot_find(ss, oid);
	if (idx < 0) {
		lwlock_release(&ss->ss_map_lock);
		lwlock_acquire(&ss->ss_map_lock, LW_EXCLUSIVE);
		idx = slot_find(ss, oid);
	}
	if (idx < 0) {
		/* A free slot, else the clock sweep's victim (its exact value written first). */
		idx = slot_find(ss, InvalidOid);
		while (idx < 0) {
			seq_slot *c = &ss->ss_slots[ss->ss_hand];

			if (c->sl_usage == 0)
				idx = (int)ss->ss_hand;
			else
				c->sl_usage--;
			ss->ss_hand = (ss->ss_hand + 1) % SEQ_SLOTS;
		}
		s = &ss->ss_slots[idx];
		lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
		if (s->sl_oid != InvalidOid)
			slot_flush(s);
		s->sl_oid = oid;
		s->sl_loaded = false;
		s->sl_usage = 1;
	} else {
		s = &ss->ss_slots[idx];
		lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
		if (s->sl_usage < 5)
			s->sl_usage++;
	}
	lwlock_release(&ss->ss_map_lock);
found:
	se->hint = idx;
	if (!s->sl_loaded) {
		char err[PATH_MAX + 256] = "";
		uint64_t gen = 0;
		int64_t last;
		bool called;

		if (file_read(oid, &gen, &last, &called, err, sizeof(err))) {
			s->sl_last = last;
			s->sl_called = called;
		} else if (err[0] != '\0') {
			ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
			err_throw("%s", err);
		} else {
			s->sl_last = def->start;
			s->sl_called = false;
		}
		s->sl_gen = gen;
		s->sl_log_cnt = 0;
		s->sl_loaded = true;
	}
	return s;
}

/* ---- the SQL functions --------------------------------------------------------------------------- */

static const cat_relation *
seq_rel(Oid oid)
{
	const cat_relation *rel = cat_get_relation(oid);

	if (rel == NULL)
		ph_error(ERRCODE_UNDEFINED_TABLE, "relation with OID %u does not exist", oid);
	if (rel->kind != CAT_RELKIND_SEQUENCE || rel->seq == NULL)
		ph_error(ERRCODE_WRONG_OBJECT_TYPE, "\"%s\" is not a sequence", rel->name);
	return rel;
}

static void
limit_reached(const cat_relation *rel, const seq_params *p)
{
	ERR_BEGIN(ERRCODE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED);
	err_throw("nextval: reached %s value of sequence \"%s\" (%lld)",
	          p->inc > 0 ? "maximum" : "minimum", rel->name,
	          (long long)(p->inc > 0 ? p->max : p->min));
}

/* Fetch up to want values into the slot's state; returns how many and the first. */
static int64_t
slot_fetch(seq_slot *s, const seq_params *p, int64_t want, int64_t *first, bool *limit)
{
	int64_t v = s->sl_last, got = 0, ahead;
	char err[PATH_MAX + 256];

	*limit = false;
	while (got < want) {
		int64_t nv;

		if (!s->sl_called && got == 0) {
			if (v < p->min || v > p->max) {
				*limit = true;
				return 0;
			}
			nv = v;
		} else if (!step(p, v, &nv)) {
			if (got == 0) {
				*limit = true;
				return 0;
			}
			break;
		}
		if (got == 0)
			*first = nv;
		v = nv;
		got++;
	}
	if (s->sl_log_cnt < got) {
		/* Write ahead: a restart resumes after every value handed out (README section 6). */
		ahead = v;
		for (int i = 0; i < SEQ_LOG_VALS; i++) {
			int64_t nv;

			if (!step(p, ahead, &nv))
				break;
			ahead = nv;
		}
		if (file_write(s->sl_oid, &s->sl_gen, ahead, true, err, sizeof(err)) != 0)
			ph_error(ERRCODE_IO_ERROR, "%s", err);
		s->sl_log_cnt = SEQ_LOG_VALS;
	} else
		s->sl_log_cnt -= (int32_t)got;
	s->sl_last = v;
	s->sl_called = true;
	return got;
}

int64_t
cat_seq_nextval(Oid oid)
{
	const cat_relation *rel = seq_rel(oid);
	seq_sess *se = sess_get(oid);
	seq_params p = {rel->seq->increment, rel->seq->min, rel->seq->max, rel->seq->cycle};
	volatile int64_t first = 0, got = 0;
	volatile bool limit = false;

	if (se->remaining > 0) {
		first = se->next;
		se->remaining--;
		if (se->remaining > 0) {
			seq_params sp = {se->inc, se->min, se->max, se->cycle};
			int64_t nv;

			if (step(&sp, se->next, &nv))
				se->next = nv;
			else
				se->remaining = 0;
		}
	} else {
		ERR_TRY();
		{
			seq_slot *s = slot_acquire(oid, se, rel->seq);
			int64_t f = 0;
			bool lim = false;

			got = slot_fetch(s, &p, rel->seq->cache > 0 ? rel->seq->cache : 1, &f, &lim);
			first = f;
			limit = lim;
			lwlock_release(&s->sl_lock);
		}
		ERR_CATCH();
		{
			release_all_seq_locks();
			err_rethrow();
		}
		ERR_END();
		if (limit)
			limit_reached(rel, &p);
		se->remaining = got - 1;
		if (se->remaining > 0) {
			int64_t nv = first;

			(void)step(&p, first, &nv);
			se->next = nv;
			se->inc = p.inc;
			se->min = p.min;
			se->max = p.max;
			se->cycle = p.cycle;
		}
	}
	se->last = first;
	se->valid = true;
	last_used = oid;
	return first;
}

int64_t
cat_seq_currval(Oid oid)
{
	const cat_relation *rel = seq_rel(oid);
	seq_sess *se = sess_get(oid);

	if (!se->valid)
		ph_error(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
		         "currval of sequence \"%s\" is not yet defined in this session", rel->name);
	return se->last;
}

int64_t
cat_seq_lastval(void)
{
	const cat_relation *rel;

	if (last_used == InvalidOid)
		ph_error(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
		         "lastval is not yet defined in this session");
	rel = cat_get_relation(last_used);
	if (rel == NULL || rel->kind != CAT_RELKIND_SEQUENCE)
		ph_error(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE,
		         "lastval is not yet defined in this session");
	return sess_get(last_used)->last;
}

int64_t
cat_seq_setval(Oid oid, int64_t value, bool is_called)
{
	const cat_relation *rel = seq_rel(oid);
	seq_sess *se = sess_get(oid);
	const cat_sequence *def = rel->seq;

	if (value < def->min || value > def->max)
		ph_error(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
		         "setval: value %lld is out of bounds for sequence \"%s\" (%lld..%lld)",
		         (long long)value, rel->name, (long long)def->min, (long long)def->max);
	ERR_TRY();
	{
		seq_slot *s = slot_acquire(oid, se, def);
		char err[PATH_MAX + 256];

		if (file_write(oid, &s->sl_gen, value, is_called, err, sizeof(err)) != 0)
			ph_error(ERRCODE_IO_ERROR, "%s", err);
		s->sl_last = value;
		s->sl_called = is_called;
		s->sl_log_cnt = 0;
		lwlock_release(&s->sl_lock);
	}
	ERR_CATCH();
	{
		release_all_seq_locks();
		err_rethrow();
	}
	ERR_END();
	se->remaining = 0;
	if (is_called) {
		se->last = value;
		se->valid = true;
	}
	return value;
}

void
cat_seq_flush_all(void)
{
	seq_shared *ss = seq_region();

	ERR_TRY();
	{
		for (int i = 0; i < SEQ_SLOTS; i++) {
			seq_slot *s = &ss->ss_slots[i];

			lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
			if (s->sl_oid != InvalidOid)
				slot_flush(s);
			lwlock_release(&s->sl_lock);
		}
	}
	ERR_CATCH();
	{
		release_all_seq_locks();
		err_rethrow();
	}
	ERR_END();
}

void
cat_seq_remove(Oid oid)
{
	seq_shared *ss = seq_region();
	char path[PATH_MAX];
	int idx;

	lwlock_acquire(&ss->ss_map_lock, LW_EXCLUSIVE);
	idx = slot_find(ss, oid);
	if (idx >= 0) {
		seq_slot *s = &ss->ss_slots[idx];

		lwlock_acquire(&s->sl_lock, LW_EXCLUSIVE);
		s->sl_oid = InvalidOid;
		s->sl_loaded = false;
		s->sl_usage = 0;
		lwlock_release(&s->sl_lock);
	}
	lwlock_release(&ss->ss_map_lock);
	for (int i = 0; i < nsess; i++)
		if (sess[i].oid == oid)
			sess[i] = sess[--nsess];
	if (last_used == oid)
		last_used = InvalidOid;
	seq_path(oid, path, sizeof(path), false);
	if (unlink(path) != 0 && errno != ENOENT)
		ph_error(ERRCODE_IO_ERROR, "could not remove sequence file \"%s\": %s", path,
		         strerror(errno));
}
