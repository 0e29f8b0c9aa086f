/*
 * cfg_table.c — the table of settings (see cfg.h).  Keep it sorted by area; every entry must
 * be documented in man/phantom.conf.5 and present (commented out) in etc/phantom.conf, which
 * tests/unit/check_cfg.c verifies.
 */
#include <stddef.h>

#include "util/cfg.h"

settings_t settings;

#define KB 1024.0
#define MB (1024.0 * 1024.0)
#define GB (1024.0 * 1024.0 * 1024.0)
#define SEC 1000.0
#define DAY (86400.0 * 1000.0)
#define INTMAX 2147483647.0

static const cfg_def table[] = {
	/* connections and authentication */
	{"listen_addresses", CFG_STRING, CFG_RESTART, "127.0.0.1", 0, 0, NULL, NULL,
	 &settings.listen_addresses, false,
	 "Comma-separated IPv4/IPv6 addresses or host names to listen on; '*' for all addresses."},
	{"port", CFG_INT, CFG_RESTART, "5544", 1, 65535, NULL, NULL, &settings.port, false,
	 "TCP port for SQL connections (PostgreSQL protocol v3)."},
	{"max_connections", CFG_INT, CFG_RESTART, "100", 1, 10000, NULL, NULL,
	 &settings.max_connections, false, "Maximum number of concurrent client sessions."},
	{"query_workers", CFG_INT, CFG_RESTART, "4", 1, 10000, NULL, NULL, &settings.query_workers,
	 false, "Query worker processes kept ready for new sessions."},
	{"query_worker_idle_timeout", CFG_TIME, CFG_RELOAD, "60s", 1 * SEC, 1 * DAY, "s", NULL,
	 &settings.query_worker_idle_timeout, false,
	 "Query workers beyond query_workers exit after being idle this long."},
	{"authentication_timeout", CFG_TIME, CFG_RELOAD, "60s", 1 * SEC, 600 * SEC, "s", NULL,
	 &settings.authentication_timeout, false,
	 "Time allowed for a client to complete startup and authentication."},
	{"max_message_size", CFG_MEMORY, CFG_RELOAD, "64MB", 64 * KB, 1 * GB, "kB", NULL,
	 &settings.max_message_size, false,
	 "Largest protocol message accepted from a client."},
	{"auth_rule", CFG_STRING, CFG_RELOAD,
	 "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust", 0, 0, NULL, NULL, &settings.auth_rules, true,
	 "Authentication rule 'host DATABASE USER ADDRESS/MASK METHOD'; may repeat, first match wins."},
	{"password_encryption", CFG_ENUM, CFG_SESSION, "scram-sha-256", 0, 0, NULL, "scram-sha-256",
	 &settings.password_encryption, false, "How new passwords are stored."},

	/* memory */
	{"shared_buffers", CFG_MEMORY, CFG_RESTART, "128MB", 128 * KB, 64 * GB, "kB", NULL,
	 &settings.shared_buffers, false, "Size of the shared buffer pool (8 kB pages)."},
	{"work_mem", CFG_MEMORY, CFG_SESSION, "4MB", 64 * KB, 2 * GB, "kB", NULL, &settings.work_mem,
	 false, "Memory a sort or hash may use before spilling to disk."},
	{"maintenance_work_mem", CFG_MEMORY, CFG_SESSION, "64MB", 1 * MB, 2 * GB, "kB", NULL,
	 &settings.maintenance_work_mem, false, "Memory for CREATE INDEX and VACUUM."},

	/* WAL and checkpoints */
	{"fsync", CFG_BOOL, CFG_RELOAD, "on", 0, 0, NULL, NULL, &settings.fsync, false,
	 "Force WAL and data to disk; turning it off risks data loss on a crash."},
	{"synchronous_commit", CFG_BOOL, CFG_SESSION, "on", 0, 0, NULL, NULL,
	 &settings.synchronous_commit, false, "Acknowledge a commit only after its WAL is durable."},
	{"wal_buffers", CFG_MEMORY, CFG_RESTART, "4MB", 64 * KB, 1 * GB, "kB", NULL,
	 &settings.wal_buffers, false, "Shared memory for WAL not yet written."},
	{"wal_segment_size", CFG_MEMORY, CFG_RESTART, "16MB", 1 * MB, 1 * GB, "MB", NULL,
	 &settings.wal_segment_size, false, "Size of each WAL segment file."},
	{"wal_writer_delay", CFG_TIME, CFG_RELOAD, "10ms", 1, 10 * SEC, "ms", NULL,
	 &settings.wal_writer_delay, false,
	 "How often the WAL writer flushes WAL of asynchronous commits."},
	{"max_wal_size", CFG_MEMORY, CFG_RELOAD, "1GB", 2 * MB, 1024 * GB, "MB", NULL,
	 &settings.max_wal_size, false, "WAL volume that triggers a checkpoint."},
	{"checkpoint_timeout", CFG_TIME, CFG_RELOAD, "5min", 1 * SEC, 1 * DAY, "s", NULL,
	 &settings.checkpoint_timeout, false, "Longest time between automatic checkpoints."},
	{"checkpoint_completion_target", CFG_REAL, CFG_RELOAD, "0.9", 0, 1, NULL, NULL,
	 &settings.checkpoint_completion_target, false,
	 "Fraction of the checkpoint interval over which checkpoint writes are spread."},
	{"full_page_writes", CFG_BOOL, CFG_RELOAD, "on", 0, 0, NULL, NULL,
	 &settings.full_page_writes, false,
	 "Log a full image of each page at its first change after a checkpoint (torn-page repair)."},

	/* locks and transactions */
	{"deadlock_timeout", CFG_TIME, CFG_RELOAD, "1s", 1, INTMAX, "ms", NULL,
	 &settings.deadlock_timeout, false, "Wait on a lock this long before checking for deadlock."},
	{"deadlock_policy", CFG_ENUM, CFG_RELOAD, "detect", 0, 0, NULL, "detect|wait_die|wound_wait",
	 &settings.deadlock_policy, false, "Deadlock handling: detection, or a prevention scheme."},
	{"lock_timeout", CFG_TIME, CFG_SESSION, "0", 0, INTMAX, "ms", NULL, &settings.lock_timeout,
	 false, "Longest wait for a lock; 0 waits forever."},
	{"statement_timeout", CFG_TIME, CFG_SESSION, "0", 0, INTMAX, "ms", NULL,
	 &settings.statement_timeout, false, "Longest run time of a statement; 0 means no limit."},
	{"idle_in_transaction_session_timeout", CFG_TIME, CFG_SESSION, "0", 0, INTMAX, "ms", NULL,
	 &settings.idle_in_transaction_session_timeout, false,
	 "End a session idle inside a transaction this long; 0 means never."},
	{"default_transaction_isolation", CFG_ENUM, CFG_SESSION, "read committed", 0, 0, NULL,
	 "read committed|repeatable read|serializable", &settings.default_transaction_isolation,
	 false, "Isolation level of new transactions."},
	{"max_locks_per_transaction", CFG_INT, CFG_RESTART, "64", 10, 100000, NULL, NULL,
	 &settings.max_locks_per_transaction, false,
	 "Sizes the shared lock table: this times max_connections locks."},

	/* vacuum */
	{"autovacuum", CFG_BOOL, CFG_RELOAD, "on", 0, 0, NULL, NULL, &settings.autovacuum, false,
	 "Reclaim space of dead row versions in the background."},
	{"autovacuum_naptime", CFG_TIME, CFG_RELOAD, "1min", 1 * SEC, 1 * DAY, "s", NULL,
	 &settings.autovacuum_naptime, false, "Time between background vacuum rounds."},

	/* other processes */
	{"metrics_port", CFG_INT, CFG_RESTART, "9544", 0, 65535, NULL, NULL, &settings.metrics_port,
	 false, "TCP port of the Prometheus metrics endpoint; 0 disables it."},
	{"coordinator_port", CFG_INT, CFG_RESTART, "5545", 0, 65535, NULL, NULL,
	 &settings.coordinator_port, false,
	 "TCP port of the transaction coordinator for external 2PC participants; 0 disables it."},
	{"restart_after_crash", CFG_BOOL, CFG_RELOAD, "on", 0, 0, NULL, NULL,
	 &settings.restart_after_crash, false,
	 "Reinitialise and recover automatically after a process crash."},

	/* logging */
	{"log_level", CFG_ENUM, CFG_RELOAD, "info", 0, 0, NULL, "debug2|debug|info|notice|warning|error",
	 &settings.log_level, false, "Least severe messages written to the log."},
	{"log_destination", CFG_ENUM, CFG_RESTART, "file", 0, 0, NULL, "file|stderr",
	 &settings.log_destination, false, "Where the log goes: log_directory/phantom.log or stderr."},
	{"log_directory", CFG_STRING, CFG_RESTART, "log", 0, 0, NULL, NULL, &settings.log_directory,
	 false, "Directory of the log file, relative to the data directory unless absolute."},
	{"log_min_duration_statement", CFG_TIME, CFG_SESSION, "-1", -1, INTMAX, "ms", NULL,
	 &settings.log_min_duration_statement, false,
	 "Log statements that run at least this long; -1 disables, 0 logs all."},

	/* client session defaults */
	{"search_path", CFG_STRING, CFG_SESSION, "\"$user\", public", 0, 0, NULL, NULL,
	 &settings.search_path, false, "Schemas searched for unqualified names."},
	{"timezone", CFG_STRING, CFG_SESSION, "UTC", 0, 0, NULL, NULL, &settings.timezone, false,
	 "Time zone for displaying and interpreting time stamps."},
	{"datestyle", CFG_STRING, CFG_SESSION, "ISO, MDY", 0, 0, NULL, NULL, &settings.datestyle,
	 false, "Display format for date and time values."},
	{"client_encoding", CFG_STRING, CFG_SESSION, "UTF8", 0, 0, NULL, NULL,
	 &settings.client_encoding, false, "Client character set (only UTF8 is supported)."},
	{"application_name", CFG_STRING, CFG_SESSION, "", 0, 0, NULL, NULL,
	 &settings.application_name, false, "Name the client reports for itself."},
	{"intervalstyle", CFG_STRING, CFG_SESSION, "postgres", 0, 0, NULL, NULL,
	 &settings.intervalstyle, false, "Display format for interval values."},
	{"extra_float_digits", CFG_INT, CFG_SESSION, "1", -15, 3, NULL, NULL,
	 &settings.extra_float_digits, false,
	 "Digits of floating-point output; 1 or more gives the shortest exact form."},
};

const cfg_def *
cfg_table(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
}
