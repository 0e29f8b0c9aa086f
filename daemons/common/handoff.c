/* handoff.c — connection hand-off from listener to worker; see handoff.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemons/common/handoff.h"
#include "shm/proc.h"

static socklen_t
handoff_addr(const char *shm_name, int slot, struct sockaddr_un *sa)
{
	int n;

	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	/* abstract: sun_path[0] is NUL; the name is the bytes that follow (no terminator) */
	n = snprintf(sa->sun_path + 1, sizeof(sa->sun_path) - 1, "%s.w%d",
	             shm_name[0] == '/' ? shm_name + 1 : shm_name, slot);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)n);
}

int
handoff_listen(const char *shm_name, int slot)
{
	struct sockaddr_un sa;
	socklen_t len = handoff_addr(shm_name, slot, &sa);
	int one = 1, fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) != 0 ||
	    bind(fd, (struct sockaddr *)&sa, len) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int
handoff_send(int sock, const char *shm_name, int slot, uint32_t gen, int connfd,
             const void *startup, size_t len)
{
	static uint8_t buf[MSG_MAX_SIZE];
	static msg_handoff h;
	struct sockaddr_un sa;
	socklen_t salen = handoff_addr(shm_name, slot, &sa);
	union { char buf[CMSG_SPACE(sizeof(int))]; struct cmsghdr align; } ctl;
	struct msghdr mh;
	struct iovec iov;
	struct cmsghdr *cm;
	ssize_t n;

	if (len > sizeof(h.startup))
		return -EMSGSIZE;
	h.slot = slot;
	h.generation = gen;
	h.startup_len = (uint32_t)len;
	memcpy(h.startup, startup, len);
	n = msg_encode(MSG_HANDOFF, &h, buf, sizeof(buf));
	if (n < 0)
		return -EMSGSIZE;
	iov.iov_base = buf;
	iov.iov_len = (size_t)n;
	memset(&mh, 0, sizeof(mh));
	mh.msg_name = &sa;
	mh.msg_namelen = salen;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	memset(&ctl, 0, sizeof(ctl));
	mh.msg_control = ctl.buf;
	mh.msg_controllen = sizeof(ctl.buf);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &connfd, sizeof(int));
	if (sendmsg(sock, &mh, MSG_DONTWAIT | MSG_NOSIGNAL) != n)
		return -(errno ? errno : EIO);
	return 0;
}

/* Is pid the listener of this server? */
static int
is_listener(pid_t pid)
{
	if (proc_tab == NULL)
		return 0;
	for (uint32_t i = 0; i < proc_tab->pt_nslots; i++) {
		proc_slot *s = &proc_tab->pt_slots[i];

		if (atomic_load(&s->ps_state) != PS_FREE && s->ps_role == ROLE_LISTENER &&
		    s->ps_pid == (int32_t)pid)
			return 1;
	}
	return 0;
}

int
handoff_recv(int sock, msg *out, char *err, size_t errlen)
{
	static uint8_t buf[MSG_MAX_SIZE];
	union {
		char buf[CMSG_SPACE(sizeof(int) * 4) + CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} ctl;
	struct msghdr mh;
	struct iovec iov = { buf, sizeof(buf) };
	struct ucred cred = { 0, (uid_t)-1, (gid_t)-1 };
	int fds[4], nfds = 0, rc;
	ssize_t n;

	err[0] = '\0';
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl.buf;
	mh.msg_controllen = sizeof(ctl.buf);
	n = recvmsg(sock, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
			snprintf(err, errlen, "could not receive a connection: %s", strerror(errno));
		return -1;
	}
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
		if (cm->cmsg_level != SOL_SOCKET)
			continue;
		if (cm->cmsg_type == SCM_RIGHTS) {
			size_t k = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);

			for (size_t i = 0; i < k; i++) {
				int fd;

				memcpy(&fd, CMSG_DATA(cm) + i * sizeof(int), sizeof(int));
				if (nfds < 4)
					fds[nfds++] = fd;
				else
					close(fd);
			}
		} else if (cm->cmsg_type == SCM_CREDENTIALS &&
		           cm->cmsg_len >= CMSG_LEN(sizeof(struct ucred))) {
			memcpy(&cred, CMSG_DATA(cm), sizeof(cred));
		}
	}
	if (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) {
		snprintf(err, errlen, "dropped a truncated hand-off datagram (%zd bytes)", n);
		goto reject;
	}
	if (cred.uid != geteuid() || !is_listener(cred.pid)) {
		snprintf(err, errlen, "dropped a hand-off datagram from pid %d (uid %d): not our listener",
		       (int)cred.pid, (int)cred.uid);
		goto reject;
	}
	if (nfds != 1) {
		snprintf(err, errlen, "dropped a hand-off datagram carrying %d descriptors", nfds);
		goto reject;
	}
	rc = msg_decode(buf, (size_t)n, out);
	if (rc != MSG_OK || out->hdr.type != MSG_HANDOFF) {
		snprintf(err, errlen, "dropped a malformed hand-off datagram: %s",
		       rc != MSG_OK ? msg_strerror(rc) : "not a HANDOFF message");
		goto reject;
	}
	return fds[0];
reject:
	for (int i = 0; i < nfds; i++)
		close(fds[i]);
	return -1;
}
