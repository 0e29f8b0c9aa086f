# bin/phantomctl: the control program (init, start, stop, restart, reload, status, ping).
bin_PROGRAMS += phantomctl
phantomctl_SOURCES = bin/phantomctl/phantomctl.c bin/phantomctl/ctl.h bin/phantomctl/init.c \
	bin/phantomctl/server.c bin/phantomctl/status.c
# Run from the build tree, phantomctl init finds the sample configuration in the source tree.
phantomctl_CPPFLAGS = $(AM_CPPFLAGS) -DABS_TOP_BUILDDIR='"$(abs_top_builddir)"' \
	-DABS_TOP_SRCDIR='"$(abs_top_srcdir)"'
phantomctl_LDADD = $(CORE_LIBS)
