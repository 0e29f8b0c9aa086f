# lib/types: values — the type registry, I/O, casts, operators, functions, resolution.
lib_libphcore_la_SOURCES += \
	lib/types/datum.h lib/types/types.h lib/types/fn.h lib/types/cast.h lib/types/resolve.h \
	lib/types/tynumeric.h lib/types/tydatetime.h lib/types/tyjson.h lib/types/tyarray.h \
	lib/types/ty_int.h lib/types/ty_dt_int.h lib/types/ty_float_tables.h \
	lib/types/ty_util.c lib/types/ty_registry.c lib/types/ty_intio.c lib/types/ty_float.c \
	lib/types/ty_numeric.c lib/types/ty_text.c lib/types/ty_array.c lib/types/ty_json.c \
	lib/types/ty_misc.c lib/types/ty_tz.c lib/types/ty_datetime.c lib/types/ty_interval.c \
	lib/types/ty_catdef.h lib/types/ty_catalog.c lib/types/ty_cast.c lib/types/ty_resolve.c \
	lib/types/ty_like.c lib/types/ty_fn_int.c lib/types/ty_fn_float.c lib/types/ty_fn_numeric.c \
	lib/types/ty_fn_text.c lib/types/ty_fn_datetime.c lib/types/ty_formatting.c \
	lib/types/ty_fn_misc.c lib/types/ty_fn_agg.c
EXTRA_DIST += lib/types/README.md lib/types/gen_float_tables.py

check_PROGRAMS += tests/unit/check_types
tests_unit_check_types_SOURCES = tests/unit/check_types.c
tests_unit_check_types_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_types_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_types

check_PROGRAMS += tests/unit/check_types_fn
tests_unit_check_types_fn_SOURCES = tests/unit/check_types_fn.c
tests_unit_check_types_fn_CPPFLAGS = $(CHECK_CPPFLAGS)
tests_unit_check_types_fn_LDADD = $(CHECK_LDADD)
TESTS += tests/unit/check_types_fn
EXTRA_DIST += tests/unit/types_runner.c tests/unit/types_cases/generate.py \
	tests/unit/types_cases/io.cases tests/unit/types_cases/io.expected \
	tests/unit/types_cases/datetime.cases tests/unit/types_cases/datetime.expected \
	tests/unit/types_cases/ops.cases tests/unit/types_cases/ops.expected \
	tests/unit/types_cases/funcs.cases tests/unit/types_cases/funcs.expected \
	tests/unit/types_cases/casts.cases tests/unit/types_cases/casts.expected \
	tests/unit/types_cases/aggs.cases tests/unit/types_cases/aggs.expected \
	tests/unit/types_cases/floats.cases tests/unit/types_cases/floats.expected \
	tests/unit/types_cases/make_float_cases.py
