/*
 * print.c — result display in psql's formats: aligned tables (numbers right-aligned,
 * headers centred, '+' marking continued multi-line cells, "(N rows)" footer), expanded
 * records, unaligned with a field separator, and CSV (RFC 4180 quoting).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psql.h"

int
text_width(const char *s, size_t len)
{
	int w = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c & 0xc0) == 0x80 || c < 0x20 || c == 0x7f)
			continue;   /* continuation byte or control character */
		w++;
	}
	return w;
}

static bool
right_aligned(phantom_oid t)
{
	switch (t) {
	case 20: case 21: case 23: case 26: case 28: case 700: case 701: case 790: case 1700:
		return true;
	default:
		return false;
	}
}

static const char *
cell(shell *sh, const phantom_result *r, int row, int col)
{
	return phantom_is_null(r, row, col) ? sh->set.null_display : phantom_value(r, row, col);
}

static void
spaces(FILE *f, int n)
{
	while (n-- > 0)
		fputc(' ', f);
}

/* Width of the widest line of a possibly multi-line value; *lines gets the line count. */
static int
cell_width(const char *v, int *lines)
{
	int w = 0;

	*lines = 0;
	for (;;) {
		const char *nl = strchr(v, '\n');
		size_t len = nl ? (size_t)(nl - v) : strlen(v);
		int lw = text_width(v, len);

		if (lw > w)
			w = lw;
		(*lines)++;
		if (!nl)
			return w;
		v = nl + 1;
	}
}

/* Line k of a multi-line value, as (start, length); false past the last line. */
static bool
cell_line(const char *v, int k, const char **start, size_t *len, bool *more)
{
	for (int i = 0; i < k; i++) {
		const char *nl = strchr(v, '\n');

		if (!nl)
			return false;
		v = nl + 1;
	}
	*start = v;
	*len = strchr(v, '\n') ? (size_t)(strchr(v, '\n') - v) : strlen(v);
	*more = strchr(v, '\n') != NULL;
	return true;
}

static void
footer(shell *sh, const phantom_result *r)
{
	int n = phantom_ntuples(r);

	if (!sh->set.tuples_only)
		fprintf(sh->out, "(%d row%s)\n", n, n == 1 ? "" : "s");
}

static void
print_aligned(shell *sh, const phantom_result *r)
{
	int nf = phantom_nfields(r), nt = phantom_ntuples(r);
	int *w = calloc((size_t)nf + 1, sizeof(int));
	FILE *o = sh->out;

	for (int c = 0; c < nf; c++) {
		int lines;

		w[c] = cell_width(phantom_fname(r, c), &lines);
		for (int i = 0; i < nt; i++) {
			int cw = cell_width(cell(sh, r, i, c), &lines);

			if (cw > w[c])
				w[c] = cw;
		}
	}
	if (sh->title && !sh->set.tuples_only) {
		int total = nf ? -1 : 0, tw = text_width(sh->title, strlen(sh->title));

		for (int c = 0; c < nf; c++)
			total += w[c] + 3;
		spaces(o, total > tw ? (total - tw) / 2 : 0);
		fprintf(o, "%s\n", sh->title);
	}
	if (!sh->set.tuples_only) {
		for (int c = 0; c < nf; c++) {
			const char *name = phantom_fname(r, c);
			int pad = w[c] - text_width(name, strlen(name));

			fputs(c ? "|" : "", o);
			spaces(o, 1 + pad / 2);
			fputs(name, o);
			spaces(o, pad - pad / 2 + 1);
		}
		fputc('\n', o);
		for (int c = 0; c < nf; c++) {
			fputs(c ? "+" : "", o);
			for (int k = 0; k < w[c] + 2; k++)
				fputc('-', o);
		}
		fputc('\n', o);
	}
	for (int i = 0; i < nt; i++) {
		int height = 1;

		for (int c = 0; c < nf; c++) {
			int lines;

			(void)cell_width(cell(sh, r, i, c), &lines);
			if (lines > height)
				height = lines;
		}
		for (int k = 0; k < height; k++) {
			for (int c = 0; c < nf; c++) {
				const char *s = "";
				size_t len = 0;
				bool more = false, last = c == nf - 1;
				int pad;

				(void)cell_line(cell(sh, r, i, c), k, &s, &len, &more);
				pad = w[c] - text_width(s, len);
				fputs(c ? "|" : "", o);
				fputc(' ', o);
				if (right_aligned(phantom_ftype(r, c))) {
					spaces(o, pad);
					fwrite(s, 1, len, o);
				} else {
					fwrite(s, 1, len, o);
					if (!last || more)
						spaces(o, pad);
				}
				if (more)
					fputc('+', o);
				else if (!last)
					fputc(' ', o);
			}
			fputc('\n', o);
		}
	}
	if (!sh->no_footer)
		footer(sh, r);
	if (!sh->no_footer || sh->set.tuples_only)
		fputc('\n', o);
	free(w);
}

static void
print_expanded(shell *sh, const phantom_result *r)
{
	int nf = phantom_nfields(r), nt = phantom_ntuples(r), hw = 0, dw = 0;
	FILE *o = sh->out;

	if (nt == 0) {
		if (!sh->set.tuples_only)
			fputs("(0 rows)\n", o);
		fputc('\n', o);
		return;
	}
	for (int c = 0; c < nf; c++) {
		int lines, n = cell_width(phantom_fname(r, c), &lines);

		if (n > hw)
			hw = n;
		for (int i = 0; i < nt; i++) {
			int v = cell_width(cell(sh, r, i, c), &lines);

			if (v > dw)
				dw = v;
		}
	}
	for (int i = 0; i < nt; i++) {
		if (sh->set.format == FMT_UNALIGNED) {
			if (i)
				fputc('\n', o);
		} else if (!sh->set.tuples_only || i > 0) {
			/* "-[ RECORD n ]" over a rule whose '+' marks the column separator */
			char head[64];
			int n = sh->set.tuples_only ? 0 : snprintf(head, sizeof(head), "-[ RECORD %d ]", i + 1);
			int total = hw + dw + 3;

			if (n)
				fputs(head, o);
			for (int k = n; k < (total > n ? total : n); k++)
				fputc(k == hw + 1 ? '+' : '-', o);
			fputc('\n', o);
		}
		for (int c = 0; c < nf; c++) {
			const char *name = phantom_fname(r, c), *v = cell(sh, r, i, c);

			if (sh->set.format == FMT_UNALIGNED) {
				fprintf(o, "%s%s%s\n", name, sh->set.fieldsep, v);
				continue;
			}
			for (int k = 0;; k++) {
				const char *ls;
				size_t len;
				bool more;

				if (!cell_line(v, k, &ls, &len, &more))
					break;
				if (k == 0)
					fputs(name, o);
				spaces(o, hw - (k == 0 ? text_width(name, strlen(name)) : 0));
				fputs(" | ", o);
				fwrite(ls, 1, len, o);
				if (more) {
					spaces(o, dw - text_width(ls, len));
					fputc('+', o);
				}
				fputc('\n', o);
				if (!more)
					break;
			}
		}
	}
	if (sh->set.format != FMT_UNALIGNED)
		fputc('\n', o);
}

static void
print_unaligned(shell *sh, const phantom_result *r)
{
	int nf = phantom_nfields(r), nt = phantom_ntuples(r);
	FILE *o = sh->out;

	if (!sh->set.tuples_only) {
		for (int c = 0; c < nf; c++)
			fprintf(o, "%s%s", c ? sh->set.fieldsep : "", phantom_fname(r, c));
		fputc('\n', o);
	}
	for (int i = 0; i < nt; i++) {
		for (int c = 0; c < nf; c++)
			fprintf(o, "%s%s", c ? sh->set.fieldsep : "", cell(sh, r, i, c));
		fputc('\n', o);
	}
	footer(sh, r);
}

static void
csv_field(FILE *o, const char *v, const char *sep)
{
	if (strpbrk(v, "\"\r\n") == NULL && strstr(v, sep) == NULL) {
		fputs(v, o);
		return;
	}
	fputc('"', o);
	for (; *v; v++) {
		if (*v == '"')
			fputc('"', o);
		fputc(*v, o);
	}
	fputc('"', o);
}

static void
print_csv(shell *sh, const phantom_result *r)
{
	int nf = phantom_nfields(r), nt = phantom_ntuples(r);
	const char *sep = strcmp(sh->set.fieldsep, "|") == 0 ? "," : sh->set.fieldsep;
	FILE *o = sh->out;

	if (!sh->set.tuples_only) {
		for (int c = 0; c < nf; c++) {
			fputs(c ? sep : "", o);
			csv_field(o, phantom_fname(r, c), sep);
		}
		fputc('\n', o);
	}
	for (int i = 0; i < nt; i++) {
		for (int c = 0; c < nf; c++) {
			fputs(c ? sep : "", o);
			if (!phantom_is_null(r, i, c))
				csv_field(o, phantom_value(r, i, c), sep);
		}
		fputc('\n', o);
	}
}

void
print_result(shell *sh, const phantom_result *r)
{
	switch (phantom_result_status(r)) {
	case PHANTOM_TUPLES_OK:
		if (sh->set.format == FMT_CSV)
			print_csv(sh, r);
		else if (sh->set.expanded)
			print_expanded(sh, r);
		else if (sh->set.format == FMT_UNALIGNED)
			print_unaligned(sh, r);
		else
			print_aligned(sh, r);
		break;
	case PHANTOM_COMMAND_OK:
		if (!sh->set.quiet && *phantom_cmd_status(r))
			fprintf(sh->out, "%s\n", phantom_cmd_status(r));
		break;
	default:
		break;
	}
	fflush(sh->out);
}

void
print_error(shell *sh, const phantom_result *r, const char *query)
{
	const char *pos = phantom_result_error_field(r, PHANTOM_DIAG_STATEMENT_POSITION);
	const char *sev = phantom_result_error_field(r, PHANTOM_DIAG_SEVERITY);
	const char *msg = phantom_result_error_field(r, PHANTOM_DIAG_MESSAGE_PRIMARY);
	const char *detail = phantom_result_error_field(r, PHANTOM_DIAG_MESSAGE_DETAIL);
	const char *hint = phantom_result_error_field(r, PHANTOM_DIAG_MESSAGE_HINT);

	fflush(sh->out);
	if (sh->source && !sh->interactive)
		fprintf(stderr, "phantom-sql:%s:%d: ", sh->source, sh->line);
	if (msg == NULL) {
		fputs(phantom_result_error_message(r), stderr);
		return;
	}
	fprintf(stderr, "%s:  %s\n", sev ? sev : "ERROR", msg);
	if (pos && query) {
		long p = strtol(pos, NULL, 10);
		const char *s = query, *line = query;
		int lineno = 1;
		long chars = 0;

		/* walk to the p-th character (positions count characters, not bytes) */
		for (; *s && chars < p - 1; s++) {
			if (((unsigned char)*s & 0xc0) == 0x80)
				continue;
			chars++;
			if (*s == '\n') {
				lineno++;
				line = s + 1;
			}
		}
		if (*s || chars == p - 1) {
			const char *end = strchr(line, '\n');
			size_t len = end ? (size_t)(end - line) : strlen(line);
			char prefix[32];
			int n = snprintf(prefix, sizeof(prefix), "LINE %d: ", lineno);

			fprintf(stderr, "%s%.*s\n", prefix, (int)len, line);
			spaces(stderr, n + text_width(line, (size_t)(s - line)));
			fputs("^\n", stderr);
		}
	}
	if (detail)
		fprintf(stderr, "DETAIL:  %s\n", detail);
	if (hint)
		fprintf(stderr, "HINT:  %s\n", hint);
}

void
print_notice(void *arg, const phantom_result *n)
{
	shell *sh = arg;

	fflush(sh->out);
	if (sh->source && !sh->interactive)
		fprintf(stderr, "phantom-sql:%s:%d: ", sh->source, sh->line);
	fputs(phantom_result_error_message(n), stderr);
}
