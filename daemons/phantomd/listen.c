/* listen.c — bind the TCP listening sockets; see listen.h. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "daemons/phantomd/listen.h"

/* Bind one resolved address; the socket, or -1 with errno. */
static int
bind_one(const struct addrinfo *ai)
{
	int one = 1, fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
	                         ai->ai_protocol);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ai->ai_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 1024) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int
listen_bind_all(const char *addresses, int port, int *fds, int maxfds, char *err, size_t errlen)
{
	char list[1024], portstr[16], *save = NULL;
	int n = 0;

	snprintf(list, sizeof(list), "%s", addresses);
	snprintf(portstr, sizeof(portstr), "%d", port);
	for (char *item = strtok_r(list, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		struct addrinfo hints, *res = NULL;
		bool any;
		int rc;

		while (*item == ' ' || *item == '\t')
			item++;
		for (char *e = item + strlen(item); e > item && (e[-1] == ' ' || e[-1] == '\t');)
			*--e = '\0';
		if (*item == '\0')
			continue;
		any = strcmp(item, "*") == 0;
		memset(&hints, 0, sizeof(hints));
		hints.ai_family = AF_UNSPEC;
		hints.ai_socktype = SOCK_STREAM;
		hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
		rc = getaddrinfo(any ? NULL : item, portstr, &hints, &res);
		if (rc != 0) {
			snprintf(err, errlen, "could not resolve listen address \"%s\": %s", item,
			       gai_strerror(rc));
			goto fail;
		}
		for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
			char host[INET6_ADDRSTRLEN] = "?";
			const char *fam = ai->ai_family == AF_INET6 ? "IPv6" : "IPv4";
			int fd;

			if (n >= maxfds)
				break;
			getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof(host), NULL, 0,
			            NI_NUMERICHOST);
			fd = bind_one(ai);
			if (fd < 0) {
				/* '*' on a machine without IPv6: the IPv4 socket is enough */
				if (any && ai->ai_family == AF_INET6 && errno == EAFNOSUPPORT)
					continue;
				snprintf(err, errlen, "could not bind %s address \"%s\" port %d: %s", fam, host,
				       port, strerror(errno));
				freeaddrinfo(res);
				goto fail;
			}
			fds[n++] = fd;
		}
		freeaddrinfo(res);
	}
	if (n == 0) {
		snprintf(err, errlen, "no address to listen on: listen_addresses is \"%s\"", addresses);
		return -1;
	}
	return n;
fail:
	listen_close_all(fds, n);
	return -1;
}

void
listen_close_all(int *fds, int n)
{
	for (int i = 0; i < n; i++)
		if (fds[i] >= 0) {
			close(fds[i]);
			fds[i] = -1;
		}
}
