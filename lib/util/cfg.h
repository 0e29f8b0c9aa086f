/*
 * cfg.h — settings: phantom.conf, `-c key=value` overrides, SET/SHOW/RESET.
 *
 * One table (cfg_table.c) defines every setting: name, type, default, range, unit, the
 * context in which it may change, and a one-line description.  The same table drives the
 * parser, SHOW, the checks in tests/unit/check_cfg.c (every key documented in
 * man/phantom.conf.5) and the sample etc/phantom.conf.
 *
 * Values live in the process-global struct `settings`.  Each process loads the file at
 * start; on SIGHUP the supervisor validates the file first (cfg_load refuses a bad file as a
 * whole, keeping the old values), then signals the children, which load it again.
 *
 * Contexts:
 *   CFG_RESTART  read at server start only; a changed value in the file on reload is logged
 *                and ignored until restart.
 *   CFG_RELOAD   changes on reload.
 *   CFG_SESSION  changes on reload and by SET in a session; cfg_reset_session() puts back the
 *                file values when a worker's session ends.
 *
 * Units: memory settings take B, kB, MB, GB, TB (bare numbers are in the setting's base
 * unit, stated in the table); time settings take us, ms, s, min, h, d (bare numbers in the
 * base unit).  Values are stored in bytes and milliseconds.
 */
#ifndef PH_UTIL_CFG_H
#define PH_UTIL_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum { CFG_BOOL, CFG_INT, CFG_REAL, CFG_STRING, CFG_ENUM, CFG_MEMORY, CFG_TIME } cfg_type;
typedef enum { CFG_RESTART, CFG_RELOAD, CFG_SESSION } cfg_context;
typedef enum { CFG_SRC_DEFAULT, CFG_SRC_FILE, CFG_SRC_OVERRIDE, CFG_SRC_SESSION } cfg_source;

typedef struct cfg_def {
	const char *name;
	cfg_type type;
	cfg_context context;
	const char *boot_value;  /* default, as it would be written in the file */
	double min, max;         /* numeric range, in stored units (bytes, ms) */
	const char *base_unit;   /* for CFG_MEMORY: "B","kB","MB"; for CFG_TIME: "ms","s","min" */
	const char *enum_values; /* CFG_ENUM: "a|b|c" */
	void *var;               /* bool*, int64_t*, double*, char** (enum: int*) */
	bool list;               /* CFG_STRING that may repeat: each occurrence appends a line */
	const char *desc;
} cfg_def;

/* Current values of every setting (this process's copy). */
typedef struct settings_t {
	/* connections */
	char *listen_addresses;
	int64_t port;
	int64_t max_connections;
	int64_t query_workers;
	int64_t query_worker_idle_timeout;
	int64_t authentication_timeout;
	int64_t max_message_size;
	char *auth_rules;          /* newline-separated "host DATABASE USER ADDRESS METHOD" */
	int password_encryption;    /* 0 scram-sha-256 */
	/* memory */
	int64_t shared_buffers;
	int64_t work_mem;
	int64_t maintenance_work_mem;
	/* WAL and checkpoints */
	bool fsync;
	bool synchronous_commit;
	int64_t wal_buffers;
	int64_t wal_segment_size;
	int64_t wal_writer_delay;
	int64_t max_wal_size;
	int64_t checkpoint_timeout;
	double checkpoint_completion_target;
	bool full_page_writes;
	/* locks and transactions */
	int64_t deadlock_timeout;
	int deadlock_policy;       /* 0 detect, 1 wait_die, 2 wound_wait */
	int64_t lock_timeout;
	int64_t statement_timeout;
	int64_t idle_in_transaction_session_timeout;
	int default_transaction_isolation; /* 0 read committed, 1 repeatable read, 2 serializable */
	int64_t max_locks_per_transaction;
	/* vacuum */
	bool autovacuum;
	int64_t autovacuum_naptime;
	/* other processes */
	int64_t metrics_port;
	int64_t coordinator_port;
	bool restart_after_crash;
	/* logging */
	int log_level;             /* LV_* */
	int log_destination;       /* 0 file, 1 stderr */
	char *log_directory;
	int64_t log_min_duration_statement;
	/* client session defaults */
	char *search_path;
	char *timezone;
	char *datestyle;
	char *client_encoding;
	char *application_name;
	char *intervalstyle;
	int64_t extra_float_digits;
} settings_t;

extern settings_t settings;

/* Set every setting to its boot value.  Call once per process before cfg_load. */
void cfg_init_defaults(void);

/*
 * Read a configuration file and apply it.  All-or-nothing: on the first error nothing is
 * changed and -1 is returned with "FILE:LINE: reason" in err.  With `reloading`, settings of
 * context CFG_RESTART whose value changed are left alone and reported at LV_WARNING.
 * Settings set by cfg_override keep their override.
 */
int cfg_load(const char *path, bool reloading, char *err, size_t errlen);

/*
 * Load again the file of the last successful cfg_load, as a reload (reloading = true): what a
 * process does when it sees PI_RELOAD.  -1 with "FILE:LINE: reason" in err, nothing changed.
 */
int cfg_reload(char *err, size_t errlen);
/* Path of the last successfully loaded file, or NULL. */
const char *cfg_file(void);

/* Command-line override (-c name=value); applied on top of the file at every load. */
int cfg_override(const char *assignment, char *err, size_t errlen);

/* SET name = value in a session (context CFG_SESSION only); -1 with a message if refused. */
int cfg_set_session(const char *name, const char *value, char *err, size_t errlen);
/* RESET name (NULL = RESET ALL) to the file/override value. */
int cfg_reset_session(const char *name, char *err, size_t errlen);

/* SHOW: the value as text, with the unit that reads best (e.g. "128MB", "1s"). */
const char *cfg_show(const char *name, char *buf, size_t buflen);
const cfg_def *cfg_find(const char *name);
const cfg_def *cfg_table(size_t *n);

/* Parse values the way the file does (exposed for tests and SET). */
int cfg_parse_bool(const char *s, bool *out);
int cfg_parse_memory(const char *s, const char *base_unit, int64_t *bytes);
int cfg_parse_time(const char *s, const char *base_unit, int64_t *ms);

#endif
