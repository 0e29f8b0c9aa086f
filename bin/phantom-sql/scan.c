/*
 * scan.c — find statement boundaries in SQL text the way the server's lexer would see them:
 * a semicolon ends a statement only outside quotes (single, double, dollar-quoted), comments
 * (double dash, and nested C-style ones) and parentheses; a backslash outside quotes starts a
 * shell command.
 */
#include <ctype.h>
#include <string.h>

#include "psql.h"

static bool
dollar_tag_at(const char *t, size_t len, size_t i, char *tag, size_t cap)
{
	size_t j = i + 1;

	/* $$ or $ident$ (not $1, a parameter) */
	if (j < len && isdigit((unsigned char)t[j]))
		return false;
	while (j < len && (isalnum((unsigned char)t[j]) || t[j] == '_'))
		j++;
	if (j >= len || t[j] != '$' || j - i + 1 >= cap)
		return false;
	memcpy(tag, t + i, j - i + 1);
	tag[j - i + 1] = '\0';
	return true;
}

int
scan_text(const char *t, size_t len, size_t *pos, scan_state *st)
{
	size_t i = *pos;

	while (i < len) {
		char c = t[i];

		switch (st->open) {
		case SCAN_QUOTE:
		case SCAN_DQUOTE:
			if (c == (st->open == SCAN_QUOTE ? '\'' : '"')) {
				if (i + 1 < len && t[i + 1] == c)
					i++;   /* doubled quote */
				else
					st->open = st->paren ? SCAN_PAREN : SCAN_NONE;
			}
			i++;
			continue;
		case SCAN_DOLLAR: {
			size_t tl = strlen(st->dollar_tag);

			if (c == '$' && i + tl <= len && memcmp(t + i, st->dollar_tag, tl) == 0) {
				st->open = st->paren ? SCAN_PAREN : SCAN_NONE;
				i += tl;
				continue;
			}
			i++;
			continue;
		}
		case SCAN_COMMENT:
			if (c == '*' && i + 1 < len && t[i + 1] == '/') {
				i += 2;
				if (--st->comment_depth == 0)
					st->open = st->paren ? SCAN_PAREN : SCAN_NONE;
				continue;
			}
			if (c == '/' && i + 1 < len && t[i + 1] == '*') {
				st->comment_depth++;
				i += 2;
				continue;
			}
			i++;
			continue;
		default:
			break;
		}
		/* top level or inside parentheses */
		if (c == '\'') {
			st->open = SCAN_QUOTE;
		} else if (c == '"') {
			st->open = SCAN_DQUOTE;
		} else if (c == '$' && dollar_tag_at(t, len, i, st->dollar_tag, sizeof(st->dollar_tag))) {
			st->open = SCAN_DOLLAR;
			i += strlen(st->dollar_tag);
			continue;
		} else if (c == '-' && i + 1 < len && t[i + 1] == '-') {
			while (i < len && t[i] != '\n')
				i++;
			continue;
		} else if (c == '/' && i + 1 < len && t[i + 1] == '*') {
			st->open = SCAN_COMMENT;
			st->comment_depth = 1;
			i += 2;
			continue;
		} else if (c == '(') {
			st->paren++;
			st->open = SCAN_PAREN;
		} else if (c == ')') {
			if (st->paren > 0 && --st->paren == 0)
				st->open = SCAN_NONE;
		} else if (c == ';' && st->paren == 0) {
			*pos = i + 1;
			return 1;
		} else if (c == '\\' && st->paren == 0) {
			*pos = i;
			return 2;
		}
		i++;
	}
	*pos = i;
	return 0;
}

bool
scan_is_blank(const char *t)
{
	size_t len = strlen(t);

	for (size_t i = 0; i < len; i++) {
		if (isspace((unsigned char)t[i]))
			continue;
		if (t[i] == '-' && i + 1 < len && t[i + 1] == '-') {
			while (i < len && t[i] != '\n')
				i++;
			continue;
		}
		if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
			const char *e = strstr(t + i + 2, "*/");

			if (e == NULL)
				return false;
			i = (size_t)(e - t) + 1;
			continue;
		}
		return false;
	}
	return true;
}
