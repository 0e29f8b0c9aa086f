/*
 * listen.h — the supervisor's TCP listening sockets (SQL port and metrics port).
 *
 * The supervisor binds them before it forks anything, so that "port in use" stops the start
 * with a clear message and a restarted listener or metrics exporter inherits the same
 * sockets without a gap.
 */
#ifndef PH_DAEMONS_LISTEN_H
#define PH_DAEMONS_LISTEN_H

#include <stddef.h>

/*
 * Bind and listen on every address of a comma-separated list (IPv4 or IPv6 literals, host
 * names, '*' for every IPv4 and IPv6 address) at port.  Sockets are non-blocking.  Returns
 * the number of sockets (>= 1), or -1 with a message such as
 * 'could not bind IPv4 address "127.0.0.1" port 5544: Address already in use'.
 */
int listen_bind_all(const char *addresses, int port, int *fds, int maxfds, char *err,
                    size_t errlen);
void listen_close_all(int *fds, int n);

#endif
