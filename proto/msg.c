/* msg.c — encoder and decoder for proto/msg.def messages; see msg.h for the format. */
#include <string.h>

#include "proto/msg.h"

static void
put_u16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void
put_u32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void
put_u64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static uint16_t
get_u16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t
get_u32(const uint8_t *p)
{
	uint32_t v = 0;

	for (int i = 3; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static uint64_t
get_u64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

const msg_desc *
msg_find(uint16_t type)
{
	for (unsigned i = 0; i < msg_table_len; i++)
		if (msg_table[i].type == type)
			return &msg_table[i];
	return NULL;
}

const char *
msg_type_name(uint16_t type)
{
	const msg_desc *d = msg_find(type);

	return d ? d->name : "UNKNOWN";
}

const char *
msg_strerror(int rc)
{
	switch (rc) {
	case MSG_OK:
		return "ok";
	case MSG_ESHORT:
		return "message truncated";
	case MSG_EMAGIC:
		return "bad magic number (not a Phantom-DB message)";
	case MSG_EVERSION:
		return "unsupported message protocol version";
	case MSG_ETYPE:
		return "unknown message type";
	case MSG_ETOOBIG:
		return "message longer than its header says or than the maximum";
	case MSG_EMALFORMED:
		return "payload does not match the message type";
	case MSG_ESPACE:
		return "message does not fit (buffer or field bound)";
	default:
		return "unknown error";
	}
}

/* Encoded size of one field's value in body, or 0 if the value breaks its bound. */
static size_t
field_size(const msg_field *f, const uint8_t *body)
{
	switch (f->kind) {
	case MF_U32:
	case MF_I32:
		return 4;
	case MF_U64:
	case MF_I64:
		return 8;
	case MF_STR: {
		const char *s = (const char *)body + f->offset;
		size_t n = strnlen(s, f->cap);

		return n < f->cap ? 2 + n : 0;
	}
	case MF_BYTES: {
		uint32_t n;

		memcpy(&n, body + f->len_offset, sizeof(n));
		return n <= f->cap ? 4 + (size_t)n : 0;
	}
	}
	return 0;
}

ssize_t
msg_encode(uint16_t type, const void *body_v, void *buf_v, size_t buflen)
{
	const msg_desc *d = msg_find(type);
	const uint8_t *body = body_v;
	uint8_t *buf = buf_v, *p;
	size_t payload = 0;

	if (d == NULL)
		return MSG_ETYPE;
	for (unsigned i = 0; i < d->nfields; i++) {
		size_t sz = field_size(&d->fields[i], body);

		if (sz == 0)
			return MSG_ESPACE;
		payload += sz;
	}
	if (payload > MSG_MAX_PAYLOAD || buflen < MSG_HDR_SIZE + payload)
		return MSG_ESPACE;
	put_u32(buf, MSG_MAGIC);
	put_u16(buf + 4, MSG_VERSION);
	put_u16(buf + 6, type);
	put_u32(buf + 8, (uint32_t)payload);
	p = buf + MSG_HDR_SIZE;
	for (unsigned i = 0; i < d->nfields; i++) {
		const msg_field *f = &d->fields[i];
		const uint8_t *v = body + f->offset;
		uint32_t u32;
		uint64_t u64;

		switch (f->kind) {
		case MF_U32:
		case MF_I32:
			memcpy(&u32, v, 4);
			put_u32(p, u32);
			p += 4;
			break;
		case MF_U64:
		case MF_I64:
			memcpy(&u64, v, 8);
			put_u64(p, u64);
			p += 8;
			break;
		case MF_STR: {
			size_t n = strnlen((const char *)v, f->cap);

			put_u16(p, (uint16_t)n);
			memcpy(p + 2, v, n);
			p += 2 + n;
			break;
		}
		case MF_BYTES:
			memcpy(&u32, body + f->len_offset, 4);
			put_u32(p, u32);
			memcpy(p + 4, v, u32);
			p += 4 + u32;
			break;
		}
	}
	return (ssize_t)(p - buf);
}

int
msg_peek(const void *buf_v, size_t len, msg_hdr *hdr)
{
	const uint8_t *buf = buf_v;

	memset(hdr, 0, sizeof(*hdr));
	if (len < MSG_HDR_SIZE)
		return MSG_ESHORT;
	hdr->magic = get_u32(buf);
	hdr->version = get_u16(buf + 4);
	hdr->type = get_u16(buf + 6);
	hdr->length = get_u32(buf + 8);
	if (hdr->magic != MSG_MAGIC)
		return MSG_EMAGIC;
	if (hdr->version != MSG_VERSION)
		return MSG_EVERSION;
	if (hdr->length > MSG_MAX_PAYLOAD)
		return MSG_ETOOBIG;
	return MSG_OK;
}

/* Decode the fields of d from p[0..len) into body; MSG_OK only if they use every byte. */
static int
decode_fields(const msg_desc *d, const uint8_t *p, size_t len, uint8_t *body)
{
	size_t pos = 0;

	for (unsigned i = 0; i < d->nfields; i++) {
		const msg_field *f = &d->fields[i];
		uint8_t *v = body + f->offset;
		uint32_t u32;
		uint64_t u64;
		size_t n;

		switch (f->kind) {
		case MF_U32:
		case MF_I32:
			if (len - pos < 4)
				return MSG_EMALFORMED;
			u32 = get_u32(p + pos);
			memcpy(v, &u32, 4);
			pos += 4;
			break;
		case MF_U64:
		case MF_I64:
			if (len - pos < 8)
				return MSG_EMALFORMED;
			u64 = get_u64(p + pos);
			memcpy(v, &u64, 8);
			pos += 8;
			break;
		case MF_STR:
			if (len - pos < 2)
				return MSG_EMALFORMED;
			n = get_u16(p + pos);
			pos += 2;
			if (n >= f->cap || len - pos < n || memchr(p + pos, '\0', n) != NULL)
				return MSG_EMALFORMED;
			memcpy(v, p + pos, n);
			v[n] = '\0';
			pos += n;
			break;
		case MF_BYTES:
			if (len - pos < 4)
				return MSG_EMALFORMED;
			u32 = get_u32(p + pos);
			pos += 4;
			if (u32 > f->cap || len - pos < u32)
				return MSG_EMALFORMED;
			memcpy(body + f->len_offset, &u32, 4);
			memcpy(v, p + pos, u32);
			pos += u32;
			break;
		}
	}
	return pos == len ? MSG_OK : MSG_EMALFORMED;
}

int
msg_decode(const void *buf_v, size_t len, msg *out)
{
	const uint8_t *buf = buf_v;
	const msg_desc *d;
	int rc = msg_peek(buf, len, &out->hdr);

	if (rc != MSG_OK)
		return rc;
	if (len - MSG_HDR_SIZE < out->hdr.length)
		return MSG_ESHORT;
	if (len - MSG_HDR_SIZE > out->hdr.length)
		return MSG_ETOOBIG;
	d = msg_find(out->hdr.type);
	if (d == NULL)
		return MSG_ETYPE;
	memset(&out->u, 0, d->struct_size);
	return decode_fields(d, buf + MSG_HDR_SIZE, out->hdr.length, (uint8_t *)&out->u);
}

int
msg_stream_drain(uint8_t *buf, size_t *len, msg_stream_fn fn, void *arg)
{
	size_t pos = 0;
	int count = 0;

	while (*len - pos >= MSG_HDR_SIZE) {
		msg_hdr h;
		int rc = msg_peek(buf + pos, *len - pos, &h);

		if (rc != MSG_OK) {
			*len = 0;
			return rc;
		}
		if (*len - pos < MSG_HDR_SIZE + h.length)
			break;
		fn(buf + pos, MSG_HDR_SIZE + h.length, arg);
		pos += MSG_HDR_SIZE + h.length;
		count++;
	}
	memmove(buf, buf + pos, *len - pos);
	*len -= pos;
	return count;
}
