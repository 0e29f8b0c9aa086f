# man: manual pages, written in man(7) macros and linted by `make check`.
dist_man_MANS += man/phantom.conf.5 man/phantomd.8 man/phantomctl.1
TESTS += man/lint.sh
EXTRA_DIST += man/lint.sh
