# daemons: the server's processes.  daemons/common (actor loop, pid file, connection
# hand-off, protocol helpers) goes into libphcore, so phantomctl and the unit tests share it;
# the roles link into the one phantomd binary.  See daemons/README.md.
lib_libphcore_la_SOURCES += \
	daemons/common/actor.c daemons/common/actor.h \
	daemons/common/pidfile.c daemons/common/pidfile.h \
	daemons/common/handoff.c daemons/common/handoff.h \
	daemons/common/pqwire.c daemons/common/pqwire.h daemons/common/clock.h \
	daemons/common/roles.h

sbin_PROGRAMS += phantomd
phantomd_SOURCES = \
	daemons/phantomd/main.c \
	daemons/phantomd/supervisor.c daemons/phantomd/supervisor.h \
	daemons/phantomd/listen.c daemons/phantomd/listen.h \
	daemons/listener/listener.c \
	daemons/worker/worker.c \
	daemons/walwriter/walwriter.c \
	daemons/checkpointer/checkpointer.c \
	daemons/deadlock/deadlock.c \
	daemons/coordinator/coordinator.c \
	daemons/metrics/metrics.c \
	daemons/recovery/recovery.c
phantomd_LDADD = $(CORE_LIBS)
EXTRA_DIST += daemons/README.md

check_PROGRAMS += tests/unit/check_daemons
tests_unit_check_daemons_SOURCES = tests/unit/check_daemons.c tests/unit/proc_fixture.h
tests_unit_check_daemons_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_daemons_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_daemons
