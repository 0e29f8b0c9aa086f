/*
 * crc32c.c — CRC-32C (Castagnoli polynomial 0x1EDC6F41, reflected 0x82F63B78), as used by
 * iSCSI, ext4 and PostgreSQL.  With SSE4.2 the crc32 instruction does 8 bytes per step;
 * otherwise a slicing-by-8 table does.  The choice is made once per process.
 */
#include <stdbool.h>
#include <string.h>

#include "wal/wal.h"

#define POLY 0x82F63B78u

static uint32_t tab[8][256];
static bool tab_ready;
static int use_hw = -1; /* -1 unknown, 0 no, 1 yes */

static void
build_tables(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;

		for (int k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ POLY : c >> 1;
		tab[0][i] = c;
	}
	for (uint32_t i = 0; i < 256; i++)
		for (int t = 1; t < 8; t++)
			tab[t][i] = (tab[t - 1][i] >> 8) ^ tab[0][tab[t - 1][i] & 0xff];
	tab_ready = true;
}

static uint32_t
crc_sw(uint32_t crc, const unsigned char *p, size_t len)
{
	if (!tab_ready)
		build_tables();
	while (len >= 8) {
		uint32_t lo, hi;

		memcpy(&lo, p, 4);
		memcpy(&hi, p + 4, 4);
		lo ^= crc;
		crc = tab[7][lo & 0xff] ^ tab[6][(lo >> 8) & 0xff] ^ tab[5][(lo >> 16) & 0xff] ^
		      tab[4][lo >> 24] ^ tab[3][hi & 0xff] ^ tab[2][(hi >> 8) & 0xff] ^
		      tab[1][(hi >> 16) & 0xff] ^ tab[0][hi >> 24];
		p += 8;
		len -= 8;
	}
	while (len--)
		crc = (crc >> 8) ^ tab[0][(crc ^ *p++) & 0xff];
	return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint32_t
crc_hw(uint32_t crc, const unsigned char *p, size_t len)
{
	uint64_t c = crc;

	while (len >= 8) {
		uint64_t v;

		memcpy(&v, p, 8);
		c = __builtin_ia32_crc32di(c, v);
		p += 8;
		len -= 8;
	}
	crc = (uint32_t)c;
	while (len--)
		crc = __builtin_ia32_crc32qi(crc, *p++);
	return crc;
}
#endif

uint32_t
wal_crc32c_update(uint32_t crc, const void *data, size_t len)
{
#if defined(__x86_64__)
	if (use_hw < 0) {
		__builtin_cpu_init();
		use_hw = __builtin_cpu_supports("sse4.2") ? 1 : 0;
	}
	if (use_hw)
		return crc_hw(crc, data, len);
#endif
	return crc_sw(crc, data, len);
}

uint32_t
wal_crc32c(const void *data, size_t len)
{
	return wal_crc32c_final(wal_crc32c_update(0xffffffffu, data, len));
}

/* For tests: force the portable path (0) or the detected one (-1). */
void wal_crc32c_force_software(int on);
void
wal_crc32c_force_software(int on)
{
	use_hw = on ? 0 : -1;
}
