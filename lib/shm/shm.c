/* shm.c — create, lay out, attach and remove the shared-memory segment; see shm.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shm/proc.h"
#include "shm/shm.h"

extern const shm_region_def shm_region_table[];
extern const unsigned shm_region_count;

shm_header *shm_hdr = NULL;
static char created_name[64];
static size_t mapped_size;

#define ALIGN_UP(x, a) (((x) + (a) - 1) & ~((size_t)(a) - 1))
#define REGION_ALIGN 4096

static void
seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

void
shm_name_for(const char *datadir, char *buf, size_t buflen)
{
	struct stat st;

	if (stat(datadir, &st) != 0)
		memset(&st, 0, sizeof(st));
	snprintf(buf, buflen, "/phantom.%llx.%llx", (unsigned long long)st.st_dev,
	         (unsigned long long)st.st_ino);
}

size_t
shm_total_size(void)
{
	size_t off = ALIGN_UP(sizeof(shm_header), REGION_ALIGN);

	for (unsigned i = 0; i < shm_region_count; i++)
		off += ALIGN_UP(shm_region_table[i].size(), REGION_ALIGN);
	return off;
}

int
shm_create(const char *name, char *err, size_t errlen)
{
	size_t total = shm_total_size(), off;
	int fd;
	void *p;

	fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0) {
		seterr(err, errlen, "could not create shared memory segment \"%s\": %s", name,
		       strerror(errno));
		return -1;
	}
	if (ftruncate(fd, (off_t)total) != 0) {
		seterr(err, errlen, "could not size shared memory segment \"%s\" to %zu bytes: %s", name,
		       total, strerror(errno));
		close(fd);
		shm_unlink(name);
		return -1;
	}
	p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		seterr(err, errlen, "could not map shared memory segment \"%s\": %s", name,
		       strerror(errno));
		shm_unlink(name);
		return -1;
	}
	snprintf(created_name, sizeof(created_name), "%s", name);
	mapped_size = total;
	shm_hdr = p;
	memset(shm_hdr, 0, sizeof(*shm_hdr));
	shm_hdr->sh_magic = SHM_MAGIC;
	shm_hdr->sh_version = SHM_LAYOUT_VERSION;
	shm_hdr->sh_size = total;
	shm_hdr->sh_creator_pid = (int32_t)getpid();
	off = ALIGN_UP(sizeof(shm_header), REGION_ALIGN);
	for (unsigned i = 0; i < shm_region_count && i < SHM_MAX_REGIONS; i++) {
		size_t sz = shm_region_table[i].size();
		shm_region_info *ri = &shm_hdr->sh_regions[i];

		snprintf(ri->name, sizeof(ri->name), "%s", shm_region_table[i].name);
		ri->offset = off;
		ri->size = sz;
		shm_region_table[i].init((char *)p + off, sz);
		off += ALIGN_UP(sz, REGION_ALIGN);
	}
	shm_hdr->sh_nregions = shm_region_count;
	return 0;
}

void
shm_destroy(void)
{
	if (shm_hdr == NULL)
		return;
	munmap(shm_hdr, mapped_size);
	shm_hdr = NULL;
	proc_tab = NULL;
	if (created_name[0]) {
		shm_unlink(created_name);
		created_name[0] = '\0';
	}
}

int
shm_remove_stale(const char *name)
{
	return shm_unlink(name) == 0 ? 1 : 0;
}

void *
shm_region(const char *name)
{
	if (shm_hdr == NULL)
		return NULL;
	for (uint32_t i = 0; i < shm_hdr->sh_nregions; i++)
		if (strcmp(shm_hdr->sh_regions[i].name, name) == 0)
			return (char *)shm_hdr + shm_hdr->sh_regions[i].offset;
	return NULL;
}

int
shm_attach_readonly(const char *name, char *err, size_t errlen)
{
	int fd = shm_open(name, O_RDONLY, 0);
	struct stat st;
	void *p;

	if (fd < 0) {
		seterr(err, errlen, "could not open shared memory segment \"%s\": %s", name,
		       strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || (size_t)st.st_size < sizeof(shm_header)) {
		seterr(err, errlen, "shared memory segment \"%s\" is too small", name);
		close(fd);
		return -1;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		seterr(err, errlen, "could not map shared memory segment \"%s\": %s", name,
		       strerror(errno));
		return -1;
	}
	shm_hdr = p;
	mapped_size = (size_t)st.st_size;
	if (shm_hdr->sh_magic != SHM_MAGIC || shm_hdr->sh_version != SHM_LAYOUT_VERSION) {
		seterr(err, errlen, "shared memory segment \"%s\" has an unknown layout", name);
		munmap(p, mapped_size);
		shm_hdr = NULL;
		return -1;
	}
	proc_tab = shm_region("proc");
	return 0;
}
