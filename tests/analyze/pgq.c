/*
 * pgq.c — the small libpq client tests/analyze/generate.sh uses to record PostgreSQL 15's
 * outcomes (not built by make: libpq is not a dependency of the project).  Build it with
 *   cc -o pgq tests/analyze/pgq.c -I/usr/include/postgresql -lpq
 * and point it at a throwaway server: PGQ_CONN="host=/tmp/pg port=5433 user=postgres dbname=anl".
 * For each argument: PQexec it and print "OK ..." or "ERR sqlstate|message|position[|HINT: h]
 * [|DETAIL: d]"; an argument "P:sql" is prepared and its parameter types printed.
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
	char conninfo[256];
	const char *env = getenv("PGQ_CONN");
	snprintf(conninfo, sizeof conninfo, "%s", env ? env : "dbname=postgres");
	PGconn *c = PQconnectdb(conninfo);
	if (PQstatus(c) != CONNECTION_OK) { fprintf(stderr, "%s", PQerrorMessage(c)); return 1; }
	for (int i = 1; i < argc; i++) {
		PGresult *r;
		if (argv[i][0] == 'P' && argv[i][1] == ':') {
			r = PQprepare(c, "", argv[i] + 2, 0, NULL);
			if (PQresultStatus(r) == PGRES_COMMAND_OK) {
				PQclear(r);
				r = PQdescribePrepared(c, "");
				printf("PARAMS");
				for (int j = 0; j < PQnparams(r); j++) {
					char q[128];
					snprintf(q, sizeof q, "select format_type(%u,NULL)", PQparamtype(r, j));
					PGresult *t = PQexec(c, q);
					printf(" $%d:%s", j + 1, PQgetvalue(t, 0, 0));
					PQclear(t);
				}
				printf("\n");
				PQclear(r);
				continue;
			}
		} else
			r = PQexec(c, argv[i]);
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_FATAL_ERROR) {
			const char *h = PQresultErrorField(r, PG_DIAG_MESSAGE_HINT);
			const char *d = PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL);
			const char *p = PQresultErrorField(r, PG_DIAG_STATEMENT_POSITION);
			printf("ERR %s|%s|%s", PQresultErrorField(r, PG_DIAG_SQLSTATE),
			       PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY), p ? p : "0");
			if (h) printf("|HINT: %s", h);
			if (d) printf("|DETAIL: %s", d);
			printf("\n");
		} else if (st == PGRES_TUPLES_OK) {
			printf("OK");
			for (int j = 0; j < PQnfields(r); j++) {
				char q[128];
				snprintf(q, sizeof q, "select format_type(%u,%d)", PQftype(r, j), PQfmod(r, j));
				PGresult *t = PQexec(c, q);
				printf(" %s:%s", PQfname(r, j), PQgetvalue(t, 0, 0));
				PQclear(t);
			}
			if (PQntuples(r) > 0) { printf(" ="); for (int j = 0; j < PQnfields(r); j++) printf(" %s", PQgetisnull(r,0,j) ? "NULL" : PQgetvalue(r, 0, j)); }
			printf("\n");
		} else printf("OK %s\n", PQcmdStatus(r));
		PQclear(r);
	}
	PQfinish(c);
	return 0;
}
