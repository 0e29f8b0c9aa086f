# tests/integration: real servers in temporary data directories on free ports (bash).
check_PROGRAMS += tests/integration/pqprobe
tests_integration_pqprobe_SOURCES = tests/integration/pqprobe.c
tests_integration_pqprobe_LDADD = $(CORE_LIBS)
INTEGRATION_TESTS = \
	tests/integration/t_lifecycle.sh \
	tests/integration/t_stop_modes.sh \
	tests/integration/t_reload.sh \
	tests/integration/t_crash.sh \
	tests/integration/t_connections.sh \
	tests/integration/t_cli.sh
TESTS += $(INTEGRATION_TESTS)
EXTRA_DIST += $(INTEGRATION_TESTS) tests/integration/lib.sh
