/*
 * ctl.h — phantomctl's internal interface between its subcommand files.
 *
 * Exit statuses follow the LSB convention for status: 0 running, 3 not running, 4 unknown
 * (no or bad data directory, unreadable or corrupt pid file).  Every other failure of any
 * subcommand is one line "phantomctl: reason" on stderr and status 1.
 */
#ifndef PH_BIN_PHANTOMCTL_CTL_H
#define PH_BIN_PHANTOMCTL_CTL_H

#include <limits.h>
#include <stdbool.h>
#include <stdnoreturn.h>

#define EXIT_NOT_RUNNING 3
#define EXIT_UNKNOWN 4

/* Print "phantomctl: message" on stderr and exit with status. */
noreturn void ctl_die(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Check that dir is an existing, accessible Phantom-DB data directory and store its absolute
 * path in abs.  On failure print why and exit with status `fail_status`.
 */
void ctl_datadir(const char *dir, char abs[PATH_MAX], int fail_status);

/* Directory holding this executable ("" if unknown). */
const char *ctl_exe_dir(void);

/* Split an options string into words on blanks, honouring '...' and "..." quotes, in place;
 * returns the number of words (at most max). */
int ctl_split_words(char *s, char **words, int max);

/* Load DATADIR/phantom.conf (plus -c overrides found in opts) into `settings`; 0 or -1
 * with the reason in err. */
int ctl_load_settings(const char *datadir, const char *opts, char *err, size_t errlen);

int ctl_init(int argc, char **argv);
int ctl_start(int argc, char **argv);
int ctl_stop(int argc, char **argv);
int ctl_restart(int argc, char **argv);
int ctl_reload(int argc, char **argv);
int ctl_status(int argc, char **argv);
int ctl_ping(int argc, char **argv);

#endif
