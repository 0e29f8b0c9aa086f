/*
 * cat_boot.c — the catalog environment's life: bootstrap, open after fork, close, the
 * supervisor's stale-reader check, vacuum and the relfilenode list for the orphan sweep.
 * See lib/catalog/README.md sections 1, 3 and 4.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "catalog/cat_int.h"
#include "util/cfg.h"
#include "util/log.h"

static const char *const dbi_names[DBI_COUNT] = {
	"meta", "object", "attribute", "name", "depend", "statistic"
};

static bool bootstrapping;

/* Reader slots: one per process of the server plus tools (README section 1). */
static unsigned
max_readers(void)
{
	int64_t n = settings.max_connections + 64;

	return n < 126 ? 126 : (unsigned)n;
}

MDB_env *
cat_env_open(const char *path)
{
	MDB_env *env;
	int rc = mdb_env_create(&env);

	if (rc != 0)
		cat_mdb_error(rc, "environment create");
	if ((rc = mdb_env_set_maxreaders(env, max_readers())) != 0 ||
	    (rc = mdb_env_set_maxdbs(env, DBI_COUNT + 2)) != 0 ||
	    (rc = mdb_env_set_mapsize(env, CAT_MAP_SIZE)) != 0 ||
	    (rc = mdb_env_open(env, path, MDB_NOTLS | (settings.fsync ? 0 : MDB_NOSYNC), 0600)) != 0) {
		mdb_env_close(env);
		cat_mdb_error(rc, "environment open");
	}
	return env;
}

static void
catalog_path(const char *datadir, char *buf, size_t len)
{
	if ((size_t)snprintf(buf, len, "%s/catalog", datadir) >= len)
		ph_error(ERRCODE_PROGRAM_LIMIT_EXCEEDED, "data directory path is too long");
}

static bool
catalog_exists(const char *path)
{
	char f[PATH_MAX + 16];
	struct stat st;

	snprintf(f, sizeof(f), "%s/data.mdb", path);
	return stat(f, &st) == 0;
}

void
cat_open(const char *datadir)
{
	char path[PATH_MAX];
	MDB_env *env;
	MDB_txn *txn;
	int rc;

	mem_init();
	if (cat_st.env != NULL) {
		if (cat_env_mine() && strcmp(datadir, cat_st.datadir) == 0)
			return;
		cat_store_detach(cat_env_mine());
	}
	catalog_path(datadir, path, sizeof(path));
	if (!catalog_exists(path)) {
		ERR_BEGIN(ERRCODE_UNDEFINED_FILE);
		err_hint("Create a data directory with \"phantomctl init\".");
		err_throw("catalog does not exist in \"%s\"", path);
	}
	env = cat_env_open(path);
	rc = mdb_txn_begin(env, NULL, MDB_RDONLY, &txn);
	for (int i = 0; rc == 0 && i < DBI_COUNT; i++)
		rc = mdb_dbi_open(txn, dbi_names[i], 0, &cat_st.dbi[i]);
	if (rc == 0) {
		uint32_t format = 0;
		MDB_val k = {6, "format"}, v;
		int grc = mdb_get(txn, cat_st.dbi[DBI_META], &k, &v);

		if (grc == 0 && v.mv_size == 4) {
			const uint8_t *fb = v.mv_data;

			format = fb[0] | (fb[1] << 8) | (fb[2] << 16) | ((uint32_t)fb[3] << 24);
		}
		if (!bootstrapping && format != CAT_FORMAT) {
			mdb_txn_abort(txn);
			mdb_env_close(env);
			ERR_BEGIN(ERRCODE_DATA_CORRUPTED);
			if (format == 0)
				err_detail("The catalog has no format entry; bootstrap did not finish.");
			else
				err_detail("The catalog has format %u; this server reads format %d.", format,
				           CAT_FORMAT);
			err_throw("catalog in \"%s\" cannot be used", path);
		}
		rc = mdb_txn_commit(txn);        /* keeps the dbi handles */
	} else
		mdb_txn_abort(txn);
	if (rc != 0) {
		mdb_env_close(env);
		if (rc == MDB_NOTFOUND)
			ph_error(ERRCODE_DATA_CORRUPTED, "catalog in \"%s\" is missing a sub-database", path);
		cat_mdb_error(rc, "open");
	}
	cat_st.env = env;
	cat_st.pid = getpid();
	cat_st.inherited = false;
	cat_note_forks();
	snprintf(cat_st.datadir, sizeof(cat_st.datadir), "%s", datadir);
	if (cat_st.ctx == NULL)
		cat_st.ctx = mem_create(mem_top, "catalog");
	cat_cache_init();
	(void)cat_shared_region();
}

void
cat_close(void)
{
	if (cat_st.env == NULL)
		return;
	cat_store_detach(cat_env_mine());
	cat_cache_flush();
	cat_seq_forget();
}

bool
cat_is_open(void)
{
	return cat_env_mine();
}

const char *
cat_datadir(void)
{
	return cat_st.env != NULL ? cat_st.datadir : NULL;
}

int
cat_startup_check(const char *datadir)
{
	char path[PATH_MAX];
	MDB_env *env;
	int dead = 0, rc;

	if (cat_is_open())
		env = cat_st.env;
	else {
		catalog_path(datadir, path, sizeof(path));
		if (!catalog_exists(path))
			ph_error(ERRCODE_UNDEFINED_FILE, "catalog does not exist in \"%s\"", path);
		env = cat_env_open(path);
	}
	rc = mdb_reader_check(env, &dead);
	if (env != cat_st.env)
		mdb_env_close(env);
	if (rc != 0)
		cat_mdb_error(rc, "reader check");
	if (dead > 0)
		log_info("catalog: cleared %d stale reader slot%s", dead, dead == 1 ? "" : "s");
	return dead;
}

/* ---- bootstrap ----------------------------------------------------------------------------------- */

static void
le32(uint8_t *b, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

/* Create the sub-databases and the OID counter (no format yet: see bootstrap_objects). */
static void
bootstrap_env(const char *path)
{
	MDB_env *env = cat_env_open(path);
	MDB_txn *txn;
	MDB_dbi dbi;
	uint8_t b[4];
	MDB_val k = {8, "next_oid"}, v = {4, b};
	int rc = mdb_txn_begin(env, NULL, 0, &txn);

	for (int i = 0; rc == 0 && i < DBI_COUNT; i++) {
		rc = mdb_dbi_open(txn, dbi_names[i], MDB_CREATE, &dbi);
		if (rc == 0 && i == DBI_META) {
			le32(b, CAT_FIRST_USER_OID);
			rc = mdb_put(txn, dbi, &k, &v, 0);
		}
	}
	if (rc == 0)
		rc = mdb_txn_commit(txn);
	else
		mdb_txn_abort(txn);
	mdb_env_close(env);
	if (rc != 0)
		cat_mdb_error(rc, "bootstrap");
}

static void
bootstrap_objects(const char *superuser)
{
	cat_ddl *d = cat_ddl_begin(CAT_XID_BOOTSTRAP, 0);
	cat_role_def su;
	uint8_t b[4];
	char info[160];

	DDL_GUARD(d, {
		memset(&su, 0, sizeof(su));
		su.name = superuser;
		su.superuser = su.login = su.createdb = su.createrole = su.inherit = true;
		su.replication = su.bypassrls = true;
		su.conn_limit = -1;
		cat_do_create_role(d, &su, CAT_BOOTSTRAP_SUPERUSER_OID);
		cat_do_create_namespace(d, 0, "pg_catalog", CAT_BOOTSTRAP_SUPERUSER_OID,
		                        CAT_PG_CATALOG_NAMESPACE);
		cat_do_create_namespace(d, 0, "information_schema", CAT_BOOTSTRAP_SUPERUSER_OID,
		                        CAT_INFORMATION_SCHEMA_NAMESPACE);
		cat_do_create_database(d, "phantom", CAT_BOOTSTRAP_SUPERUSER_OID, CAT_PHANTOM_DB_OID,
		                       CAT_PUBLIC_NAMESPACE);
		le32(b, CAT_FORMAT);
		cat_meta_put(cat_st.wtxn, "format", b, 4);
		snprintf(info, sizeof(info), "superuser=%s time=%lld", superuser, (long long)time(NULL));
		cat_meta_put(cat_st.wtxn, "bootstrap", info, strlen(info));
	});
	cat_ddl_commit(d);
}

static void
remove_catalog_files(const char *path)
{
	char f[PATH_MAX + 16];

	snprintf(f, sizeof(f), "%s/data.mdb", path);
	unlink(f);
	snprintf(f, sizeof(f), "%s/lock.mdb", path);
	unlink(f);
}

void
cat_bootstrap(const char *datadir, const char *superuser)
{
	char path[PATH_MAX];
	struct stat st;
	size_t sl = superuser ? strlen(superuser) : 0;

	if (cat_is_open())
		ph_internal("cat_bootstrap called with the catalog open in this process");
	if (sl == 0 || sl >= CAT_NAMELEN)
		ph_error(sl ? ERRCODE_NAME_TOO_LONG : ERRCODE_INVALID_NAME,
		         "invalid superuser name \"%s\"", superuser ? superuser : "");
	if (stat(datadir, &st) != 0 || !S_ISDIR(st.st_mode))
		ph_error(ERRCODE_UNDEFINED_FILE, "data directory \"%s\" does not exist", datadir);
	catalog_path(datadir, path, sizeof(path));
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		ph_error(ERRCODE_IO_ERROR, "could not create directory \"%s\": %s", path, strerror(errno));
	if (catalog_exists(path))
		ph_error(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE, "catalog in \"%s\" already exists", path);
	bootstrap_env(path);
	bootstrapping = true;
	ERR_TRY();
	{
		int rc;

		cat_open(datadir);
		bootstrap_objects(superuser);
		/* durable whatever fsync says: init is run once and must not be lost */
		if ((rc = mdb_env_sync(cat_st.env, 1)) != 0)
			cat_mdb_error(rc, "sync");
	}
	ERR_CATCH();
	{
		bootstrapping = false;
		cat_close();
		remove_catalog_files(path);
		err_rethrow();
	}
	ERR_END();
	bootstrapping = false;
	cat_close();
}

/* ---- vacuum --------------------------------------------------------------------------------------- */

#define VACUUM_BATCH 1000

typedef struct vac_action {
	uint8_t *key;
	size_t klen;
	uint8_t *val;     /* NULL: delete; else the rewritten value */
	size_t vlen;
} vac_action;

/* One write transaction over at most VACUUM_BATCH changes from *resume on; returns the
 * number of changes; *done when the sub-database was scanned to its end. */
static int
vacuum_round(int dbi, uint64_t oldest_xmin, keybuf *resume, bool *done)
{
	MDB_cursor *cur = cat_cursor_open(cat_st.wtxn, dbi);
	MDB_val k, v;
	vac_action *acts = palloc(sizeof(vac_action) * VACUUM_BATCH);
	int n = 0, rc;

	if (resume->n > 0) {
		k.mv_data = resume->b;
		k.mv_size = resume->n;
		rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
	} else
		rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
	*done = true;
	for (; rc == 0; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
		vhdr h;
		bool del = false, clear = false;

		if (n == VACUUM_BATCH) {
			*done = false;
			memcpy(resume->b, k.mv_data, k.mv_size);     /* continue here next round */
			resume->n = k.mv_size;
			break;
		}
		cat_vhdr_decode(v.mv_data, v.mv_size, &h);
		if (h.xmin >= CAT_XID_FIRST_NORMAL) {
			cat_xid_state s = cat_call_xid_state(h.xmin);

			if (s == CAT_XID_ABORTED)
				del = true;
			else if (s == CAT_XID_IN_PROGRESS)
				continue;
		}
		if (!del && h.xmax >= CAT_XID_FIRST_NORMAL) {
			cat_xid_state s = cat_call_xid_state(h.xmax);

			if (s == CAT_XID_COMMITTED && h.xmax < oldest_xmin)
				del = true;
			else if (s == CAT_XID_ABORTED)
				clear = true;
		}
		if (!del && !clear)
			continue;
		acts[n].klen = k.mv_size;
		acts[n].key = palloc(k.mv_size);
		memcpy(acts[n].key, k.mv_data, k.mv_size);
		acts[n].val = NULL;
		if (clear) {
			h.xmax = 0;
			h.cmax = 0;
			acts[n].vlen = v.mv_size;
			acts[n].val = palloc(v.mv_size);
			memcpy(acts[n].val, v.mv_data, v.mv_size);
			cat_vhdr_encode(&h, acts[n].val);
		}
		n++;
	}
	cat_cursor_close(cur);
	if (rc != 0 && rc != MDB_NOTFOUND)
		cat_mdb_error(rc, "vacuum read");
	for (int i = 0; i < n; i++) {
		MDB_val ak = {acts[i].klen, acts[i].key}, av = {acts[i].vlen, acts[i].val};

		rc = acts[i].val ? mdb_put(cat_st.wtxn, cat_st.dbi[dbi], &ak, &av, 0)
		                 : mdb_del(cat_st.wtxn, cat_st.dbi[dbi], &ak, NULL);
		if (rc != 0)
			cat_mdb_error(rc, "vacuum write");
		pfree(acts[i].key);
		if (acts[i].val)
			pfree(acts[i].val);
	}
	pfree(acts);
	return n;
}

typedef struct vac_state {
	int dbi;
	uint64_t oldest_xmin;
	keybuf resume;
	bool done;
	int64_t total;
} vac_state;

static void
vacuum_step(void *arg)
{
	vac_state *vs = arg;

	vs->total += vacuum_round(vs->dbi, vs->oldest_xmin, &vs->resume, &vs->done);
}

int64_t
cat_vacuum(uint64_t oldest_xmin)
{
	static const int dbis[] = {DBI_OBJECT, DBI_ATTRIBUTE, DBI_NAME, DBI_DEPEND, DBI_STATISTIC};
	vac_state vs;

	cat_require_open();
	if (cat_ddl_current() != NULL)
		ph_internal("cat_vacuum inside a DDL batch");
	cat_rd_reset_all();
	memset(&vs, 0, sizeof(vs));
	vs.oldest_xmin = oldest_xmin;
	for (size_t i = 0; i < sizeof(dbis) / sizeof(dbis[0]); i++) {
		vs.dbi = dbis[i];
		vs.resume.n = 0;
		vs.done = false;
		while (!vs.done)
			cat_run_write(vacuum_step, &vs);
	}
	if (vs.total > 0)
		cat_cache_flush();
	return vs.total;
}

/* ---- relfilenodes for the orphan sweep ----------------------------------------------------------- */

static int
cmp_oid(const void *a, const void *b)
{
	Oid x = *(const Oid *)a, y = *(const Oid *)b;

	return x < y ? -1 : x > y;
}

/*
 * Relations that may still be live (creating transaction not aborted, deletion not
 * committed) in database db, or in every database when sequences: their relfilenodes, or
 * for sequences their oids.  Sorted, unique.
 */
static int
possibly_live(Oid db, bool sequences, Oid **out)
{
	volatile int count = 0;
	volatile int cap = 64;
	Oid *volatile res = palloc(sizeof(Oid) * (size_t)cap);

	cat_require_open();
	RD_GUARD({
		MDB_txn *txn = cat_rd_begin();
		MDB_cursor *cur = cat_cursor_open(txn, DBI_OBJECT);
		MDB_val k, v;
		int rc;
		mem_ctx *scratch = mem_create(mem_cur, "live relations");

		for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0;
		     rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
			vhdr h;
			cat_relation rel;
			Oid x;

			cat_vhdr_decode(v.mv_data, v.mv_size, &h);
			if (h.kind != REC_RELATION)
				continue;
			if (cat_call_xid_state(h.xmin) == CAT_XID_ABORTED)
				continue;
			if (h.xmax != 0 && cat_call_xid_state(h.xmax) == CAT_XID_COMMITTED)
				continue;
			cat_dec_relation((const uint8_t *)v.mv_data + VHDR_SIZE, h.plen, &rel, scratch);
			if (sequences)
				x = rel.kind == CAT_RELKIND_SEQUENCE ? cat_rd_be32(k.mv_data) : InvalidOid;
			else
				x = rel.db == db ? rel.relfilenode : InvalidOid;
			if (x == InvalidOid)
				continue;
			if (count == cap) {
				cap *= 2;
				res = repalloc(res, sizeof(Oid) * (size_t)cap);
			}
			res[count++] = x;
		}
		mem_delete(scratch);
		cat_cursor_close(cur);
		if (rc != MDB_NOTFOUND)
			cat_mdb_error(rc, "cursor read");
		cat_rd_end();
	});
	qsort(res, (size_t)count, sizeof(Oid), cmp_oid);
	{
		int u = 0;

		for (int i = 0; i < count; i++)
			if (u == 0 || res[u - 1] != res[i])
				res[u++] = res[i];
		count = u;
	}
	*out = res;
	return count;
}

int
cat_list_relfilenodes(Oid db, Oid **out)
{
	return possibly_live(db, false, out);
}

int
cat_seq_sweep(void)
{
	Oid *live;
	int nlive = possibly_live(InvalidOid, true, &live), removed = 0;
	char path[PATH_MAX + 8];
	DIR *dir;
	struct dirent *de;

	snprintf(path, sizeof(path), "%s/seq", cat_st.datadir);
	dir = opendir(path);
	if (dir == NULL)
		return 0;                       /* no sequence was ever used */
	while ((de = readdir(dir)) != NULL) {
		char *end;
		unsigned long oid = strtoul(de->d_name, &end, 10);

		if (de->d_name[0] == '.' || *end != '\0' || oid == 0 || oid > UINT32_MAX)
			continue;
		if (bsearch(&(Oid){(Oid)oid}, live, (size_t)nlive, sizeof(Oid), cmp_oid) != NULL)
			continue;
		cat_seq_remove((Oid)oid);
		removed++;
	}
	closedir(dir);
	pfree(live);
	if (removed > 0)
		log_info("catalog: removed %d sequence file%s of dropped sequences", removed,
		         removed == 1 ? "" : "s");
	return removed;
}
