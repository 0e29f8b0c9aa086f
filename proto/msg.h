/*
 * msg.h — the codec for messages between the server's processes (see proto/README.md).
 *
 * Every message is a 12-byte header followed by its payload, all little-endian:
 *
 *   offset size  field
 *        0    4  magic    MSG_MAGIC ("PHSM" in memory order)
 *        4    2  version  MSG_VERSION
 *        6    2  type     a code from proto/msg.def (enum msg_type)
 *        8    4  length   payload bytes that follow (<= MSG_MAX_PAYLOAD)
 *
 * The payload is the message's fields in the order of msg.def, each encoded by its type
 * (u32/i32 4 bytes, u64/i64 8 bytes, str<N> u16 length + bytes, bytes<N> u32 length +
 * bytes).  Decoding checks every bound: a message is accepted only if the header is intact,
 * the version is ours, the type is known, and the payload is exactly its fields.
 *
 * Entry points:
 *   msg_encode   struct -> bytes
 *   msg_decode   bytes -> header + struct, or a MSG_E* code (msg_strerror says why)
 *   msg_peek     header only, for byte streams (the supervisor's control pipe)
 *   msg_find     the descriptor (name, channel, fields) of a type
 *
 * Pure functions: no allocation, no locks, no global state; any process may call them.
 */
#ifndef PH_PROTO_MSG_H
#define PH_PROTO_MSG_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "proto/msg_gen.h"

#define MSG_MAGIC 0x4d534850u /* bytes 'P' 'H' 'S' 'M' */
#define MSG_VERSION 1
#define MSG_HDR_SIZE 12
#define MSG_MAX_PAYLOAD 16384
#define MSG_MAX_SIZE (MSG_HDR_SIZE + MSG_MAX_PAYLOAD)

/* CTL_SHUTDOWN modes. */
#define SHUTDOWN_SMART 1     /* finish the current session, then exit */
#define SHUTDOWN_FAST 2      /* end the current session now, then exit */

/* CHECKPOINT_REQUEST / CTL_CHECKPOINT flags. */
#define CKPT_SHUTDOWN 0x1u   /* the last checkpoint before a clean shutdown; exit afterwards */
#define CKPT_FORCE 0x2u      /* even if nothing was written since the last one */
#define CKPT_WAIT 0x4u       /* the requester waits for completion */

typedef enum msg_channel { MSG_CH_MAILBOX, MSG_CH_PIPE, MSG_CH_HANDOFF } msg_channel;
typedef enum msg_field_kind { MF_U32, MF_I32, MF_U64, MF_I64, MF_STR, MF_BYTES } msg_field_kind;

typedef struct msg_field {
	const char *name;
	msg_field_kind kind;
	size_t offset;      /* of the value (the char/uint8_t array for str and bytes) */
	unsigned cap;       /* str: array size (text < cap); bytes: array size */
	size_t len_offset;  /* bytes: offset of the uint32_t length */
} msg_field;

typedef struct msg_desc {
	uint16_t type;
	const char *name;
	msg_channel channel;
	const msg_field *fields;
	unsigned nfields;
	size_t struct_size;
	const char *doc;
} msg_desc;

extern const msg_desc msg_table[];
extern const unsigned msg_table_len;

typedef struct msg_hdr {
	uint32_t magic;
	uint16_t version;
	uint16_t type;
	uint32_t length;
} msg_hdr;

/* A decoded message. */
typedef struct msg {
	msg_hdr hdr;
	msg_body u;
} msg;

/* Result codes (negative). */
enum {
	MSG_OK = 0,
	MSG_ESHORT = -1,     /* fewer bytes than the header or its length announce */
	MSG_EMAGIC = -2,     /* not a Phantom-DB message */
	MSG_EVERSION = -3,   /* another protocol version */
	MSG_ETYPE = -4,      /* unknown message type */
	MSG_ETOOBIG = -5,    /* length above MSG_MAX_PAYLOAD, or more bytes than the message */
	MSG_EMALFORMED = -6, /* payload does not match the type's fields */
	MSG_ESPACE = -7      /* encoding: output buffer too small, or a field over its bound */
};

/* Descriptor of a message type, or NULL if unknown. */
const msg_desc *msg_find(uint16_t type);
/* Name of a type ("PING"), or "UNKNOWN". */
const char *msg_type_name(uint16_t type);
/* Text for a MSG_E* code. */
const char *msg_strerror(int rc);

/*
 * Encode a message of `type` from its struct `body` into buf.  Returns the total size
 * (header included) or MSG_ETYPE / MSG_ESPACE (buffer too small, a str field not
 * NUL-terminated within its array, a bytes length above its capacity).
 */
ssize_t msg_encode(uint16_t type, const void *body, void *buf, size_t buflen);

/*
 * Decode exactly one message occupying all of buf[0..len).  On MSG_OK, out->hdr and the
 * matching member of out->u are filled (str fields NUL-terminated).  On error, out->hdr holds
 * whatever of the header could be read (type 0 if none).
 */
int msg_decode(const void *buf, size_t len, msg *out);

/*
 * Read a header from the start of a byte stream.  Returns MSG_OK when a header is present
 * and plausible (magic, version, length bound: the caller then waits for
 * MSG_HDR_SIZE + hdr->length bytes), MSG_ESHORT when fewer than MSG_HDR_SIZE bytes are
 * there, or MSG_EMAGIC / MSG_EVERSION / MSG_ETOOBIG when the stream is not ours (the caller
 * should drop it).  The type is not checked here.
 */
int msg_peek(const void *buf, size_t len, msg_hdr *hdr);

/*
 * Take the complete messages off the front of a byte stream buffer buf[0..*len): fn is
 * called with each one (header included; decode it with msg_decode), then what remains (a
 * partial message) is moved to the front and *len updated.  Returns the number of messages,
 * or a MSG_E* code when the bytes are not a stream of ours: the buffer is then emptied.
 */
typedef void (*msg_stream_fn)(const uint8_t *m, size_t n, void *arg);
int msg_stream_drain(uint8_t *buf, size_t *len, msg_stream_fn fn, void *arg);

#endif
