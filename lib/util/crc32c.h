/*
 * crc32c.h — CRC-32C (Castagnoli), the checksum of every data page (lib/page).
 *
 * crc32c(crc, data, len) continues a running CRC the way zlib's crc32() does: start with 0,
 * feed the pieces in order, and the result is the CRC of their concatenation; the standard
 * check value crc32c(0, "123456789", 9) is 0xe3069283.  The SSE4.2 `crc32` instruction is
 * used when the CPU has it (cpuid, checked once per process at the first call); otherwise a
 * slicing-by-8 table implementation.  Both are exported so that tests can compare them.
 * Pure functions: any process, no locks, never raise.
 */
#ifndef PH_UTIL_CRC32C_H
#define PH_UTIL_CRC32C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

uint32_t crc32c(uint32_t crc, const void *data, size_t len);
/* The table implementation (always available). */
uint32_t crc32c_sw(uint32_t crc, const void *data, size_t len);
/* The SSE4.2 implementation; call only when crc32c_have_hw() is true. */
uint32_t crc32c_hw(uint32_t crc, const void *data, size_t len);
bool crc32c_have_hw(void);

#endif
