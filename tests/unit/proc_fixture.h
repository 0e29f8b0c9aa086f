/* proc_fixture.h — a process table in ordinary memory for unit tests (Check fixture). */
#ifndef PH_TESTS_PROC_FIXTURE_H
#define PH_TESTS_PROC_FIXTURE_H

#include <stdlib.h>

#include "shm/proc.h"
#include "util/cfg.h"

static void *proc_fixture_mem;

/* A table sized for max_connections = 4, installed as proc_tab. */
static void
table_setup(void)
{
	cfg_init_defaults();
	settings.max_connections = 4;
	proc_fixture_mem = calloc(1, proc_shmem_size());
	proc_shmem_init(proc_fixture_mem, proc_shmem_size());
}

static void
table_teardown(void)
{
	proc_tab = NULL;
	proc_me = NULL;
	proc_my_index = -1;
	free(proc_fixture_mem);
}

#endif
