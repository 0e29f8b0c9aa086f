/* check_proto.c — the inter-process message codec (proto/msg.h). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "proto/msg.h"

static uint8_t buf[MSG_MAX_SIZE + 64];

/* Fill every field of a message struct with a value derived from seed. */
static void
fill(const msg_desc *d, void *body, unsigned seed)
{
	uint8_t *b = body;

	memset(body, 0, d->struct_size);
	for (unsigned i = 0; i < d->nfields; i++) {
		const msg_field *f = &d->fields[i];
		uint64_t v = 0x0102030405060708ull * (seed + i + 1);

		switch (f->kind) {
		case MF_U32:
		case MF_I32:
			memcpy(b + f->offset, &v, 4);
			break;
		case MF_U64:
		case MF_I64:
			memcpy(b + f->offset, &v, 8);
			break;
		case MF_STR:
			for (unsigned k = 0; k < f->cap - 1; k++)
				b[f->offset + k] = (uint8_t)('a' + (k + seed) % 26);
			break;
		case MF_BYTES: {
			uint32_t n = f->cap;

			memcpy(b + f->len_offset, &n, 4);
			for (unsigned k = 0; k < n; k++)
				b[f->offset + k] = (uint8_t)(k * 7 + seed);
			break;
		}
		}
	}
}

START_TEST(every_type_round_trips_at_full_bounds)
{
	for (unsigned t = 0; t < msg_table_len; t++) {
		const msg_desc *d = &msg_table[t];
		msg_body in;
		msg out;
		ssize_t n;

		fill(d, &in, t);
		n = msg_encode(d->type, &in, buf, sizeof(buf));
		ck_assert_msg(n > 0, "%s: encode failed %zd", d->name, n);
		ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_OK);
		ck_assert_uint_eq(out.hdr.type, d->type);
		ck_assert_uint_eq(out.hdr.version, MSG_VERSION);
		ck_assert_uint_eq(out.hdr.length, (size_t)n - MSG_HDR_SIZE);
		ck_assert_msg(memcmp(&in, &out.u, d->struct_size) == 0, "%s differs", d->name);
	}
}
END_TEST

START_TEST(small_values_round_trip_and_strings_end_in_nul)
{
	msg_ping p = { .token = 42 };
	msg out;
	ssize_t n;

	strcpy(p.reply_to, "ipc:///tmp/x.ipc");
	n = msg_encode(MSG_PING, &p, buf, sizeof(buf));
	ck_assert_int_eq(n, MSG_HDR_SIZE + 8 + 2 + 16);
	memset(&out, 0x55, sizeof(out));
	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_OK);
	ck_assert_uint_eq(out.u.ping.token, 42);
	ck_assert_str_eq(out.u.ping.reply_to, "ipc:///tmp/x.ipc");
}
END_TEST

START_TEST(negative_integers_survive)
{
	msg_pong p = { .token = UINT64_MAX, .pid = -5, .role = 3, .slot = -1 };
	msg out;
	ssize_t n = msg_encode(MSG_PONG, &p, buf, sizeof(buf));

	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_OK);
	ck_assert_int_eq(out.u.pong.pid, -5);
	ck_assert_int_eq(out.u.pong.slot, -1);
	ck_assert(out.u.pong.token == UINT64_MAX);
}
END_TEST

START_TEST(every_truncation_is_rejected)
{
	msg_handoff h;
	msg out;
	ssize_t n;

	memset(&h, 0, sizeof(h));
	h.slot = 7;
	h.startup_len = 300;
	n = msg_encode(MSG_HANDOFF, &h, buf, sizeof(buf));
	ck_assert_int_gt(n, 300);
	for (ssize_t k = 0; k < n; k++)
		ck_assert_int_eq(msg_decode(buf, (size_t)k, &out), MSG_ESHORT);
}
END_TEST

START_TEST(wrong_version_and_magic_are_rejected)
{
	msg_worker_idle w = { 3, 9 };
	msg out;
	ssize_t n = msg_encode(MSG_WORKER_IDLE, &w, buf, sizeof(buf));

	buf[4] = MSG_VERSION + 1;
	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_EVERSION);
	ck_assert_uint_eq(out.hdr.version, MSG_VERSION + 1);
	buf[4] = MSG_VERSION;
	buf[0] ^= 0xff;
	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_EMAGIC);
}
END_TEST

START_TEST(unknown_type_is_rejected_with_its_code)
{
	msg_worker_idle w = { 3, 9 };
	msg out;
	ssize_t n = msg_encode(MSG_WORKER_IDLE, &w, buf, sizeof(buf));

	buf[6] = 0xee;
	buf[7] = 0x7e;
	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_ETYPE);
	ck_assert_uint_eq(out.hdr.type, 0x7eee);
	ck_assert_str_eq(msg_type_name(0x7eee), "UNKNOWN");
	ck_assert_int_eq(msg_encode(0x7eee, &w, buf, sizeof(buf)), MSG_ETYPE);
}
END_TEST

START_TEST(oversized_and_trailing_bytes_are_rejected)
{
	msg_worker_idle w = { 3, 9 };
	msg out;
	ssize_t n = msg_encode(MSG_WORKER_IDLE, &w, buf, sizeof(buf));

	/* one byte more than the header announces */
	ck_assert_int_eq(msg_decode(buf, (size_t)n + 1, &out), MSG_ETOOBIG);
	/* a length above the maximum */
	buf[8] = 0xff;
	buf[9] = 0xff;
	buf[10] = 0xff;
	buf[11] = 0x7f;
	ck_assert_int_eq(msg_decode(buf, sizeof(buf), &out), MSG_ETOOBIG);
	/* payload longer than the fields (header agrees with the buffer) */
	n = msg_encode(MSG_WORKER_IDLE, &w, buf, sizeof(buf));
	buf[8] += 1;
	ck_assert_int_eq(msg_decode(buf, (size_t)n + 1, &out), MSG_EMALFORMED);
	/* payload shorter than the fields */
	n = msg_encode(MSG_WORKER_IDLE, &w, buf, sizeof(buf));
	buf[8] -= 1;
	ck_assert_int_eq(msg_decode(buf, (size_t)n - 1, &out), MSG_EMALFORMED);
}
END_TEST

START_TEST(string_and_bytes_bounds_are_enforced)
{
	msg_ping p = { .token = 1 };
	msg_handoff h;
	msg out;
	ssize_t n;

	/* a str that fills its array without a NUL cannot be encoded */
	memset(p.reply_to, 'x', sizeof(p.reply_to));
	ck_assert_int_eq(msg_encode(MSG_PING, &p, buf, sizeof(buf)), MSG_ESPACE);
	/* a decoded str length at the array size is rejected */
	p.reply_to[sizeof(p.reply_to) - 1] = '\0';
	n = msg_encode(MSG_PING, &p, buf, sizeof(buf));
	ck_assert_int_gt(n, 0);
	buf[MSG_HDR_SIZE + 8] = (uint8_t)sizeof(p.reply_to);
	buf[MSG_HDR_SIZE + 9] = (uint8_t)(sizeof(p.reply_to) >> 8);
	buf[8] += 1;
	buf[n] = 'x';
	ck_assert_int_eq(msg_decode(buf, (size_t)n + 1, &out), MSG_EMALFORMED);
	/* a NUL inside a str is rejected */
	strcpy(p.reply_to, "abc");
	n = msg_encode(MSG_PING, &p, buf, sizeof(buf));
	buf[MSG_HDR_SIZE + 8 + 2 + 1] = '\0';
	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_EMALFORMED);
	/* bytes above capacity: refused by the encoder and by the decoder */
	memset(&h, 0, sizeof(h));
	h.startup_len = sizeof(h.startup) + 1;
	ck_assert_int_eq(msg_encode(MSG_HANDOFF, &h, buf, sizeof(buf)), MSG_ESPACE);
	h.startup_len = 4;
	n = msg_encode(MSG_HANDOFF, &h, buf, sizeof(buf));
	buf[MSG_HDR_SIZE + 8 + 1] = 0x30; /* length 0x3004 > 10000 */
	ck_assert_int_eq(msg_decode(buf, (size_t)n, &out), MSG_EMALFORMED);
}
END_TEST

START_TEST(encoder_respects_the_output_buffer)
{
	msg_ping p = { .token = 1 };
	ssize_t need;

	strcpy(p.reply_to, "abc");
	need = msg_encode(MSG_PING, &p, buf, sizeof(buf));
	ck_assert_int_eq(msg_encode(MSG_PING, &p, buf, (size_t)need - 1), MSG_ESPACE);
	ck_assert_int_eq(msg_encode(MSG_PING, &p, buf, (size_t)need), need);
}
END_TEST

START_TEST(peek_reads_stream_headers)
{
	msg_ctl_shutdown s = { SHUTDOWN_FAST };
	msg_hdr h;
	ssize_t n = msg_encode(MSG_CTL_SHUTDOWN, &s, buf, sizeof(buf));

	ck_assert_int_eq(msg_peek(buf, MSG_HDR_SIZE - 1, &h), MSG_ESHORT);
	ck_assert_int_eq(msg_peek(buf, (size_t)n, &h), MSG_OK);
	ck_assert_uint_eq(h.type, MSG_CTL_SHUTDOWN);
	ck_assert_uint_eq(h.length, 4);
	buf[1] = 0;
	ck_assert_int_eq(msg_peek(buf, (size_t)n, &h), MSG_EMAGIC);
}
END_TEST

static int seen_types[8], nseen;

static void
collect(const uint8_t *m, size_t n, void *arg)
{
	msg out;

	(void)arg;
	ck_assert_int_eq(msg_decode(m, n, &out), MSG_OK);
	seen_types[nseen++] = out.hdr.type;
}

START_TEST(stream_drain_splits_messages_and_keeps_the_rest)
{
	msg_ctl_shutdown s = { SHUTDOWN_SMART };
	msg_ctl_need_worker w = { 1, 2, 3 };
	uint8_t stream[256];
	size_t len = 0, keep;
	ssize_t n1 = msg_encode(MSG_CTL_SHUTDOWN, &s, stream, sizeof(stream)), n2;

	len = (size_t)n1;
	n2 = msg_encode(MSG_CTL_NEED_WORKER, &w, stream + len, sizeof(stream) - len);
	len += (size_t)n2;
	/* a third message cut in the middle */
	len += (size_t)msg_encode(MSG_CTL_SHUTDOWN, &s, stream + len, sizeof(stream) - len) - 5;
	keep = len - (size_t)n1 - (size_t)n2;
	nseen = 0;
	ck_assert_int_eq(msg_stream_drain(stream, &len, collect, NULL), 2);
	ck_assert_int_eq(seen_types[0], MSG_CTL_SHUTDOWN);
	ck_assert_int_eq(seen_types[1], MSG_CTL_NEED_WORKER);
	ck_assert_uint_eq(len, keep);
	ck_assert_int_eq(msg_stream_drain(stream, &len, collect, NULL), 0);
	ck_assert_uint_eq(len, keep);
	/* garbage: the stream is dropped */
	memcpy(stream, "garbage garbage", 15);
	len = 15;
	ck_assert_int_eq(msg_stream_drain(stream, &len, collect, NULL), MSG_EMAGIC);
	ck_assert_uint_eq(len, 0);
}
END_TEST

START_TEST(table_is_consistent)
{
	for (unsigned i = 0; i < msg_table_len; i++) {
		const msg_desc *d = &msg_table[i];

		ck_assert_ptr_eq(msg_find(d->type), d);
		ck_assert_str_eq(msg_type_name(d->type), d->name);
		ck_assert(d->doc != NULL && d->doc[0] != '\0');
		for (unsigned j = i + 1; j < msg_table_len; j++)
			ck_assert_uint_ne(d->type, msg_table[j].type);
	}
	ck_assert_uint_eq(msg_table_len, MSG_NTYPES);
	ck_assert_ptr_eq(msg_find(0), NULL);
	ck_assert_str_eq(msg_strerror(MSG_EVERSION), "unsupported message protocol version");
	for (int rc = MSG_OK; rc >= MSG_ESPACE; rc--)
		ck_assert_str_ne(msg_strerror(rc), "unknown error");
	ck_assert_str_eq(msg_strerror(-99), "unknown error");
}
END_TEST

START_TEST(random_bytes_never_crash_the_decoder)
{
	msg out;
	unsigned seed = 12345;

	for (int round = 0; round < 20000; round++) {
		size_t len = (size_t)(rand_r(&seed) % 64);

		for (size_t k = 0; k < len; k++)
			buf[k] = (uint8_t)rand_r(&seed);
		/* half the time, a valid header so that the payload decoder runs */
		if (round & 1 && len >= MSG_HDR_SIZE) {
			const msg_desc *d = &msg_table[(unsigned)rand_r(&seed) % msg_table_len];

			buf[0] = 'P', buf[1] = 'H', buf[2] = 'S', buf[3] = 'M';
			buf[4] = MSG_VERSION, buf[5] = 0;
			buf[6] = (uint8_t)d->type, buf[7] = (uint8_t)(d->type >> 8);
			buf[8] = (uint8_t)(len - MSG_HDR_SIZE), buf[9] = buf[10] = buf[11] = 0;
		}
		(void)msg_decode(buf, len, &out);
	}
}
END_TEST

static Suite *
proto_suite(void)
{
	Suite *s = suite_create("proto");
	TCase *tc = tcase_create("codec");

	tcase_add_test(tc, every_type_round_trips_at_full_bounds);
	tcase_add_test(tc, small_values_round_trip_and_strings_end_in_nul);
	tcase_add_test(tc, negative_integers_survive);
	tcase_add_test(tc, every_truncation_is_rejected);
	tcase_add_test(tc, wrong_version_and_magic_are_rejected);
	tcase_add_test(tc, unknown_type_is_rejected_with_its_code);
	tcase_add_test(tc, oversized_and_trailing_bytes_are_rejected);
	tcase_add_test(tc, string_and_bytes_bounds_are_enforced);
	tcase_add_test(tc, encoder_respects_the_output_buffer);
	tcase_add_test(tc, peek_reads_stream_headers);
	tcase_add_test(tc, stream_drain_splits_messages_and_keeps_the_rest);
	tcase_add_test(tc, table_is_consistent);
	tcase_add_test(tc, random_bytes_never_crash_the_decoder);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	SRunner *sr = srunner_create(proto_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? 0 : 1;
}
