# etc: the sample configuration, installed as $(sysconfdir)/phantom.conf; phantomctl init
# copies it into new data directories.
dist_sysconf_DATA += etc/phantom.conf
