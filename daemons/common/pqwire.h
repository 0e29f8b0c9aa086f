/*
 * pqwire.h — the few PostgreSQL protocol v3 pieces the server needs outside lib/pgwire:
 * building backend messages (ErrorResponse for refused connections, the placeholder
 * session), reading StartupMessage parameters, and a bounded blocking write.
 *
 * References: PostgreSQL 15 documentation, "Frontend/Backend Protocol", chapters "Message
 * Flow" (start-up, SSLRequest, CancelRequest) and "Message Formats".  All integers are
 * big-endian (network order).
 */
#ifndef PH_DAEMONS_PQWIRE_H
#define PH_DAEMONS_PQWIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Request codes in the first packet (the int32 after the length word). */
#define PQ_PROTOCOL_3_0 196608u      /* 3 << 16 */
#define PQ_CANCEL_REQUEST 80877102u
#define PQ_SSL_REQUEST 80877103u
#define PQ_GSSENC_REQUEST 80877104u
/* Largest first packet accepted (PostgreSQL's MAX_STARTUP_PACKET_LENGTH). */
#define PQ_MAX_STARTUP 10000u

/* A message being built in a caller's buffer; overflow makes the whole message void. */
typedef struct pq_buf {
	uint8_t *data;
	size_t cap;
	size_t len;
	size_t start;   /* offset of the current message's type byte */
	bool overflow;
} pq_buf;

void pq_init(pq_buf *b, void *mem, size_t cap);
/* Start a message of the given type byte (length filled by pq_end). */
void pq_begin(pq_buf *b, char type);
void pq_byte(pq_buf *b, uint8_t v);
void pq_int16(pq_buf *b, uint16_t v);
void pq_int32(pq_buf *b, uint32_t v);
void pq_str(pq_buf *b, const char *s);   /* with its NUL */
void pq_end(pq_buf *b);
/* Append an ErrorResponse: severity ("FATAL", "ERROR"), SQLSTATE and message. */
void pq_error(pq_buf *b, const char *severity, const char *sqlstate, const char *message);

/*
 * Append a StartupMessage for protocol 3.0 with the given parameters: a NULL-terminated
 * array of name, value, name, value...  (the first message of a client, no type byte).
 */
void pq_startup(pq_buf *b, const char *const *params);

uint32_t pq_get32(const uint8_t *p);

/*
 * Value of parameter `name` in a StartupMessage (pkt/len include the length word), or NULL
 * when absent or the packet is malformed (every name and value must be NUL-terminated
 * inside the packet, and the list must end with an empty name).
 */
const char *pq_startup_param(const uint8_t *pkt, size_t len, const char *name);
/* true when the parameter list is well formed (see above). */
bool pq_startup_valid(const uint8_t *pkt, size_t len);

/*
 * Write all of buf to fd (blocking or not), waiting at most timeout_ms in total for the
 * socket to accept it.  Returns 0, or -1 (error, peer gone or timeout).  Never raises SIGPIPE.
 */
int pq_write_all(int fd, const void *buf, size_t len, int timeout_ms);
/* Build and send one FATAL ErrorResponse, best effort (timeout 1 s). */
void pq_send_fatal(int fd, const char *sqlstate, const char *message);

#endif
