/*
 * cat.h — the system catalog (LMDB under DATADIR/catalog).  Design, formats, invariants and
 * the MVCC argument: lib/catalog/README.md.
 *
 * Entry points, by caller:
 *   supervisor      cat_startup_check (at start and after every crash reset, before forking)
 *   phantomctl init cat_bootstrap
 *   every process   cat_open after fork, cat_close before exit
 *   statement loop  cat_begin_statement + cat_set_snapshot at the start of each statement,
 *                   cat_error_cleanup in the error frame
 *   transactions    cat_set_visibility_hook, cat_set_xid_state_hook, cat_commit_ddl,
 *                   cat_abort_ddl, cat_vacuum
 *   SQL engine      lookups (cat_resolve_relation, cat_get_relation, ...), lists, and DDL
 *                   inside cat_ddl_begin .. cat_ddl_commit
 *   startup sweep   cat_list_relfilenodes (data files), cat_seq_sweep (sequence files), both
 *                   before any transaction starts
 *
 * Common rules:
 *  - Any process of the server may call any function after its own cat_open (never on an
 *    environment inherited through fork: that raises XX000); lookups need no shared memory,
 *    cross-process cache invalidation and sequences use the "catalog" region when attached.
 *  - Every function may raise (util/err.h); none leaves an LMDB transaction or cursor open
 *    when it does.  No catalog function waits for a lock or another transaction.
 *  - Descriptors returned by cat_get_* / cat_lookup_* (const pointers) live in the process's
 *    catalog cache: valid until the next cat_begin_statement, cat_check_version that returns
 *    true, cat_ddl_commit, cat_ddl_abort, cat_commit_ddl, cat_abort_ddl or cat_cache_flush.
 *    Copy what you keep longer.
 *  - Arrays returned by cat_list_* are palloc'd in mem_cur and belong to the caller.
 *  - Strings passed in are only borrowed for the call.
 *  - Names are at most CAT_NAMELEN - 1 (63) bytes; longer ones raise 42622 (the SQL layer
 *    truncates identifiers with a NOTICE before, as PostgreSQL does).
 *  - Conflicts with another transaction's uncommitted change raise 40001 and set
 *    cat_conflict_xid() to that transaction; the caller may wait for it and retry.
 */
#ifndef PH_CATALOG_CAT_H
#define PH_CATALOG_CAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "types/datum.h"

#define CAT_NAMELEN 64

/* ---- fixed OIDs and reserved transaction ids ------------------------------------------- */
#define CAT_BOOTSTRAP_SUPERUSER_OID 10
#define CAT_PHANTOM_DB_OID 5
#define CAT_PG_CATALOG_NAMESPACE 11
#define CAT_PUBLIC_NAMESPACE 2200          /* public of database `phantom`; other databases'
                                            * public schemas get ordinary oids */
#define CAT_INFORMATION_SCHEMA_NAMESPACE 13000
#define CAT_FIRST_USER_OID 16384

#define CAT_XID_INVALID 0
#define CAT_XID_BOOTSTRAP 1   /* bootstrap records: always committed */
#define CAT_XID_FROZEN 2      /* always committed */
#define CAT_XID_FIRST_NORMAL 3

/* ---- object kinds and references -------------------------------------------------------- */
typedef enum cat_objkind {
	CAT_OBJ_NONE = 0,
	CAT_OBJ_DATABASE = 1,
	CAT_OBJ_NAMESPACE = 2,
	CAT_OBJ_RELATION = 3,   /* subid 0: the relation; subid = attnum: one column */
	CAT_OBJ_CONSTRAINT = 4,
	CAT_OBJ_DEFAULT = 5,    /* the default expression of column (oid, subid) */
	CAT_OBJ_ROLE = 6,
	CAT_OBJ_FUNCTION = 7,
	CAT_OBJ_GENERIC = 8
} cat_objkind;

typedef struct cat_objref {
	uint8_t kind;           /* cat_objkind */
	Oid oid;
	int16_t subid;
} cat_objref;

/* pg_class.relkind values */
#define CAT_RELKIND_TABLE 'r'
#define CAT_RELKIND_INDEX 'i'
#define CAT_RELKIND_VIEW 'v'
#define CAT_RELKIND_SEQUENCE 'S'
#define CAT_RELKIND_MATVIEW 'm'

/* dependency types (pg_depend.deptype) */
#define CAT_DEP_NORMAL 'n'
#define CAT_DEP_AUTO 'a'
#define CAT_DEP_INTERNAL 'i'

typedef enum { CAT_RESTRICT = 0, CAT_CASCADE = 1 } cat_drop_behavior;

/* ---- snapshots and the transaction layer's hooks ---------------------------------------- */

/*
 * The reader's snapshot.  cs_xid/cs_cid/cs_subxids identify the reader's own transaction
 * (whose changes it sees by command id); cs_txn is the transaction layer's own snapshot,
 * passed through to the visibility hook untouched.
 */
/*
 * The catalog snapshot must be taken at the start of each statement, also in REPEATABLE READ
 * and SERIALIZABLE transactions (PostgreSQL's catalog snapshot): the cache holds the latest
 * committed definitions, and a transaction snapshot older than a cached entry would fill the
 * cache with definitions that are already outdated.
 */
typedef struct cat_snapshot {
	uint64_t cs_xid;             /* own transaction, 0 = none */
	uint32_t cs_cid;             /* current command id within cs_xid */
	uint32_t cs_nsubxids;
	const uint64_t *cs_subxids;  /* subtransaction ids that count as own (copied) */
	const void *cs_txn;          /* opaque to the catalog */
} cat_snapshot;

typedef enum {
	CAT_XID_IN_PROGRESS = 0,
	CAT_XID_COMMITTED = 1,
	CAT_XID_ABORTED = 2
} cat_xid_state;

/*
 * Visibility of a version created by xmin and deleted by xmax (0 = not deleted) to snap:
 * true when xmin committed and is visible to the snapshot, and xmax is 0, aborted or not
 * visible to it.  Never called with an xid of the snapshot's own transaction (the catalog
 * resolves those with command ids and passes CAT_XID_FROZEN / 0 instead).  xids below
 * CAT_XID_FIRST_NORMAL are always committed.  Must not raise.
 */
typedef bool (*cat_visibility_hook)(uint64_t xmin, uint64_t xmax, const cat_snapshot *snap);
/* The fate of xid now (not as of a snapshot): for DDL conflict checks.  Must not raise. */
typedef cat_xid_state (*cat_xid_state_hook)(uint64_t xid);

/* Install hooks (NULL restores the default: every transaction counts as committed). */
void cat_set_visibility_hook(cat_visibility_hook fn);
void cat_set_xid_state_hook(cat_xid_state_hook fn);

/* ---- process life cycle ------------------------------------------------------------------ */

/*
 * Create DATADIR/catalog with database `phantom` (oid 5), schemas pg_catalog, public and
 * information_schema, and the superuser role (oid 10, no password).  Opens and closes the
 * environment itself: call it in a process that has not called cat_open.  Raises 42P04 if
 * the catalog already exists, 58030 on I/O errors, 42622 for a too long name.
 */
void cat_bootstrap(const char *datadir, const char *superuser);

/*
 * Open the environment in this process (after fork).  Reads the shared "catalog" region if
 * shared memory is attached.  Raises 58P01 if there is no catalog, XX001 for an unknown
 * format, 58030 for LMDB errors.  Idempotent for the same datadir in the same process.
 */
void cat_open(const char *datadir);
void cat_close(void);
bool cat_is_open(void);
const char *cat_datadir(void);

/*
 * Supervisor: clear reader slots of dead processes (mdb_reader_check).  Opens and closes
 * the environment unless this process has it open.  Returns the number of slots cleared.
 */
int cat_startup_check(const char *datadir);

/*
 * Statement start, in this order (README section 5):
 *   cat_begin_statement()   flush the process cache if the catalog version changed (and reset
 *                           any read state an earlier error left behind);
 *   take the statement's snapshot (transaction layer);
 *   cat_set_snapshot(snap)  the catalog snapshot for lookups (copied; NULL = no own
 *                           transaction, which is also the state before the first call).
 * Reading the version before the snapshot is taken is what makes the cache safe.
 */
void cat_begin_statement(void);
void cat_set_snapshot(const cat_snapshot *snap);
/*
 * After acquiring a lock on a relation: flush the cache if the catalog version moved (one
 * atomic load when it did not).  Returns true when it flushed: descriptors fetched before are
 * invalid and names must be resolved again.  Together with the transaction layer calling
 * cat_commit_ddl before it releases a committing transaction's locks, this guarantees that a
 * statement never uses a definition older than the last DDL that held a conflicting lock
 * (PostgreSQL processes invalidation messages at the same point).
 */
bool cat_check_version(void);
const cat_snapshot *cat_current_snapshot(void);

/* Error frame cleanup: abort an open DDL batch, reset read transactions.  Never raises. */
void cat_error_cleanup(void);

/* ---- catalog version (README section 5) ------------------------------------------------- */
uint64_t cat_version(void);
/* The current transaction changed the catalog (cat_ddl_commit calls it). */
void cat_note_ddl(void);
/* Transaction end (transaction layer): bump the version if DDL was noted; flush own cache.
 * cat_commit_ddl must run after the commit is visible and before the transaction's locks
 * are released (see cat_check_version). */
void cat_commit_ddl(void);
void cat_abort_ddl(void);
/* Drop every cached entry of this process. */
void cat_cache_flush(void);
/* Shared memory region "catalog" (lib/shm/shm_regions.c). */
size_t cat_shmem_size(void);
void cat_shmem_init(void *base, size_t size);

/* ---- descriptors ------------------------------------------------------------------------ */

typedef struct cat_database {
	Oid oid;
	char name[CAT_NAMELEN];
	Oid owner;
	char encoding[16];       /* "UTF8" */
	char collate[32];        /* "C" */
	char ctype[32];
	bool allow_conn;
	bool is_template;
	int32_t conn_limit;      /* -1 = none */
} cat_database;

typedef struct cat_namespace {
	Oid oid;
	Oid db;                  /* 0: present in every database (pg_catalog, information_schema) */
	char name[CAT_NAMELEN];
	Oid owner;
} cat_namespace;

#define CAT_IDENTITY_ALWAYS 'a'
#define CAT_IDENTITY_BY_DEFAULT 'd'
#define CAT_GENERATED_STORED 's'

typedef struct cat_attribute {
	int16_t attnum;          /* 1-based */
	char name[CAT_NAMELEN];
	Oid type;
	int32_t typmod;          /* -1 = none (datum.h's encoding) */
	bool not_null;
	bool dropped;            /* name is "........pg.dropped.N........" */
	char identity;           /* 0, CAT_IDENTITY_ALWAYS or CAT_IDENTITY_BY_DEFAULT */
	Oid identity_seq;        /* the identity's sequence */
	char generated;          /* 0 or CAT_GENERATED_STORED */
	const char *default_expr;    /* SQL text, NULL = none */
	const char *generated_expr;  /* SQL text, NULL = none */
	Oid collation;           /* 0 = default (placeholder) */
} cat_attribute;

/* Constraint types (pg_constraint.contype) */
#define CAT_CON_PRIMARY 'p'
#define CAT_CON_UNIQUE 'u'
#define CAT_CON_CHECK 'c'
#define CAT_CON_FOREIGN 'f'
#define CAT_CON_NOTNULL 'n'

/* Foreign key actions (pg_constraint.confdeltype) and match types */
#define CAT_FK_NOACTION 'a'
#define CAT_FK_RESTRICT 'r'
#define CAT_FK_CASCADE 'c'
#define CAT_FK_SETNULL 'n'
#define CAT_FK_SETDEFAULT 'd'
#define CAT_FK_MATCH_SIMPLE 's'
#define CAT_FK_MATCH_FULL 'f'
#define CAT_FK_MATCH_PARTIAL 'p'

#define CAT_MAX_KEYS 32

typedef struct cat_constraint {
	Oid oid;
	Oid rel;
	Oid ns;
	char name[CAT_NAMELEN];
	char type;               /* CAT_CON_* */
	int16_t nkeys;
	int16_t keys[CAT_MAX_KEYS];       /* attnums (p, u, f, n) */
	const char *check_expr;           /* c */
	Oid index;                        /* p, u: enforcing index; f: referenced unique index */
	Oid ref_rel;                      /* f */
	int16_t ref_keys[CAT_MAX_KEYS];   /* f: nkeys of them */
	char on_delete, on_update;        /* f: CAT_FK_* */
	char match;                       /* f: CAT_FK_MATCH_* */
	bool deferrable, deferred;
	bool validated;                   /* false after ADD ... NOT VALID */
} cat_constraint;

#define CAT_AM_BTREE 'b'
#define CAT_AM_HASH 'h'

typedef struct cat_index_key {
	int16_t attnum;          /* table column, or 0 for an expression */
	const char *expr;        /* SQL text when attnum == 0 */
	bool desc;
	bool nulls_first;
} cat_index_key;

typedef struct cat_index {
	Oid oid;                 /* the index relation */
	Oid table;
	char name[CAT_NAMELEN];
	Oid relfilenode;
	char am;                 /* CAT_AM_* */
	bool unique, primary, valid;
	bool nulls_not_distinct;
	int16_t nkeys;           /* key columns; keys[nkeys..ncols-1] are INCLUDE columns */
	int16_t ncols;
	cat_index_key *keys;     /* ncols entries */
	const char *predicate;   /* partial index WHERE text, NULL = none */
} cat_index;

typedef struct cat_sequence {
	Oid type;                /* INT2OID, INT4OID or INT8OID */
	int64_t increment, min, max, start, cache;
	bool cycle;
	Oid owned_rel;           /* OWNED BY table.column, 0 = none */
	int16_t owned_col;
} cat_sequence;

/* The relation descriptor ("relcache entry"): one struct with everything a statement needs. */
typedef struct cat_relation {
	Oid oid;
	Oid db;
	Oid ns;
	char name[CAT_NAMELEN];
	char kind;               /* CAT_RELKIND_* */
	char persistence;        /* 'p' permanent, 'u' unlogged, 't' temporary */
	Oid owner;
	Oid relfilenode;         /* 0 for views */
	int16_t natts;           /* attnums 1..natts, dropped columns included (flagged) */
	cat_attribute *atts;     /* atts[i].attnum == i + 1 */
	int nconstraints;
	cat_constraint *constraints;   /* by name */
	int nindexes;
	cat_index *indexes;      /* tables/matviews: their indexes, by oid */
	cat_index *index;        /* kind 'i': its own definition */
	cat_sequence *seq;       /* kind 'S' */
	const char *view_query;  /* kinds 'v', 'm': deparsed SQL */
} cat_relation;

typedef struct cat_role {
	Oid oid;
	char name[CAT_NAMELEN];
	bool superuser, login, createdb, createrole, inherit, replication, bypassrls;
	int32_t conn_limit;      /* -1 = none */
	const char *password;    /* "SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>" or NULL */
	int64_t valid_until;     /* Timestamp, 0 = always */
} cat_role;

#define CAT_FUNC_MAX_ARGS 100
#define CAT_ARGMODE_IN 'i'
#define CAT_ARGMODE_OUT 'o'
#define CAT_ARGMODE_INOUT 'b'
#define CAT_ARGMODE_VARIADIC 'v'
#define CAT_VOLATILE 'v'
#define CAT_STABLE 's'
#define CAT_IMMUTABLE 'i'

typedef struct cat_function {
	Oid oid;
	Oid ns;
	Oid db;
	Oid owner;
	char name[CAT_NAMELEN];
	char kind;               /* 'f' function, 'p' procedure, 'a' aggregate, 'w' window */
	int16_t nargs;
	const Oid *argtypes;     /* nargs */
	const char *argmodes;    /* nargs CAT_ARGMODE_* or NULL (all IN) */
	const char *const *argnames;     /* nargs, "" unnamed, or NULL */
	int16_t ndefaults;
	const char *const *argdefaults;  /* SQL texts for the last ndefaults arguments */
	Oid rettype;
	bool retset;
	char language[CAT_NAMELEN];
	const char *body;
	char volatility;         /* CAT_VOLATILE, CAT_STABLE, CAT_IMMUTABLE */
	bool strict;
} cat_function;

/* Generic objects of later issues: document schemas, ... (kind numbers chosen by them). */
typedef struct cat_generic {
	Oid oid;
	Oid ns;
	Oid db;
	Oid owner;
	uint16_t objkind;
	char name[CAT_NAMELEN];
	uint32_t len;
	const void *payload;
} cat_generic;

/* Statistics from ANALYZE: attnum 0 holds the relation-level numbers. */
typedef struct cat_stats {
	double reltuples;        /* attnum 0 */
	int64_t relpages;        /* attnum 0 */
	double null_frac;
	double n_distinct;       /* > 0 count, < 0 minus a fraction of the rows (PostgreSQL's) */
	int32_t avg_width;
	double correlation;
	int nmcv;
	const char *const *mcv_values;   /* text forms */
	const double *mcv_freqs;
	int nhist;
	const char *const *hist_bounds;  /* text forms, ascending */
	int64_t analyzed_at;     /* Timestamp */
} cat_stats;

/* One object a DROP removed (or a DEFAULT it cleared). */
typedef struct cat_dropped {
	cat_objref obj;
	char relkind;            /* relations */
	Oid db;
	Oid relfilenode;         /* relations with storage: the file to remove after commit */
	char desc[2 * CAT_NAMELEN + 48];   /* "table t", "default value for column c of table t" */
} cat_dropped;

typedef struct cat_drop_list {
	int n;
	cat_dropped *items;      /* palloc'd in mem_cur; items[0] is the object named */
} cat_drop_list;

/* ---- lookups (any process after cat_open) ------------------------------------------------ */

/* By name; InvalidOid when not found (no error).  Cached. */
Oid cat_lookup_database(const char *name);
Oid cat_lookup_namespace(Oid db, const char *name);   /* db's own, else a shared one */
Oid cat_lookup_relation(Oid ns, const char *name);
Oid cat_lookup_role(const char *name);
Oid cat_lookup_constraint(Oid rel, const char *name);
/* Functions named name in ns: all overloads (oids palloc'd in mem_cur), count returned. */
int cat_lookup_functions(Oid ns, const char *name, Oid **oids);
Oid cat_lookup_function(Oid ns, const char *name, int nargs, const Oid *argtypes);
Oid cat_lookup_generic(Oid ns, uint16_t objkind, const char *name);

/* search_path: the first namespace in path holding name, else InvalidOid.  Cached. */
Oid cat_resolve_relation(Oid db, const Oid *path, int npath, const char *name);
/*
 * Build a search path from the setting's text ("\"$user\", public"): pg_catalog first unless
 * listed, "$user" as user's schema if it exists, missing schemas skipped (as PostgreSQL).
 * Returns the count; *path palloc'd in mem_cur.
 */
int cat_search_path(Oid db, const char *setting, const char *user, Oid **path);

/* By oid; NULL when not found or not visible (no error).  Cached. */
const cat_database *cat_get_database(Oid oid);
const cat_namespace *cat_get_namespace(Oid oid);
const cat_relation *cat_get_relation(Oid oid);
const cat_role *cat_get_role(Oid oid);
const cat_constraint *cat_get_constraint(Oid oid);
const cat_function *cat_get_function(Oid oid);
const cat_generic *cat_get_generic(Oid oid);
/* Statistics (NULL when none); palloc'd in mem_cur. */
cat_stats *cat_get_statistics(Oid rel, int16_t attnum);
/* Kind of object oid (CAT_OBJ_NONE if no visible object has it). */
cat_objkind cat_object_kind(Oid oid);
/* Attribute by name (not dropped), NULL if none. */
const cat_attribute *cat_relation_attribute(const cat_relation *rel, const char *name);

/* ---- lists (for pg_catalog views and information_schema) -------------------------------- */
int cat_list_databases(Oid **oids);
int cat_list_namespaces(Oid db, Oid **oids);          /* db's own and the shared ones */
int cat_list_relations(Oid ns, Oid **oids);           /* by name */
int cat_list_roles(Oid **oids);
int cat_list_functions(Oid ns, Oid **oids);
int cat_list_generics(Oid ns, uint16_t objkind, Oid **oids);
/* Objects that depend on obj (for \d+ and error reports): palloc'd pairs. */
typedef struct cat_depinfo {
	cat_objref dependent;
	cat_objref referenced;
	char deptype;
} cat_depinfo;
int cat_list_dependents(const cat_objref *obj, cat_depinfo **out);
/*
 * Data file numbers (sorted, unique) of relations in db whose creating transaction did not
 * abort and whose deletion did not commit: every other file in base/<db> is an orphan.
 * Uses the xid-state hook (run it when no transaction is in progress, e.g. at start).
 */
int cat_list_relfilenodes(Oid db, Oid **out);

/* ---- OIDs -------------------------------------------------------------------------------- */
/* A fresh oid (also a relfilenode number) outside a DDL batch: ranges of 32 per process. */
Oid cat_alloc_oid(void);

/* ---- DDL: one LMDB write transaction per statement --------------------------------------- */

typedef struct cat_ddl cat_ddl;

/*
 * Start a DDL batch for transaction xid, command cid: opens the LMDB write transaction
 * (blocks while another process holds it — briefly, by invariant 4).  One batch at a time per
 * process.  Lookups made while the batch is open read through it and see its changes.
 */
cat_ddl *cat_ddl_begin(uint64_t xid, uint32_t cid);
/* Commit the batch's LMDB transaction (durable), note DDL, flush this process's cache. */
void cat_ddl_commit(cat_ddl *d);
/* Discard the batch (also done automatically when a DDL call raises).  Idempotent. */
void cat_ddl_abort(cat_ddl *d);

/* Databases: creates its `public` schema too.  42P04 duplicate. */
Oid cat_create_database(cat_ddl *d, const char *name, Oid owner);
/* Drops the database and everything in it; returns the relations whose files go (3D000). */
void cat_drop_database(cat_ddl *d, Oid db, cat_drop_list *out);

/* Schemas.  42P06 duplicate, 3D000 unknown database, 42939 for a name starting with "pg_". */
Oid cat_create_namespace(cat_ddl *d, Oid db, const char *name, Oid owner);
/* The same without the "pg_" check, for schemas the server makes itself (pg_temp_N). */
Oid cat_create_system_namespace(cat_ddl *d, Oid db, const char *name, Oid owner);

typedef struct cat_column_def {
	const char *name;
	Oid type;
	int32_t typmod;
	bool not_null;
	const char *default_expr;
	int ndefault_refs;               /* objects the default uses (e.g. its sequence) */
	const cat_objref *default_refs;
	char identity;
	Oid identity_seq;
	const char *generated_expr;
	Oid collation;
} cat_column_def;

typedef struct cat_relation_def {
	Oid ns;
	const char *name;
	char kind;                       /* table, view, sequence, matview (indexes: below) */
	char persistence;                /* 0 = 'p' */
	Oid owner;
	Oid relfilenode;                 /* 0 = allocate one (not for views) */
	int ncolumns;
	const cat_column_def *columns;
	const char *view_query;          /* views and matviews */
	const cat_sequence *seq;         /* sequences */
	int nrefs;                       /* views: objects the query uses (normal dependencies) */
	const cat_objref *refs;
} cat_relation_def;

/*
 * Create a table, view, sequence or materialized view with its columns.  42P07 duplicate
 * name, 3F000 unknown namespace, 42701 duplicate column, 42P16 bad definition (e.g. a view
 * without a query), 42704 unknown referenced object.  A sequence with owned_rel gets an auto
 * dependency on that column (internal for identity columns: set identity_seq on the column).
 */
Oid cat_create_relation(cat_ddl *d, const cat_relation_def *def);

typedef struct cat_index_def {
	Oid table;
	const char *name;
	Oid relfilenode;                 /* 0 = allocate */
	char am;                         /* 0 = btree */
	bool unique, primary, nulls_not_distinct;
	bool invalid;                    /* true while CREATE INDEX CONCURRENTLY builds it */
	int nkeys;                       /* key columns */
	int ninclude;                    /* INCLUDE columns after them */
	const cat_index_key *keys;       /* nkeys + ninclude */
	const Oid *expr_types;           /* type of each expression key (attnum 0), in order */
	const char *predicate;
	Oid owner;
} cat_index_def;

/* Create an index (a relation of kind 'i' in the table's schema).  42P07, 42P01, 42703. */
Oid cat_create_index(cat_ddl *d, const cat_index_def *def);

typedef struct cat_constraint_def {
	Oid rel;
	const char *name;
	char type;                       /* CAT_CON_* */
	int nkeys;
	const int16_t *keys;
	const char *check_expr;
	Oid index;                       /* p/u: its index (gets an internal dependency) */
	Oid ref_rel;                     /* f */
	const int16_t *ref_keys;         /* f: nkeys */
	Oid ref_index;                   /* f: the referenced unique index, 0 = none */
	char on_delete, on_update, match;   /* 0 = no action / simple */
	bool deferrable, deferred;
	bool not_valid;
} cat_constraint_def;

/* 42710 duplicate name on the relation, 42P01 unknown relation, 42703 unknown column. */
Oid cat_create_constraint(cat_ddl *d, const cat_constraint_def *def);

/* Columns. */
int16_t cat_add_column(cat_ddl *d, Oid rel, const cat_column_def *col);   /* 42701 */
/* Replace a column's definition (type, typmod, not null, default, identity, generated). */
void cat_alter_column(cat_ddl *d, Oid rel, int16_t attnum, const cat_column_def *col);
void cat_rename_column(cat_ddl *d, Oid rel, int16_t attnum, const char *newname);   /* 42701 */

/* Rename a database, namespace, relation, constraint, role, function or generic object. */
void cat_rename(cat_ddl *d, const cat_objref *obj, const char *newname);
/* Move a relation to another namespace (ALTER TABLE SET SCHEMA). */
void cat_set_namespace(cat_ddl *d, Oid rel, Oid newns);
/* Point a relation at a new data file (TRUNCATE, ALTER COLUMN TYPE, REINDEX). */
void cat_set_relfilenode(cat_ddl *d, Oid rel, Oid relfilenode);
/* Change an object's owner. */
void cat_set_owner(cat_ddl *d, const cat_objref *obj, Oid owner);
/* PostgreSQL's defaults for a sequence of type (int2/int4/int8) and increment (0 = 1):
 * bounds of the type in the direction of the increment, start at the near bound, cache 1. */
void cat_sequence_defaults(Oid type, int64_t increment, cat_sequence *out);
/* ALTER SEQUENCE (definition only; the current value: cat_seq_setval).  22023 for bad
 * parameters (as CREATE SEQUENCE). */
void cat_alter_sequence(cat_ddl *d, Oid seq, const cat_sequence *def);
/* Mark an index valid/invalid (CREATE INDEX CONCURRENTLY). */
void cat_set_index_valid(cat_ddl *d, Oid index, bool valid);
/* Mark a constraint validated (ALTER TABLE VALIDATE CONSTRAINT). */
void cat_set_constraint_validated(cat_ddl *d, Oid con);

/* Record that dependent depends on referenced (deptype CAT_DEP_*). */
void cat_add_dependency(cat_ddl *d, const cat_objref *dependent, const cat_objref *referenced,
                        char deptype);

/*
 * DROP of a namespace, relation, column (relation + subid), constraint, column default,
 * function or generic object, with RESTRICT or CASCADE.  Fills out with everything removed
 * (the object itself first); the SQL engine removes data files after commit and reports
 * "drop cascades to ..." notices from items[1..].  2BP01 when RESTRICT finds dependents
 * (DETAIL lists them, HINT suggests CASCADE) or when the object is an internal part of
 * another; 42704 when the object is gone.
 */
void cat_drop(cat_ddl *d, const cat_objref *obj, cat_drop_behavior behavior, cat_drop_list *out);

/* Roles (shared by all databases).  42710 duplicate, 42704 unknown. */
typedef struct cat_role_def {
	const char *name;
	bool superuser, login, createdb, createrole, inherit, replication, bypassrls;
	int32_t conn_limit;
	const char *password;            /* verifier text, NULL = none */
	int64_t valid_until;
} cat_role_def;
Oid cat_create_role(cat_ddl *d, const cat_role_def *def);
void cat_alter_role(cat_ddl *d, Oid role, const cat_role_def *def);   /* name ignored */
/* 2BP01 while the role owns objects (DETAIL lists some). */
void cat_drop_role(cat_ddl *d, Oid role);

/* Functions and procedures (room for later issues).  42723 duplicate signature. */
Oid cat_create_function(cat_ddl *d, const cat_function *def);   /* def->oid ignored */
/* Generic objects.  42710 duplicate. */
Oid cat_create_generic(cat_ddl *d, Oid ns, uint16_t objkind, const char *name, Oid owner,
                       const void *payload, uint32_t len);
void cat_update_generic(cat_ddl *d, Oid oid, const void *payload, uint32_t len);

/* ANALYZE results (replaces the previous ones). */
void cat_set_statistics(cat_ddl *d, Oid rel, int16_t attnum, const cat_stats *st);

/* The other transaction of the last 40001 conflict raised by this process, else 0. */
uint64_t cat_conflict_xid(void);

/* ---- maintenance --------------------------------------------------------------------------- */
/* Remove versions no snapshot can see (README section 3).  Returns versions removed. */
int64_t cat_vacuum(uint64_t oldest_xmin);

/* ---- sequences' current values (README section 6) ------------------------------------------ */
/*
 * nextval/currval/setval/lastval with PostgreSQL's semantics.  Non-transactional.  Raise
 * 42P01 (no such sequence), 42809 (not a sequence), 2200H (limit reached), 55000 (currval
 * or lastval not yet defined in this session), 22003 (setval out of bounds), 58030 (file).
 * The shared slot lock may be held across the sequence file's write (once per 32 values).
 */
int64_t cat_seq_nextval(Oid seq);
int64_t cat_seq_currval(Oid seq);
int64_t cat_seq_lastval(void);
int64_t cat_seq_setval(Oid seq, int64_t value, bool is_called);
/* Forget this session's currval/lastval and cached values (session end, DISCARD). */
void cat_seq_session_reset(void);
/* Write every sequence's exact value (clean shutdown, checkpoint). */
void cat_seq_flush_all(void);
/* After DROP SEQUENCE commits: forget the slot and remove the file. */
void cat_seq_remove(Oid seq);
/*
 * Startup sweep: remove the files of sequences whose creation aborted or whose drop
 * committed (crash before cat_seq_remove).  Uses the xid-state hook: run it before any
 * transaction starts.  Returns the number of files removed.
 */
int cat_seq_sweep(void);

#endif
